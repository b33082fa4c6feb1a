#!/usr/bin/env bash
# What the JIT costs a fresh instance, for two sets of JVM options in turns (issue 7): each turn
# starts the packaged service on a fresh data directory (class archive, as run.sh does) and sends
# calls back to back at concurrency 2 for 20 s from ready, then 10 s more. It prints the server's
# CPU and its compiler threads' CPU at ready, and for each of the two periods the calls served,
# the server's CPU per call and the compiler threads' CPU. CPU per call, unlike throughput, hardly
# moves when the generator or the host takes a share of the cores. The turns alternate A, B, B,
# A... as in scripts/bench-options.sh. Used for the inlining limits in scripts/jvm-options:
#   scripts/bench-jit.sh ROUNDS "OPTIONS A" "OPTIONS B"
# Needs target/bench/request-prefetch.json (scripts/bench-load.sh makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/start-service.sh
. scripts/turns.sh
port=18093
calls() { # SECONDS: calls served at concurrency 2
  java -cp target/test-classes org.ironcds.bench.LoadGenerator 127.0.0.1 $port \
    /cds-services/iron-antiresorptive-order-sign "$body" closed 2 "$1" 0 | grep -o 'requests=[0-9]*' | cut -d= -f2
}
ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; } # user + system, 1/100 s
compiler_ticks() {
  for task in /proc/$server/task/*; do
    if grep -q Compiler "$task/comm" 2>/dev/null; then awk '{ print $14 + $15 }' "$task/stat"; fi
  done | awk '{ s += $1 } END { print s + 0 }'
}
turn() { # LABEL OPTIONS
  local archive data start ready c0 j0 n1 c1 j1 n2 c2 j2
  archive=$(scripts/class-archive.sh target/iron-cds.jar $2)
  data=$(mktemp -d)
  start=$(date +%s%N)
  start_service $port "$data" target/iron-cds.jar $2 $archive
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  c0=$(ticks); j0=$(compiler_ticks)
  n1=$(calls 20); c1=$(ticks); j1=$(compiler_ticks)
  n2=$(calls 10); c2=$(ticks); j2=$(compiler_ticks)
  kill $server; wait $server 2>/dev/null || true
  awk -v l="$1" -v r="$ready" -v c0="$c0" -v j0="$j0" -v n1="$n1" -v c1="$c1" -v j1="$j1" \
    -v n2="$n2" -v c2="$c2" -v j2="$j2" 'BEGIN {
      printf "%s ready %d ms, CPU %.1f s (compilers %.1f s) | first 20 s: %d calls, %.0f us CPU per call, compilers %.1f s | next 10 s: %d calls, %.0f us CPU per call, compilers %.1f s\n",
        l, r, c0 / 100, j0 / 100, n1, (c1 - c0) * 1e4 / n1, (j1 - j0) / 100, n2, (c2 - c1) * 1e4 / n2, (j2 - j1) / 100 }'
  rm -rf "$data"
}
in_turns "$@"
