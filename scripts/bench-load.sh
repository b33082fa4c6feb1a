#!/usr/bin/env bash
# Load benchmark over loopback (issue 7): starts the packaged service with local-trial settings,
# drives POST /cds-services/iron-antiresorptive-order-sign with a realistic request (20 medications,
# 60 observations, every prefetch key filled), and prints throughput and latency percentiles for
# closed-loop concurrency 1, 16, 64 and open-loop 500/s and 1500/s, plus the server's peak RSS.
# Then the same with every prefetch key missing: the service fetches the history from an
# in-process FHIR server (HAPI RestfulServer) on loopback.
# Before the first run the service gets JIT_WARMUP seconds (default 30) at concurrency 2: at higher
# concurrency the request threads leave the JIT compiler a small share of the two cores and the
# service needs minutes to reach full speed. The CPU time of the JIT's compiler threads is printed
# before and after, and after each scenario, to show how far it has settled. Each run prints what
# the garbage collector did meanwhile, and each open-loop run the server's own latency (request
# log, handler only) and how many of its calls over 2 ms overlapped a GC pause (GcDuringRun).
# BENCH_DB_URL (e.g. jdbc:postgresql://127.0.0.1:5432/benchpg, user postgres) records issued cards
# in that database instead of the embedded H2 file.
#   scripts/bench-load.sh [SECONDS_PER_RUN]     (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
warmup=10
jit_warmup="${JIT_WARMUP:-30}"
slow=""
port=18090
fhir_port=18091
mvn -q -B package -DskipTests
mvn -q -B test-compile
mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/test.classpath)"
. scripts/service-java.sh  # the service runs on $JAVA_HOME's java when set, the tools on the PATH's
# Before the service starts: its idle warm-up keeps both cores busy for the first 10-20 s.
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "service JVM: $("$service_java" -version 2>&1 | head -1)"
java -cp target/test-classes org.ironcds.bench.HostSpeed
java -cp "$cp" org.ironcds.bench.BenchmarkPatient target/bench "http://127.0.0.1:$fhir_port/fhir"
java -cp "$cp" org.ironcds.bench.BenchFhirServer $fhir_port > target/bench/fhir-server.log 2>&1 &
fhir=$!

rm -rf target/bench/data
# As run.sh, with the jar's class archive (re)made after a build, unless SERVER_JAVA_OPTS is set.
if [ -z "${SERVER_JAVA_OPTS:-}" ]; then
  jvm="$(grep -v '^#' scripts/jvm-options)"
  SERVER_JAVA_OPTS="$jvm $(scripts/class-archive.sh target/iron-cds.jar $jvm)"
fi
db=()
if [ -n "${BENCH_DB_URL:-}" ]; then
  db=(IRONCDS_DB_URL="$BENCH_DB_URL" IRONCDS_DB_USER="${BENCH_DB_USER:-postgres}")
fi
gclog=target/bench/gc.log
env "${db[@]}" IRONCDS_AUTH_MODE=off IRONCDS_PORT=$port IRONCDS_DATA_DIR=target/bench/data \
  IRONCDS_FHIR_ALLOWED_SERVERS="http://127.0.0.1:$fhir_port/fhir" \
  "$service_java" $SERVER_JAVA_OPTS -Xlog:gc:file=$gclog:utctime -jar target/iron-cds.jar > target/bench/server.log 2>&1 &
server=$!
trap 'kill $server $fhir 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 0.1
done
grep -o 'startup_ms=.*' target/bench/server.log || true

body=target/bench/request-prefetch.json
load() { java $slow -cp target/test-classes org.ironcds.bench.LoadGenerator 127.0.0.1 $port \
  /cds-services/iron-antiresorptive-order-sign "$body" "$@"; }
jit() { # CPU seconds the JIT compiler threads have used so far (compiler threads not alive now are missed)
  echo "JIT compiler threads' CPU so far: $(for t in /proc/$server/task/*; do
    if grep -q 'Compiler' "$t/comm" 2>/dev/null; then awk '{print $14 + $15}' "$t/stat"; fi; done \
    | awk '{s += $1} END {printf "%.1f s", s / 100}')"
}
percentiles() { sort -n | awk '{a[NR]=$1} END {if (NR) printf "p50=%sms p99=%sms p99.9=%sms\n", \
  a[int((NR+1)*.5)], a[int((NR-1)*.99)+1], a[int((NR-1)*.999)+1]}'; }
iso() { date -u -d "@$(($1 / 1000)).$(printf %03d $(($1 % 1000)))" +%Y-%m-%dT%H:%M:%S.%3NZ; }
run() { # closed|open LEVEL: warm-up and measured seconds in one generator, on the same connections
  local logged window=target/bench/window.txt slowfile=target/bench/slow.txt
  rm -f $slowfile
  logged=$(stat -c %s target/bench/server.log)
  slow="-Dwindow.file=$window -Dslow.file=$slowfile"
  load "$1" "$2" "$seconds" "$warmup" 64
  slow=""
  read -r from to < $window
  if [ "$1" = open ]; then
    echo "  server-side (handler only, request log): $(tail -c +"$logged" target/bench/server.log \
      | awk -v from="$(iso "$from")" -v to="$(iso "$to")" '$1 >= from && $1 <= to && /status=200/' \
      | grep -o 'latency_ms=[0-9.]*' | cut -d= -f2 | percentiles)"
    echo "  $(java -cp target/test-classes org.ironcds.bench.GcDuringRun $gclog "$from" "$to" $slowfile)"
  else
    echo "  $(java -cp target/test-classes org.ironcds.bench.GcDuringRun $gclog "$from" "$to")"
  fi
}
scenario() {
  echo "== $1"
  run closed 1
  run closed 16
  run closed 64
  run open 500
  run open 1500
  jit
}
echo "request: $(wc -c < target/bench/request-prefetch.json) bytes; cards per answer: $(curl -s -X POST \
  -H 'Content-Type: application/json' --data @target/bench/request-prefetch.json \
  http://127.0.0.1:$port/cds-services/iron-antiresorptive-order-sign | grep -o '"indicator"' | wc -l)"
jit
echo "JIT warm-up: ${jit_warmup} s at concurrency 2"
[ "$jit_warmup" -gt 0 ] && load closed 2 "$jit_warmup" 0 > /dev/null
jit
scenario "every prefetch key filled ($(wc -c < $body) bytes)"
echo "server peak RSS so far: $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MiB"}')"
for _ in $(seq 1 100); do grep -q fhir_server= target/bench/fhir-server.log && break; sleep 0.2; done
body=target/bench/request-fetch.json
scenario "no prefetch: history fetched from the in-process FHIR server"
echo "server peak RSS: $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MiB"}')"
echo "server CPU seconds: $(awk '{print ($14+$15)/100}' /proc/$server/stat)"
