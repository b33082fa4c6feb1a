# Sourced by the start-up figure scripts (startup-figures.sh, first-calls.sh, quiet-figures.sh):
#   start_service PORT DATA_DIR JAR [JAVA_OPTION...]
# starts the packaged service in the background with authentication off and its log in
# DATA_DIR/server.log, sets $server to its pid and returns once /health/ready answers 200. If the
# service dies first, prints its log and exits. $NICE, when set, prefixes the java command, which
# is $JAVA_HOME's when set (scripts/service-java.sh).
. "$(dirname "${BASH_SOURCE[0]}")/service-java.sh"
start_service() {
  local port="$1" data="$2" jar="$3"
  shift 3
  IRONCDS_AUTH_MODE=off IRONCDS_PORT="$port" IRONCDS_DATA_DIR="$data" \
    ${NICE:-} "$service_java" "$@" -jar "$jar" > "$data/server.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$server" 2>/dev/null || { cat "$data/server.log"; exit 1; }
    sleep 0.02
  done
}
