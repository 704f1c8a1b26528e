#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each, one after the
# other on one core, from the seeds of seed_corpora.sh plus what earlier runs
# added to BUILD/fuzz-corpus. Crashes, leaks, timeouts and out-of-memory go to
# BUILD/fuzz-artifacts/<target>/ and make the script fail; logs go to
# BUILD/fuzz-logs/<target>.log. Prints one line per target with its
# execution count.
#   fuzz/run_all.sh build-fuzz 600                      # the 10-minute run
#   fuzz/run_all.sh build-fuzz 60 sparql_update_fuzz    # one target
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: fuzz/run_all.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run_all.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(model_reader_fuzz model_card_fuzz jsonld_fuzz rdf_turtle_fuzz rdf_bulk_parser_fuzz
           sparql_parser_fuzz sparql_update_fuzz http_api_fuzz index_block_fuzz)
fi

# Inputs larger than the default (4 KiB, or the largest seed) are worth
# trying for the binary model format and for multipart uploads.
max_len() {
  case $1 in
    model_reader_fuzz) echo 65536 ;;
    http_api_fuzz) echo 16384 ;;
    *) echo 0 ;;  # libFuzzer's choice
  esac
}

corpus=$build/fuzz-corpus
[[ -d $corpus ]] || fuzz/seed_corpora.sh "$corpus" >/dev/null
mkdir -p "$build/fuzz-logs"
failed=0
for t in "${targets[@]}"; do
  bin=$build/fuzz/$t
  [[ -x $bin ]] || { echo "$t: not built ($bin)"; failed=1; continue; }
  mkdir -p "$corpus/$t" "$build/fuzz-artifacts/$t"
  log=$build/fuzz-logs/$t.log
  status=ok
  # -timeout: one input running 30 s is a hang; -rss_limit_mb: a request that
  # makes the process grow past 2 GiB is unbounded memory use.
  "$bin" "$corpus/$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
    -max_len="$(max_len "$t")" -print_final_stats=1 \
    -artifact_prefix="$build/fuzz-artifacts/$t/" >"$log" 2>&1 || status=FINDING
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 || true)
  echo "$t: $status, $runs executions in ${seconds}s, $cov, log $log"
  [[ $status == ok ]] || failed=1
done
exit $failed
