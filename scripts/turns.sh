# Sourced by the scripts that compare two sets of JVM options (bench-options.sh, bench-jit.sh):
#   in_turns ROUNDS "OPTIONS A" "OPTIONS B"
# prints the host speed and both sets, then runs the caller's `turn LABEL OPTIONS` for A and B in
# turns, A, B, B, A, A, B..., so that neither side always starts first.
in_turns() {
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
