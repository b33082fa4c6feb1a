#!/usr/bin/env bash
# Makes sure JAR has an up-to-date class archive next to it and prints the java option that uses
# it, or nothing when there is none. Loading classes from the archive instead of the jar is most
# of the start-up time saved (docs/performance.md).
#   scripts/class-archive.sh JAR [JAVA_OPTION...]
# The java is $JAVA_HOME's when set (scripts/service-java.sh). On Java 17-24 the archive is a CDS
# archive (JAR with .jsa instead of .jar, -XX:ArchiveClassesAtExit); on Java 25 or later it is an
# ahead-of-time cache (.aot, -XX:AOTCacheOutput, JEP 483/514/515), which also keeps the classes
# linked and the training run's method profiles. It is (re)created when missing or older than the
# jar, by a training run of the service's self-test with the given java options (the same ones the
# service will run with). Never fails: without an archive the service starts as before, and a
# stale one that slips through only makes the JVM warn and load from the jar.
set -uo pipefail
jar="$1"
shift
. "$(dirname "${BASH_SOURCE[0]}")/service-java.sh"
version=$("$service_java" -XshowSettings:properties -version 2>&1 \
  | awk -F'= ' '/java.specification.version/ { print $2 }')
if [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
  archive="${jar%.jar}.aot"
  temporary="${jar%.jar}.tmp.aot"
  create="-XX:AOTCacheOutput=$temporary"
  use="-XX:AOTCache=$archive"
else
  archive="${jar%.jar}.jsa"
  temporary="$archive.tmp"
  create="-XX:ArchiveClassesAtExit=$temporary"
  use="-XX:SharedArchiveFile=$archive"
fi
if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; then
  rm -f "$archive" "$temporary"
  log="$archive.log"
  echo "Creating the class archive $archive (once per build, a few seconds)..." >&2
  # The JDK writes the archive when the JVM exits; the temporary name keeps a half-written one
  # from ever being used.
  if "$service_java" "$@" "$create" -jar "$jar" self-test > "$log" 2>&1 && [ -s "$temporary" ]; then
    mv "$temporary" "$archive"
  else
    rm -f "$temporary"
    echo "warning: no class archive (see $log); starting without it" >&2
  fi
fi
if [ -f "$archive" ]; then
  echo "$use"
fi
exit 0
