#!/usr/bin/env bash
# Compares this engine with the `ses` 2.3.0 shim: on Node (the shim's home) and inside a plain
# Boa 0.22 context, printing each workload side by side. Installs ses with npm into this folder
# (never committed); skips the shim with a message when node/npm are missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
ses_args=()
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -f "$here/node_modules/ses/package.json" ]; then
    npm install --prefix "$here" --no-save --no-audit --no-fund --silent ses@2.3.0
  fi
  echo "## ses 2.3.0 on Node $(node --version)"
  node "$here/node.mjs"
  echo
  ses_args=(--ses "$here/node_modules/ses/dist/ses.umd.js")
else
  echo "node/npm not found: skipping the ses shim (install Node.js to compare)"
fi
echo "## this engine and ses 2.3.0 on Boa 0.22 (one process, medians)"
cargo run --quiet --release -p hardened-benches --bin compare -- "${ses_args[@]}"
