#!/usr/bin/env bash
# Back-to-back comparison of two commits on the same host (issue 7): builds REF in a git worktree
# under target/bench/ab-REF, then alternates the two jars ROUNDS times. Each turn starts the jar as
# scripts/bench-load.sh does (fresh H2 data directory, class archive), warms it with 5 s at
# concurrency 1, then measures 10 s at concurrency 16 and 15 s at 500 requests/s, and counts young
# collections. Alternating cancels most of a shared host's drift, which single runs cannot.
#   scripts/bench-ab.sh REF [ROUNDS]      (default 3; REF e.g. a518feb; the other side is the work tree)
# Needs target/bench/request-prefetch.json (scripts/bench-load.sh makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/service-java.sh
ref="$1"
rounds="${2:-3}"
port=18093
jvm="$(grep -v '^#' scripts/jvm-options)"
old="target/bench/ab-$ref"
mvn -q -B package -DskipTests
mvn -q -B test-compile
if [ ! -d "$old" ]; then git worktree add -q --detach "$old" "$ref"; fi
(cd "$old" && mvn -q -B package -DskipTests)
body="$PWD/target/bench/request-prefetch.json"
load() { java -cp target/test-classes org.ironcds.bench.LoadGenerator 127.0.0.1 $port \
  /cds-services/iron-antiresorptive-order-sign "$body" "$@"; }
turn() { # DIR LABEL
  local archive data server
  archive=$(cd "$1" && scripts/class-archive.sh target/iron-cds.jar $jvm 2>/dev/null || true)
  data=$(mktemp -d)
  (cd "$1" && IRONCDS_AUTH_MODE=off IRONCDS_PORT=$port IRONCDS_DATA_DIR="$data" \
    exec "$service_java" $jvm $archive -Xlog:gc:file="$data/gc.log" -jar target/iron-cds.jar > "$data/server.log" 2>&1) &
  server=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
    sleep 0.1
  done
  load closed 1 5 5 > /dev/null
  echo "$2 $(load closed 16 10 5)"
  echo "$2 $(load open 500 15 5 64)"
  kill $server; wait $server 2>/dev/null || true
  echo "$2 young collections: $(grep -c 'Pause Young' "$data/gc.log")"
  rm -rf "$data"
}
java -cp target/test-classes org.ironcds.bench.HostSpeed
for _ in $(seq 1 "$rounds"); do
  turn "$old" "$ref"
  turn . work-tree
done
