#!/usr/bin/env bash
# How fast a freshly started service reaches full speed under full load (issue 7): starts the jar
# as scripts/bench-load.sh does, then from ready runs STEPS back-to-back 5 s closed-loop runs at
# CONCURRENCY and prints their throughputs on one line, the CPU its JIT compiler threads used, and
# when the warm-up gate stepped aside (WarmUpGate). DIR is another checkout with a built jar (e.g. a
# git worktree of an older commit), to compare back to back; default: this one.
#   scripts/bench-ramp.sh [STEPS] [CONCURRENCY] [DIR]     (default 12 16 .; JAVA_OPTS as for run.sh)
# Needs target/bench/request-prefetch.json and target/test-classes (scripts/bench-load.sh makes both).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/service-java.sh
steps="${1:-12}"
concurrency="${2:-16}"
dir="${3:-.}"
here="$PWD"
port=18094
jvm="${JAVA_OPTS:-$(grep -v '^#' scripts/jvm-options)}"
archive=$(cd "$dir" && scripts/class-archive.sh target/iron-cds.jar $jvm 2>/dev/null || true)
data=$(mktemp -d)
(cd "$dir" && IRONCDS_AUTH_MODE=off IRONCDS_PORT=$port IRONCDS_DATA_DIR="$data" \
  exec "$service_java" $jvm $archive -jar target/iron-cds.jar > "$data/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
  kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 0.05
done
line="$(cd "$dir" && git rev-parse --short HEAD) c=$concurrency, calls/s per 5 s from ready:"
for _ in $(seq 1 "$steps"); do
  line="$line $(java -cp "$here/target/test-classes" org.ironcds.bench.LoadGenerator 127.0.0.1 $port \
    /cds-services/iron-antiresorptive-order-sign "$here/target/bench/request-prefetch.json" closed "$concurrency" 5 0 \
    | grep -o 'throughput=[0-9]*' | cut -d= -f2)"
done
jit=$(for t in /proc/$server/task/*; do
  if grep -q 'Compiler' "$t/comm" 2>/dev/null; then awk '{print $14 + $15}' "$t/stat"; fi; done \
  | awk '{s += $1} END {print s / 100}')
echo "$line | JIT compiler CPU ${jit} s | $(grep -o 'event=warm_up_gate_open.*' "$data/server.log" || echo 'gate not open')"
