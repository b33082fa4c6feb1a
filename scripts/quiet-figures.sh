#!/usr/bin/env bash
# Quiet-instance figures (issue 7): how fast calls are when they come one at a time, as in most
# hospitals, rather than under load. Starts the packaged service RUNS times on a fresh data
# directory, waits DELAY seconds after ready, then sends CALLS benchmark requests one second apart
# and prints the service's own latency for each (request log, handler only), so the idle warm-up
# (IRONCDS_IDLE_WARMUP_MS, default on) can be compared with none (IRONCDS_IDLE_WARMUP_MS=0).
#   scripts/quiet-figures.sh [RUNS] [DELAY] [CALLS]    (default 3, 30, 20; JAVA_OPTS as for run.sh)
# Needs target/iron-cds.jar and target/bench/request-prefetch.json (see scripts/bench-load.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/start-service.sh
runs="${1:-3}"
delay="${2:-30}"
calls="${3:-20}"
jar=target/iron-cds.jar
port=18093
body=target/bench/request-prefetch.json
[ -f "$body" ] || { echo "missing $body: run scripts/bench-load.sh once" >&2; exit 1; }
jvm="${JAVA_OPTS:-$(grep -v '^#' scripts/jvm-options)}"
archive=$(scripts/class-archive.sh "$jar" $jvm)
java -cp target/test-classes org.ironcds.bench.HostSpeed 2>/dev/null || true
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start_service $port "$data" "$jar" $jvm $archive
  sleep "$delay"
  for _ in $(seq 1 "$calls"); do
    curl -s -o /dev/null -H 'Expect:' -X POST -H 'Content-Type: application/json' --data @"$body" \
      "http://127.0.0.1:$port/cds-services/iron-antiresorptive-order-sign"
    sleep 1
  done
  kill $server; wait $server 2>/dev/null || true
  latencies=$(grep 'route=/cds-services/{id}' "$data/server.log" | grep -o 'latency_ms=[0-9.]*' | cut -d= -f2 | tr '\n' ' ')
  echo "run $run: ${delay}s after ready, ${calls} calls 1 s apart (ms): $latencies"
  echo "  median of calls 2-${calls}: $(echo "$latencies" | tr ' ' '\n' | tail -n +2 | grep . | sort -g \
    | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}') ms;" \
    "$(grep -o 'event=idle_warm_up_done.*' "$data/server.log" || echo 'no idle_warm_up_done line (off, or still running when stopped)')"
  rm -rf "$data"
done
