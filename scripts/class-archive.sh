#!/usr/bin/env bash
# Makes sure JAR has an up-to-date class archive next to it (JAR with .jsa instead of .jar) and
# prints the java option that uses it, or nothing when there is none. Loading classes from the
# archive instead of the jar is most of the start-up time saved (docs/performance.md).
#   scripts/class-archive.sh JAR [JAVA_OPTION...]
# The archive is (re)created when missing or older than the jar, by a training run of the
# service's self-test under -XX:ArchiveClassesAtExit with the given java options (the same ones
# the service will run with). Never fails: without an archive the service starts as before, and a
# stale archive that slips through only makes the JVM warn and load from the jar.
set -uo pipefail
jar="$1"
shift
archive="${jar%.jar}.jsa"
if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; then
  rm -f "$archive" "$archive.tmp"
  log="${jar%.jar}.jsa.log"
  echo "Creating the class archive $archive (once per build, a few seconds)..." >&2
  # The JDK writes the archive when the JVM exits; the temporary name keeps a half-written one
  # from ever being used.
  if java "$@" -XX:ArchiveClassesAtExit="$archive.tmp" -jar "$jar" self-test > "$log" 2>&1 \
      && [ -s "$archive.tmp" ]; then
    mv "$archive.tmp" "$archive"
  else
    rm -f "$archive.tmp"
    echo "warning: no class archive (see $log); starting without it" >&2
  fi
fi
if [ -f "$archive" ]; then
  echo "-XX:SharedArchiveFile=$archive"
fi
exit 0
