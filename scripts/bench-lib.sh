# Shared by scripts/bench-*.sh (source it, do not run it): starts and stops one cwlogs server for a
# measurement and runs the load generator.
#
# Expects the jars built first (the scripts do not build, so a measurement never includes a compile):
#   mvn -B -q -pl cwlogs-server,cwlogs-bench -am package -DskipTests
#
# Environment (all optional):
#   JAVA_HOME         JDK for the server and the generator (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   CWLOGS_JAVA_OPTS  the server's JVM options (default -Xmx512m); ./cwlogs serve honours the same variable
#   PORT              the server's port (each script has its own default in 4630-4639)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JAVA_HOME/bin/java" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
JAVA="$JAVA_HOME/bin/java"
CWLOGS_JAVA_OPTS="${CWLOGS_JAVA_OPTS:--Xmx512m}"
server_jar="$root/cwlogs-server/target/cwlogs-server.jar"
bench_jar="$root/cwlogs-bench/target/benchmarks.jar"
server_pid=""

for jar in "$server_jar" "$bench_jar"; do
  [ -f "$jar" ] || { echo "missing $jar: mvn -B -q -pl cwlogs-server,cwlogs-bench -am package -DskipTests" >&2; exit 1; }
done

# start_server DATA_DIR LOG_FILE [extra JVM options...]: starts the server on $PORT and waits for /health.
start_server() {
  local data="$1" log="$2"
  shift 2
  # shellcheck disable=SC2086 # CWLOGS_JAVA_OPTS is a list of options
  "$JAVA" --enable-native-access=ALL-UNNAMED $CWLOGS_JAVA_OPTS "$@" \
    -cp "$server_jar:$root/cwlogs-server/target/lib/*" io.cwlogs.server.Main serve \
    --host 127.0.0.1 --port "$PORT" --data-dir "$data" >"$log" 2>&1 &
  server_pid=$!
  local waited=0
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited; its log:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.2
    waited=$((waited + 1))
    [ "$waited" -lt 300 ] || { echo "server not ready after 60 s" >&2; exit 1; }
  done
  echo "server pid $server_pid on port $PORT ($CWLOGS_JAVA_OPTS${*:+ $*}), $(grep -o 'in [0-9]* ms' "$log" | tail -1)"
}

# stop_server: stops the server this script started (SIGTERM, then waits for it to close the store).
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

# load_generator ARGS...: the load generator against this server.
load_generator() {
  "$JAVA" -cp "$bench_jar" io.cwlogs.bench.LoadGenerator --endpoint "http://127.0.0.1:$PORT" "$@"
}

load_average() {
  cut -d' ' -f1-3 /proc/loadavg
}

# server_histogram OPERATION: the server's own latency histogram for one operation (cumulative bucket
# counts since it started, from /metrics), as "<= bound: count" lines.
server_histogram() {
  curl -s "http://127.0.0.1:$PORT/metrics" |
    awk -v op="$1" -F'[{}]' '$1 == "cwlogs_request_duration_seconds_bucket" && index($2, "operation=\"" op "\"") {
      split($2, kv, "le=\""); le = kv[2]; sub(/".*/, "", le); printf "  <= %s s: %s\n", le, $3 }'
}
