#!/usr/bin/env bash
# Builds the web UI into web/dist/, which `tinykg serve` serves at `/`.
# Installs the exact dependency versions of package-lock.json (npm ci) from
# the npm registry when node_modules is missing or older than the lockfile,
# type-checks, and bundles with vite (no CDN at run time).
#   web/build.sh            install if needed + build
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null; then
  echo "web/build.sh: npm is not installed; the web UI is not built (setup.sh installs Node)" >&2
  exit 1
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "==> web: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "==> web: type check and vite build"
npx --no-install tsc --noEmit -p .
npx --no-install vite build --logLevel warn
echo "web UI built into web/dist ($(du -sh dist | cut -f1))"
