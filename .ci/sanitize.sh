#!/usr/bin/env bash
# Sanitizer runs for CI (issue 13):
#  1. ASan+UBSan: the whole test suite, built in build-asan at -O1 with
#     debug info; any error report fails the test that triggered it.
#  2. TSan: the tests that run threads against one store or server (store
#     concurrent readers and writer, the server's tests), built in build-tsan.
# Usage: .ci/sanitize.sh [asan|tsan|all]   (default all)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
jobs=$(nproc)
common=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g"
        -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DTINYKG_BUILD_BENCH=OFF)

if [[ $what == asan || $what == all ]]; then
  echo "==> ASan+UBSan: whole test suite (build-asan)"
  # TINYKG_SANITIZE adds -fsanitize=address,undefined; UBSan findings must
  # stop the test rather than print and go on.
  cmake -S . -B build-asan "${common[@]}" -DTINYKG_SANITIZE=ON \
    -DCMAKE_CXX_FLAGS="-fno-sanitize-recover=undefined" >/dev/null
  cmake --build build-asan -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" --timeout 900
fi

if [[ $what == tsan || $what == all ]]; then
  echo "==> TSan: concurrency tests (build-tsan)"
  cmake -S . -B build-tsan "${common[@]}" -DCMAKE_CXX_FLAGS="-fsanitize=thread" \
    -DCMAKE_C_FLAGS="-fsanitize=thread" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
  cmake --build build-tsan -j"$jobs" --target store_tests server_tests
  # The store test runs readers beside a committing writer; every server
  # test runs requests on the server's worker pool while the test thread
  # reads or writes the same graph.
  export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/.ci/tsan.supp"
  build-tsan/tests/store/store_tests --gtest_brief=1 \
    --gtest_filter='Operations.ReadersSeeConsistentSnapshotsWhileAWriterCommits'
  build-tsan/tests/server/server_tests --gtest_brief=1
fi
