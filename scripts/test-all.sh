#!/usr/bin/env bash
# Every test suite, in order: the Maven build with all Java tests (unit, storage contract, SDK conformance,
# kill -9), then the boto3/awscli conformance suite against a freshly started server.
# Called by `./cwlogs test` (which picks the JDK); extra arguments go to Maven.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

status=0
echo "== Java: mvn verify"
if ! mvn -B -ntp verify "$@"; then
  echo "Java tests FAILED"
  exit 1
fi

if [ -d conformance ]; then
  echo "== Python: boto3/awscli conformance against a fresh server"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  data=$(mktemp -d)
  log="$data/server.log"
  java -cp "cwlogs-server/target/cwlogs-server.jar:cwlogs-server/target/lib/*" io.cwlogs.server.Main serve \
    --host 127.0.0.1 --port "$port" --data-dir "$data/db" --enable-reset >"$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.2
  done
  if ! curl -fs "http://127.0.0.1:$port/health" >/dev/null; then
    echo "server did not start:"; cat "$log"; exit 1
  fi
  CWLOGS_ENDPOINT="http://127.0.0.1:$port" python3 -m pytest conformance -q -p no:cacheprovider || status=1
  if [ $status -ne 0 ]; then echo "--- server log (tail)"; tail -50 "$log"; fi
fi
exit $status
