#!/usr/bin/env bash
# Local trial: builds the jar when the sources are newer, then runs the service on
# http://localhost:8080 with embedded defaults. Without a trusted-clients file it runs with
# authentication off, which the service allows only on a loopback address.
set -euo pipefail
cd "$(dirname "$0")"
jar=target/iron-cds.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  mvn -q -B package -DskipTests
fi
if [ -z "${IRONCDS_TRUSTED_CLIENTS_FILE:-}" ]; then
  export IRONCDS_AUTH_MODE="${IRONCDS_AUTH_MODE:-off}"
fi
# Parallel GC: on two cores it leaves more CPU for requests than G1. A fixed 256 MB heap, touched
# at start-up, so no collection pays for first-touch page faults. Metaspace may grow to 64 MB before
# its first collection: without a usable class archive the service loads about 36 MB of classes,
# and the default threshold then costs a full collection of 30-70 ms during start-up and another
# just after ready (see docs/performance.md).
opts=(${JAVA_OPTS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:MetaspaceSize=64m -XX:+UseParallelGC})
# The class archive next to the jar (made on the first run after a build) shortens start-up;
# without one the service starts as before.
archive=$(scripts/class-archive.sh "$jar" "${opts[@]}")
exec java "${opts[@]}" $archive -jar "$jar" "$@"
