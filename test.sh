#!/usr/bin/env bash
# Builds (if needed) and runs every test: the conformance summaries first,
# then ctest (which runs the conformance suites again as tests, together with
# every unit, CLI and acceptance test) and ends with ctest's summary line.
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build -j"$(nproc)"
# The browser tests (ctest web_ui) need the built UI; without npm they skip.
if [[ ! -f web/dist/index.html ]] && command -v npm >/dev/null; then
  web/build.sh
fi

SHARED=../shared
if [[ -d $SHARED/reference ]]; then
  echo "==> conformance summaries"
  if [[ -x build/tests/rdf/jsonld_conformance ]]; then
    echo "-- W3C JSON-LD 1.1 toRdf"
    build/tests/rdf/jsonld_conformance "$SHARED/conformance/jsonld" \
      tests/rdf/jsonld_known_failures.txt | grep -E '^(FAIL|SKIP|note:|pass rate|[0-9]+ passed)' || true
  fi
  if [[ -x build/tests/sparql/sparql_conformance ]]; then
    echo "-- W3C SPARQL 1.1"
    build/tests/sparql/sparql_conformance "$SHARED/conformance/sparql11" \
      tests/sparql/conformance_known_failures.txt | grep -E '([0-9]+ passed|^FAIL|^note:)' || true
  fi
else
  echo "note: ../shared not found; conformance suites and tests that need the reference data are skipped"
fi

echo "==> fuzz: every target for a short time (fuzz/run_short.sh; TINYKG_FUZZ_SECONDS=0 skips)"
fuzz/run_short.sh

echo "==> ctest"
ctest --test-dir build --output-on-failure -j"$(nproc)"

