#!/usr/bin/env bash
# Installs the corpus's libraries, exactly as pinned by package-lock.json, without running any
# of their install scripts.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund
