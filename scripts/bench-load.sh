#!/usr/bin/env bash
# Load benchmark over loopback (issue 7): starts the packaged service with local-trial settings,
# drives POST /cds-services/iron-antiresorptive-order-sign with a realistic request (20 medications,
# 60 observations, every prefetch key filled), and prints throughput and latency percentiles for
# closed-loop concurrency 1, 16, 64 and open-loop 500/s and 1500/s, plus the server's peak RSS.
# Then the same with every prefetch key missing: the service fetches the history from an
# in-process FHIR server (HAPI RestfulServer) on loopback.
#   scripts/bench-load.sh [SECONDS_PER_RUN]     (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
warmup=10
port=18090
fhir_port=18091
mvn -q -B package -DskipTests
mvn -q -B test-compile
mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/test.classpath)"
java -cp "$cp" org.ironcds.bench.BenchmarkPatient target/bench "http://127.0.0.1:$fhir_port/fhir"
java -cp "$cp" org.ironcds.bench.BenchFhirServer $fhir_port > target/bench/fhir-server.log 2>&1 &
fhir=$!

rm -rf target/bench/data
# As run.sh, with the jar's class archive (re)made after a build, unless SERVER_JAVA_OPTS is set.
if [ -z "${SERVER_JAVA_OPTS:-}" ]; then
  jvm="-Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:MetaspaceSize=64m -XX:+UseParallelGC"
  SERVER_JAVA_OPTS="$jvm $(scripts/class-archive.sh target/iron-cds.jar $jvm)"
fi
IRONCDS_AUTH_MODE=off IRONCDS_PORT=$port IRONCDS_DATA_DIR=target/bench/data \
  IRONCDS_FHIR_ALLOWED_SERVERS="http://127.0.0.1:$fhir_port/fhir" \
  java $SERVER_JAVA_OPTS -jar target/iron-cds.jar > target/bench/server.log 2>&1 &
server=$!
trap 'kill $server $fhir 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 0.1
done
grep -o 'startup_ms=.*' target/bench/server.log || true

body=target/bench/request-prefetch.json
run() { java -cp target/test-classes org.ironcds.bench.LoadGenerator 127.0.0.1 $port \
  /cds-services/iron-antiresorptive-order-sign "$body" "$@"; }
scenario() {
  echo "== $1"
  run closed 1 "$seconds" "$warmup"
  run closed 16 "$seconds" "$warmup"
  run closed 64 "$seconds" "$warmup"
  run open 500 "$seconds" "$warmup" 64
  run open 1500 "$seconds" "$warmup" 64
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
java -cp target/test-classes org.ironcds.bench.HostSpeed
echo "request: $(wc -c < target/bench/request-prefetch.json) bytes; cards per answer: $(curl -s -X POST \
  -H 'Content-Type: application/json' --data @target/bench/request-prefetch.json \
  http://127.0.0.1:$port/cds-services/iron-antiresorptive-order-sign | grep -o '"indicator"' | wc -l)"
scenario "every prefetch key filled ($(wc -c < $body) bytes)"
echo "server peak RSS so far: $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MiB"}')"
for _ in $(seq 1 100); do grep -q fhir_server= target/bench/fhir-server.log && break; sleep 0.2; done
body=target/bench/request-fetch.json
scenario "no prefetch: history fetched from the in-process FHIR server"
echo "server peak RSS: $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MiB"}')"
echo "server CPU seconds: $(awk '{print ($14+$15)/100}' /proc/$server/stat)"
