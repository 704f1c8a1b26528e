#!/usr/bin/env bash
# Baseline benchmark (walking skeleton): demo import time, and for fleets of
# 1k / 10k / 100k devices the load time and the median warm time of q1..q3.
#   bench/baseline.sh [SIZES...]      default: 1000 10000 100000
# Fleets are generated with bench/gen_fleet.py (deterministic) into $DATA.
set -euo pipefail
cd "$(dirname "$0")/.."
TINYKG=${TINYKG:-./build/tinykg}
DATA=${DATA:-/tmp/tinykg-bench}
REPEAT=${REPEAT:-21}
SIZES=("${@:-1000 10000 100000}")
mkdir -p "$DATA"

echo "## tinykg baseline ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
rm -rf "$DATA/demo-db"
start=$(date +%s.%N)
"$TINYKG" --db "$DATA/demo-db" demo >/dev/null
end=$(date +%s.%N)
printf 'demo (import 23 models + 6 boards + 3 case studies, fresh process): %.2f s\n\n' \
  "$(echo "$end - $start" | bc)"

echo "| devices | triples | load s | triples/s | q1 ms | q2 ms | q3 ms | q1 rows | q2 rows | q3 rows |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for n in ${SIZES[@]}; do
  f="$DATA/dev$n.nt"
  [[ -s "$f" ]] || python3 bench/gen_fleet.py "$n" >"$f"
  db="$DATA/db$n"
  rm -rf "$db"
  triples=$(wc -l <"$f")
  start=$(date +%s.%N)
  "$TINYKG" --db "$db" load "$f" >/dev/null
  end=$(date +%s.%N)
  load=$(echo "$end - $start" | bc)
  row="| $n | $triples | $(printf %.2f "$load") | $(printf %.0f "$(echo "$triples / $load" | bc -l)")"
  rows=""
  for q in q1-devices-for-model q2-models-for-device q3-ranked-speech-models; do
    stats=$("$TINYKG" --db "$db" query -f "bench/$q.rq" --format tsv --repeat "$REPEAT" 2>&1 >/dev/null)
    median=$(sed -E 's/.*median ([0-9.]+) ms.*/\1/' <<<"$stats")
    count=$(sed -E 's/^([0-9]+) rows.*/\1/' <<<"$stats")
    row="$row | $median"
    rows="$rows | $count"
  done
  echo "$row$rows |"
done
