#!/usr/bin/env bash
# A/B of two tinykg binaries on the same databases: the queries run with
# each binary in turn (before, after, before, ...) so that a change of the
# machine's load hits both alike. Prints one line per run: round, database,
# query, which binary, then `tinykg query --repeat` output and the load.
#
#   bench/ab_queries.sh BEFORE_BIN AFTER_BIN "DB1 DB2" [ROUNDS] [QUERY.rq ...]
#   (REPEAT=21 by default; 7 for a database whose name contains 1m)
set -euo pipefail
before=$1 after=$2 dbs=$3 rounds=${4:-2}
shift $(( $# < 4 ? $# : 4 ))
queries=("$@")
if [ ${#queries[@]} -eq 0 ]; then
  here=$(cd "$(dirname "$0")" && pwd)
  shared=$here/../../shared/bench
  [ -d "$shared" ] || shared=$here
  queries=("$shared"/q*.rq)
fi
for round in $(seq 1 "$rounds"); do
  for db in $dbs; do
    repeat=${REPEAT:-21}
    [[ -z ${REPEAT:-} && $db == *1m* ]] && repeat=7
    for q in "${queries[@]}"; do
      for side in before after; do
        bin=$before; [ $side = after ] && bin=$after
        out=$("$bin" --db "$db" query --repeat "$repeat" -f "$q" 2>&1 >/dev/null | tail -1)
        echo "round$round $(basename "$db") $(basename "$q" .rq | cut -d- -f1) $side $out load=$(cut -d' ' -f1 /proc/loadavg)"
      done
    done
  done
done
