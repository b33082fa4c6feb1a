#!/usr/bin/env bash
# Back-to-back comparison of two sets of JVM options for the same build, in turns (issue 7): the
# way the sixth and seventh sessions compared GC and heap settings (docs/performance.md). Each turn
# starts the packaged service on a fresh data directory (class archive, as run.sh does), gives the
# JIT 20 s at concurrency 2, then measures 20 s at 500 requests/s and 20 s at 1,500/s (open loop,
# each after a 2 s warm-up), and prints the young and full collections of the turn. The turns
# alternate A, B, B, A, A, B... so that neither side always starts first.
#   scripts/bench-options.sh ROUNDS "OPTIONS A" "OPTIONS B"
# e.g. scripts/bench-options.sh 2 "$(grep -v '^#' scripts/jvm-options)" \
#        "$(grep -v '^#' scripts/jvm-options) -XX:SurvivorRatio=4"
# Needs target/bench/request-prefetch.json (scripts/bench-load.sh makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/start-service.sh
. scripts/turns.sh
port=18096
load() { java -cp target/test-classes org.ironcds.bench.LoadGenerator 127.0.0.1 $port \
  /cds-services/iron-antiresorptive-order-sign "$body" "$@"; }
figures() { grep -o 'throughput=[^ ]* p50=[^ ]* p90=[^ ]* p99=[^ ]* p99.9=[^ ]*'; }
pauses() { # KIND GC_LOG: how many, and their median in ms
  grep "Pause $1" "$2" | grep -o '[0-9.]*ms$' | tr -d 'ms' | sort -n \
    | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else printf "%d (median %.1f ms)", NR, v[int((NR + 1) / 2)] }'
}
turn() { # LABEL OPTIONS
  local archive data
  archive=$(scripts/class-archive.sh target/iron-cds.jar $2)
  data=$(mktemp -d)
  start_service $port "$data" target/iron-cds.jar $2 $archive -Xlog:gc:file="$data/gc.log"
  load closed 2 20 0 64 > /dev/null
  echo "$1 500/s:   $(load open 500 20 2 64 | figures)"
  echo "$1 1500/s:  $(load open 1500 20 2 64 | figures)"
  kill $server; wait $server 2>/dev/null || true
  echo "$1 collections: young $(pauses Young "$data/gc.log"), full $(pauses Full "$data/gc.log")"
  rm -rf "$data"
}
in_turns "$@"
