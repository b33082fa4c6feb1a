#!/usr/bin/env bash
# First calls right after ready, for one or more builds in alternating turns (issue 7): for each
# run and jar, starts the service on a fresh data directory, sends 100 benchmark requests back to
# back with curl as soon as it is ready, and reads the service's own latency of each (request
# log, handler only). Prints, per jar, the median launch-to-ready and first call, and the means of
# calls 2-10 and 11-100 over the runs. Start-up is noisy on a shared VM: use 6 runs or more.
#   scripts/first-calls.sh RUNS JAR [JAR...]      (JAVA_OPTS as for run.sh)
# Needs target/bench/request-prefetch.json (see scripts/bench-load.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/start-service.sh
runs="$1"
shift
port=18098
body=target/bench/request-prefetch.json
[ -f "$body" ] || { echo "missing $body: run scripts/bench-load.sh once" >&2; exit 1; }
jvm="${JAVA_OPTS:-$(grep -v '^#' scripts/jvm-options)}"
java -cp target/test-classes org.ironcds.bench.HostSpeed 2>/dev/null || true
for _ in $(seq 1 "$runs"); do
  for jar in "$@"; do
    archive=$(scripts/class-archive.sh "$jar" $jvm)
    data=$(mktemp -d)
    start=$(date +%s%N)
    start_service $port "$data" "$jar" $jvm $archive
    ready=$(( ($(date +%s%N) - start) / 1000000 ))
    for _ in $(seq 1 100); do
      curl -s -o /dev/null -H 'Expect:' -X POST -H 'Content-Type: application/json' --data @"$body" \
        "http://127.0.0.1:$port/cds-services/iron-antiresorptive-order-sign"
    done
    kill $server; wait $server 2>/dev/null || true
    echo "$jar $ready $(grep 'route=/cds-services/{id}' "$data/server.log" | grep -o 'latency_ms=[0-9.]*' \
      | cut -d= -f2 | tr '\n' ' ')"
    rm -rf "$data"
  done
done | awk '
  { jar = $1; n[jar]++; ready[jar, n[jar]] = $2; first[jar, n[jar]] = $3
    s = 0; for (i = 4; i <= 12; i++) s += $i; early[jar] += s / 9
    s = 0; for (i = 13; i <= NF; i++) s += $i; rest[jar] += s / (NF - 12) }
  function median(a, jar, k,   v, i, j, t) {
    for (i = 1; i <= k; i++) v[i] = a[jar, i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2 }
  END { for (jar in n) printf "%s: %d runs; ready %.0f ms, call 1 %.2f ms (medians); calls 2-10 %.2f ms, 11-100 %.2f ms (means)\n",
    jar, n[jar], median(ready, jar, n[jar]), median(first, jar, n[jar]), early[jar] / n[jar], rest[jar] / n[jar] }'
