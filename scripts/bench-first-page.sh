#!/usr/bin/env bash
# GetLogEvents first-page latency on one big stream (issue 5: "first page <= 10 ms p99 on a stream of
# 10 M events").
#
# Starts the server (CWLOGS_JAVA_OPTS, default -Xmx512m), loads EVENTS events into the single stream
# stream-0 of group /bench/first-page from THREADS threads at once (AWS accepts concurrent PutLogEvents
# to one stream since it dropped sequence tokens), then, in a second load-generator run that does not
# ingest (--ingest false), requests the stream's first page REPS times oldest first (startFromHead=true)
# and REPS times newest first (the default), alternating, after 5 unmeasured pairs. It prints the
# ingest line and, per direction, requests, p50/p90/p99/max ms and the events and KB per page, then the
# server's own GetLogEvents latency histogram from /metrics (the client's figures include decoding the page).
#
#   scripts/bench-first-page.sh [EVENTS [REPS]]
#     EVENTS  events in the stream (default 10000000; 200-byte text messages, batches of BATCH)
#     REPS    first-page requests per direction (default 200)
#
# Environment: CWLOGS_JAVA_OPTS, JAVA_HOME (scripts/bench-lib.sh); PORT (4631); THREADS (4);
# BATCH (4000, about 0.9 MB as PutLogEvents counts it); LIMIT (GetLogEvents limit, default the server's
# page); DATA (/tmp/bench-first-page, deleted at the end unless KEEP=1); LOAD=0 skips the load and
# reuses DATA from an earlier KEEP=1 run; RESTART=1 restarts the server between load and queries, so
# the pages are read from a freshly opened store rather than from what the ingest left in memory.
set -euo pipefail
PORT="${PORT:-4631}"
DATA="${DATA:-/tmp/bench-first-page}"
THREADS="${THREADS:-4}"
BATCH="${BATCH:-4000}"
# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"

events="${1:-10000000}"
reps="${2:-200}"
group=/bench/first-page

trap 'stop_server; [ "${KEEP:-0}" = 1 ] || rm -rf "$DATA"' EXIT

echo "load average at start: $(load_average)"
if [ "${LOAD:-1}" = 1 ]; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
fi
start_server "$DATA/data" "$DATA/server.log"
if [ "${LOAD:-1}" = 1 ]; then
  echo "loading $events events into $group stream-0 from $THREADS threads"
  load_generator --group "$group" --threads "$THREADS" --streams 1 --batch "$BATCH" --message-bytes 200 \
    --shape text --events "$events" --queries false | grep -v '^queries:'
  echo "data directory: $(du -sh "$DATA/data" | cut -f1)"
fi
if [ "${RESTART:-0}" = 1 ]; then
  stop_server
  start_server "$DATA/data" "$DATA/server.log"
fi
echo
load_generator --group "$group" --ingest false --queries first-page --first-page "$reps" --stream stream-0 \
  ${LIMIT:+--page-limit "$LIMIT"}
echo "server-side GetLogEvents latency (every GetLogEvents since the server started, warm-up included):"
server_histogram GetLogEvents
