#!/usr/bin/env bash
# Builds (if needed) and runs every test; ends with ctest's summary line.
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build -j"$(nproc)"
if [[ ! -d ../shared/reference ]]; then
  echo "note: ../shared not found; tests that need the reference data will be skipped"
fi
ctest --test-dir build --output-on-failure -j"$(nproc)"
