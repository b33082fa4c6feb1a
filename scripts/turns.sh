# Sourced by the scripts that compare two sets of JVM options in turns (bench-options.sh,
# bench-jit.sh), after start-service.sh. Sourcing it sets $body to the benchmark request (and stops
# if it is missing) and makes sure no server started by start_service is left behind on exit. Then
#   in_turns ROUNDS "OPTIONS A" "OPTIONS B"
# prints the host speed and both sets, and runs the caller's `turn LABEL OPTIONS` for A and B in
# turns, A, B, B, A, A, B..., so that neither side always starts first.
body=target/bench/request-prefetch.json
[ -f "$body" ] || { echo "missing $body: run scripts/bench-load.sh once" >&2; exit 1; }
server=""
trap '[ -z "$server" ] || kill "$server" 2>/dev/null || true' EXIT  # no server left behind on failure

in_turns() {
  [ $# -eq 3 ] || { echo "usage: $0 ROUNDS \"OPTIONS A\" \"OPTIONS B\"" >&2; exit 2; }
  local rounds="$1" options_a="$2" options_b="$3" round
  java -cp target/test-classes org.ironcds.bench.HostSpeed
  echo "A: $options_a"
  echo "B: $options_b"
  for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then
      turn A "$options_a"; turn B "$options_b"
    else
      turn B "$options_b"; turn A "$options_a"
    fi
  done
}
