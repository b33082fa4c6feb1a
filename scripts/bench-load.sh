#!/usr/bin/env bash
# Load benchmark over loopback (issue 7): starts the packaged service with local-trial settings,
# drives POST /cds-services/iron-antiresorptive-order-sign with a realistic request (20 medications,
# 60 observations, every prefetch key filled), and prints throughput and latency percentiles for
# closed-loop concurrency 1, 16, 64 and open-loop 500/s and 1500/s, plus the server's peak RSS.
#   scripts/bench-load.sh [SECONDS_PER_RUN]     (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
warmup=10
port=18090
mvn -q -B package -DskipTests
mvn -q -B test-compile
mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/test.classpath)"
java -cp "$cp" org.ironcds.bench.BenchmarkPatient target/bench

IRONCDS_AUTH_MODE=off IRONCDS_PORT=$port IRONCDS_DATA_DIR=target/bench/data \
  java ${SERVER_JAVA_OPTS:--Xmx256m -XX:+UseParallelGC} -jar target/iron-cds.jar > target/bench/server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 0.1
done
grep -o 'startup_ms=[0-9]*' target/bench/server.log || true

run() { java -cp target/test-classes org.ironcds.bench.LoadGenerator 127.0.0.1 $port \
  /cds-services/iron-antiresorptive-order-sign target/bench/request-prefetch.json "$@"; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "request: $(wc -c < target/bench/request-prefetch.json) bytes; cards per answer: $(curl -s -X POST \
  -H 'Content-Type: application/json' --data @target/bench/request-prefetch.json \
  http://127.0.0.1:$port/cds-services/iron-antiresorptive-order-sign | grep -o '"uuid"' | wc -l) uuids"
run closed 1 "$seconds" "$warmup"
run closed 16 "$seconds" "$warmup"
run closed 64 "$seconds" "$warmup"
run open 500 "$seconds" "$warmup" 64
run open 1500 "$seconds" "$warmup" 64
echo "server peak RSS: $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MiB"}')"
echo "server CPU seconds: $(awk '{print ($14+$15)/100}' /proc/$server/stat)"
