#!/usr/bin/env bash
# The embedded H2 file against PostgreSQL as the issued-card store, back to back on the same host
# (issue 7). Each turn starts a fresh service as scripts/bench-load.sh does, gives the JIT 30 s at
# concurrency 2, then measures 20 s at 500 requests/s (after 10 s of warm-up on the same
# connections) with the GC's pauses in that window (GcDuringRun), and 10 s at concurrency 16.
# Turns alternate H2, PostgreSQL, H2 ... so the host's drift falls on both alike.
#   scripts/bench-stores.sh [ROUNDS] [JDBC_URL]   (default 2, jdbc:postgresql://127.0.0.1:5432/benchpg)
# Needs target/bench/request-prefetch.json and target/test-classes (scripts/bench-load.sh makes
# both) and a PostgreSQL database the user postgres may use (scripts/ensure-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/service-java.sh
rounds="${1:-2}"
url="${2:-jdbc:postgresql://127.0.0.1:5432/benchpg}"
port=18095
jvm="$(grep -v '^#' scripts/jvm-options)"
mvn -q -B package -DskipTests
archive=$(scripts/class-archive.sh target/iron-cds.jar $jvm)
body=target/bench/request-prefetch.json
turn() { # LABEL [JDBC_URL]
  local data db=() server from to open closed gc
  data=$(mktemp -d)
  if [ -n "${2:-}" ]; then db=(IRONCDS_DB_URL="$2" IRONCDS_DB_USER=postgres); fi
  env "${db[@]}" IRONCDS_AUTH_MODE=off IRONCDS_PORT=$port IRONCDS_DATA_DIR="$data" \
    "$service_java" $jvm $archive -Xlog:gc:file="$data/gc.log":utctime -jar target/iron-cds.jar > "$data/server.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
    sleep 0.05
  done
  generator=(-cp target/test-classes org.ironcds.bench.LoadGenerator 127.0.0.1 $port
    /cds-services/iron-antiresorptive-order-sign "$body")
  java "${generator[@]}" closed 2 30 0 > /dev/null
  open=$(java -Dwindow.file="$data/window" -Dslow.file="$data/slow" "${generator[@]}" open 500 20 10 64 \
    | grep -o 'p50.*p99.9=[0-9.]*ms')
  read -r from to < "$data/window"
  gc=$(java -cp target/test-classes org.ironcds.bench.GcDuringRun "$data/gc.log" "$from" "$to" "$data/slow")
  closed=$(java "${generator[@]}" closed 16 10 5 | grep -o 'throughput=[0-9]*/s')
  echo "$1: 500/s $open | $gc | concurrency 16 $closed"
  kill $server; wait $server 2>/dev/null || true
  rm -rf "$data"
}
java -cp target/test-classes org.ironcds.bench.HostSpeed
for _ in $(seq 1 "$rounds"); do
  turn h2
  turn postgresql "$url"
done
