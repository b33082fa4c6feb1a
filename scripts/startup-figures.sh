#!/usr/bin/env bash
# Start-up and first-request figures (issue 7): starts the packaged service RUNS times on a fresh
# data directory, and for each run prints launch-to-ready as seen from outside (polling
# /health/ready every 20 ms), the service's own startup_ms and stages, and the time curl reports for
# the 1st, 2nd, 10th and 100th benchmark request after ready. Short; not a load test.
#   scripts/startup-figures.sh [RUNS]        (default 3; JAVA_OPTS as for run.sh, class archive as run.sh's)
# Needs target/iron-cds.jar and target/bench/request-prefetch.json (see scripts/bench-load.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/start-service.sh
runs="${1:-3}"
jar="${JAR:-target/iron-cds.jar}"
port=18092
body=target/bench/request-prefetch.json
url="http://127.0.0.1:$port/cds-services/iron-antiresorptive-order-sign"
# Without it curl would send an empty body and time the 400 answers.
[ -f "$body" ] || { echo "missing $body: run scripts/bench-load.sh once" >&2; exit 1; }
java -cp target/test-classes org.ironcds.bench.HostSpeed 2>/dev/null || true
# As run.sh starts it: its JVM options and the jar's class archive.
jvm="${JAVA_OPTS:-$(grep -v '^#' scripts/jvm-options)}"
archive=$(scripts/class-archive.sh "$jar" $jvm)
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  start_service $port "$data" "$jar" $jvm $archive
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  # CPU time is steadier than wall time on a shared machine; both are printed.
  cpu_ms=$(awk '{print ($14 + $15) * 10}' /proc/$server/stat)
  times=()
  for i in $(seq 1 100); do
    # No "Expect: 100-continue" (curl's default for bodies over 1 KiB): it adds a round trip that
    # EHR clients do not make.
    t=$(curl -s -o /dev/null -w '%{time_total}' -H 'Expect:' -X POST -H 'Content-Type: application/json' \
      --data @"$body" "$url")
    case $i in 1|2|10|100) times+=("#$i=$(awk -v t="$t" 'BEGIN{printf "%.1fms", t*1000}')");; esac
  done
  echo "run $run: launch->ready ${ready_ms}ms cpu=${cpu_ms}ms $(grep -o 'startup_ms=.*' "$data/server.log" | head -1) ${times[*]}" \
    "rss=$(awk '/VmHWM/{printf "%dMiB", $2/1024}' /proc/$server/status)"
  kill $server; wait $server 2>/dev/null || true
  rm -rf "$data"
done
