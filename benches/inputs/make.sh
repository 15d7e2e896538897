#!/usr/bin/env bash
# Makes the pinned real library bundle the benchmarks load: zod 4.3.6 bundled by esbuild 0.25.10
# as one CommonJS file (about 680 KB), written to target/bench-inputs/zod.cjs. Nothing it makes
# is committed. Needs node and npm (the npm registry); prints the path on success.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/target/bench-inputs"
bundle="$out/zod.cjs"
if [ -f "$bundle" ]; then
  echo "$bundle"
  exit 0
fi
mkdir -p "$out/build"
cd "$out/build"
[ -f package.json ] || echo '{"private": true}' > package.json
npm install --no-save --no-audit --no-fund --silent zod@4.3.6 esbuild@0.25.10 >&2
echo 'module.exports = require("zod");' > entry.js
./node_modules/.bin/esbuild entry.js --bundle --format=cjs --platform=neutral --log-level=warning \
  --outfile="$bundle.tmp" >&2
mv "$bundle.tmp" "$bundle"
echo "$bundle"
