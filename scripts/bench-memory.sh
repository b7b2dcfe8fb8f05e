#!/usr/bin/env bash
# Does the server's memory stay flat while data piles up? (issue 5: "server memory flat, no growth with
# data stored")
#
# Starts the server with a bounded heap (CWLOGS_JAVA_OPTS, default -Xmx512m) and a GC log, runs one long
# PutLogEvents ingest with the load generator, and every INTERVAL seconds appends one sample to a CSV:
#
#   elapsed_s          seconds since the ingest started (the first row, 0, is the idle server)
#   rss_mib            the server's resident set (/proc/PID/status VmRSS): heap + RocksDB + everything native
#   heap_used_mib      Java heap in use right now (jstat -gc: survivors + eden + old)
#   heap_committed_mib Java heap committed, i.e. backed by memory from the OS (jstat -gc)
#   heap_after_gc_mib  heap in use just after the most recent GC (GC log): the live set plus garbage not
#                      yet collected in old regions; the figure that must not climb
#   gcs                GCs so far, young, mixed, full and concurrent cycles (the GC log's last GC(n) + 1)
#   data_mib           size of the data directory (du): the data stored, which should climb
#   load1              1-minute load average (the machine is shared)
#
# At the end it prints the load generator's result, then the first, middle and last samples and the
# largest RSS. Memory is flat if rss_mib and heap_after_gc_mib at the end are about those in the middle
# while data_mib has grown.
#
#   scripts/bench-memory.sh [SECONDS [LOAD GENERATOR OPTIONS...]]
#     SECONDS  ingest duration (default 600)
#     options  replace the default ingest "--threads 4 --batch 1000 --message-bytes 200 --shape text";
#              e.g. "--threads 4 --batch 4000 --rate 125000" for the 1 MB batches at half rate
#
# Environment: CWLOGS_JAVA_OPTS, JAVA_HOME (scripts/bench-lib.sh); PORT (4630); INTERVAL (10);
# DATA (/tmp/bench-memory: server data, GC log and logs; deleted at the end unless KEEP=1);
# CSV (/tmp/bench-memory.csv).
set -euo pipefail
PORT="${PORT:-4630}"
INTERVAL="${INTERVAL:-10}"
DATA="${DATA:-/tmp/bench-memory}"
CSV="${CSV:-/tmp/bench-memory.csv}"
# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"

seconds="${1:-600}"
[ $# -gt 0 ] && shift
ingest=("$@")
[ ${#ingest[@]} -gt 0 ] || ingest=(--threads 4 --batch 1000 --message-bytes 200 --shape text)

gen_pid=""
cleanup() {
  [ -n "$gen_pid" ] && kill "$gen_pid" 2>/dev/null || true
  stop_server
  [ "${KEEP:-0}" = 1 ] || rm -rf "$DATA"
}
trap cleanup EXIT

rm -rf "$DATA"
mkdir -p "$DATA"
echo "load average at start: $(load_average)"
start_server "$DATA/data" "$DATA/server.log" "-Xlog:gc:file=$DATA/gc.log"

mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# One CSV row for the server at elapsed second $1.
sample() {
  local rss heap after gcs
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status")
  # jstat -gc prints a header line and a value line, in KB; pick columns by name.
  heap=$("$JAVA_HOME/bin/jstat" -gc "$server_pid" | awk '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]
      committed = $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"]
      printf "%.0f,%.0f", used / 1024, committed / 1024 }')
  # GC log lines end in "...(G1 Evacuation Pause) 301M->41M(512M) 5.123ms": take the last "after".
  after=$(grep -o '[0-9]*[KMG]->[0-9]*[KMG]([0-9]*[KMG])' "$DATA/gc.log" 2>/dev/null | tail -1 \
    | sed -E 's/.*->([0-9]+)([KMG]).*/\1 \2/' \
    | awk '{ print ($2 == "K" ? int($1 / 1024) : $2 == "G" ? $1 * 1024 : $1) }')
  gcs=$(grep -o 'GC([0-9]*)' "$DATA/gc.log" 2>/dev/null | tail -1 | tr -dc '0-9')
  echo "$1,$(mib "$rss"),$heap,${after:-0},$((${gcs:--1} + 1)),$(du -sm "$DATA/data" | cut -f1),$(cut -d' ' -f1 /proc/loadavg)" >>"$CSV"
}

echo "elapsed_s,rss_mib,heap_used_mib,heap_committed_mib,heap_after_gc_mib,gcs,data_mib,load1" >"$CSV"
sample 0
echo "ingest for $seconds s: ${ingest[*]}; sampling every $INTERVAL s into $CSV"
# java itself in the background (not the load_generator function), so $! is the process to stop on exit.
"$JAVA" -cp "$bench_jar" io.cwlogs.bench.LoadGenerator --endpoint "http://127.0.0.1:$PORT" "${ingest[@]}" \
  --seconds "$seconds" --queries false >"$DATA/generator.log" 2>&1 &
gen_pid=$!
start=$(date +%s)
k=1
while kill -0 "$gen_pid" 2>/dev/null; do
  # Sample on a fixed schedule (start + k * INTERVAL): jstat and du take seconds on a loaded machine.
  wait_s=$((start + k * INTERVAL - $(date +%s)))
  [ "$wait_s" -le 0 ] || sleep "$wait_s"
  k=$((k + 1))
  kill -0 "$gen_pid" 2>/dev/null && sample $(($(date +%s) - start))
done
wait "$gen_pid" || { echo "load generator failed:" >&2; cat "$DATA/generator.log" >&2; exit 1; }
gen_pid=""
sample $(($(date +%s) - start))

cat "$DATA/generator.log"
echo
rows=$(($(wc -l <"$CSV") - 1))
{
  head -1 "$CSV"
  sed -n '2p' "$CSV"                      # idle, before the ingest
  sed -n "$((rows / 2 + 2))p" "$CSV"      # middle
  tail -1 "$CSV"                          # end
} | column -t -s,
echo "largest RSS: $(tail -n +2 "$CSV" | cut -d, -f2 | sort -n | tail -1) MiB; $rows samples in $CSV"
echo "load average at end: $(load_average)"
