#!/usr/bin/env bash
# CI smoke run of the fuzz targets: configures and builds a clang libFuzzer
# build (default build-fuzz-smoke, -O1) when clang is installed, then runs every target
# for TINYKG_FUZZ_SECONDS (default 15) each. Any crash, leak or hang fails.
# A longer local run: fuzz/run_all.sh build-fuzz 600 (see fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-fuzz-smoke}
seconds=${TINYKG_FUZZ_SECONDS:-15}
if [[ $seconds == 0 ]]; then
  echo "fuzz: TINYKG_FUZZ_SECONDS=0; fuzz targets skipped"
  exit 0
fi
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not installed; fuzz targets skipped"
  exit 0
fi
# clang without its runtime package (Debian: libclang-rt-dev) cannot link
# -fsanitize=fuzzer; try a one-line target before configuring anything.
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' \
  >"$probe/probe.cpp"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe" \
     >/dev/null 2>&1; then
  echo "fuzz: clang++ cannot link libFuzzer (install libclang-rt-dev); fuzz targets skipped"
  exit 0
fi
if [[ ! -f $build/CMakeCache.txt ]]; then
  # -O1: this build instruments every library, so in CI its compile time
  # matters more than executions per second (about 9.5 min on 2 cores, against
  # about 13 for the -O3 Release build). Long runs (fuzz/run_all.sh) use their own.
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS=-O1 \
    -DCMAKE_C_FLAGS=-O1 -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER=clang++ -DTINYKG_BUILD_FUZZ=ON -DTINYKG_BUILD_TESTS=OFF \
    -DTINYKG_BUILD_BENCH=OFF >/dev/null
fi
targets=(model_reader_fuzz model_card_fuzz jsonld_fuzz rdf_turtle_fuzz rdf_bulk_parser_fuzz
         sparql_parser_fuzz sparql_update_fuzz http_api_fuzz index_block_fuzz)
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"
fuzz/run_all.sh "$build" "$seconds" "${targets[@]}"
