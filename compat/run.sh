#!/usr/bin/env bash
# Runs every case in cases/ under plain Node and in a compartment after lockdown
# (compartment-run --start, runner.js), compares the outputs, and checks the result against
# expected-failures.txt: a case listed there must still fail, one not listed must pass.
# Usage: compat/run.sh [PATH-TO-compartment-run]   (default: target/release/compartment-run)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cli="${1:-$here/../target/release/compartment-run}"
out="$here/../target/compat"
mkdir -p "$out"
if [ ! -d "$here/node_modules" ]; then
  "$here/install.sh" || exit 1
fi
declare -A expected_failure
while IFS='|' read -r name _rest; do
  name="${name// /}"
  [ -n "$name" ] && [ "${name:0:1}" != "#" ] && expected_failure[$name]=1
done < "$here/expected-failures.txt"
passed=0 failed=0 unexpected=0
: > "$out/results.txt"
for case_file in "$here"/cases/*.js; do
  name="$(basename "$case_file" .js)"
  node "$here/node-run.js" "$name" > "$out/$name.node.txt" 2>&1
  timeout 60 "$cli" --start --allow-read "$here" --endow "job={\"case\":\"$name\"}" \
    "$here/runner.js" > "$out/$name.compartment.txt" 2>&1
  if cmp -s "$out/$name.node.txt" "$out/$name.compartment.txt"; then
    result=pass passed=$((passed + 1))
  else
    result=fail failed=$((failed + 1))
  fi
  listed="${expected_failure[$name]:-}"
  if { [ "$result" = pass ] && [ -n "$listed" ]; } || { [ "$result" = fail ] && [ -z "$listed" ]; }; then
    unexpected=$((unexpected + 1))
    echo "UNEXPECTED $result: $name (see target/compat/$name.*.txt)"
    if [ "$result" = fail ]; then diff "$out/$name.node.txt" "$out/$name.compartment.txt" | head -10; fi
  fi
  echo "$name $result" >> "$out/results.txt"
done
echo "compat: $passed passed, $failed failed (${unexpected} unexpected)"
[ "$unexpected" -eq 0 ]
