#!/usr/bin/env bash
# Whole-process timings: each workload of the `workload` driver run as its own process, five
# times in a compartment after lockdown and five times in plain Boa, alternating; prints the
# median wall-clock time of each side (engine setup included) and their ratio.
# Usage: benches/compare/whole.sh [RUNS]   (needs benches/inputs/make.sh for the bundle row)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
cargo build --quiet --release -p hardened-benches --bin workload
bundle="$(benches/inputs/make.sh 2>/dev/null || true)"
workload=target/release/workload
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
seconds() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; }
row() {
  local name="$1"; shift
  local ours=() plain=()
  for _ in $(seq "$runs"); do
    ours+=("$(seconds "$workload" "$@")")
    plain+=("$(seconds "$workload" "$@" --plain)")
  done
  local o p
  o="$(printf '%s\n' "${ours[@]}" | median)"
  p="$(printf '%s\n' "${plain[@]}" | median)"
  awk -v n="$name" -v o="$o" -v p="$p" 'BEGIN { printf "| %s | %.2f s | %.2f s | %.2fx |\n", n, o, p, o / p }'
}
echo "| workload (whole process, median of $runs) | compartment after lockdown | plain Boa | ratio |"
echo "|---|---|---|---|"
if [ -n "$bundle" ]; then
  row "load the zod bundle 10 times" bundle --file "$bundle" --times 10
fi
row "20,000 new small sources (\`1+1//n\`)" small --times 20000
row "1M-iteration loop, two global lookups" globals
row "1M-iteration loop over locals" locals
row "1M-iteration property-access loop" properties
