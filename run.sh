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
# A fixed 256 MB heap with Parallel GC and fixed young-generation spaces, touched at start-up;
# scripts/jvm-options says why (JAVA_OPTS overrides it).
opts=(${JAVA_OPTS:-$(grep -v '^#' scripts/jvm-options)})
# $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH (Java 17 or later).
. scripts/service-java.sh
# The class archive (ahead-of-time cache on Java 25+) next to the jar, made on the first run after
# a build, shortens start-up; without one the service starts as before.
archive=$(scripts/class-archive.sh "$jar" "${opts[@]}")
exec "$service_java" "${opts[@]}" $archive -jar "$jar" "$@"
