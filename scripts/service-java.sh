# Sourced by run.sh and the scripts that start the service: sets $service_java, the java that runs
# the service, $JAVA_HOME/bin/java when JAVA_HOME is set and java on the PATH otherwise. The load
# generator and the other tools run on the PATH's java, so a benchmark with JAVA_HOME set compares
# service JVMs and nothing else. The service needs Java 17 or later; on 25 or later
# scripts/class-archive.sh makes an ahead-of-time cache instead of a class archive.
service_java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
