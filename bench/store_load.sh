#!/usr/bin/env bash
# Bulk-load benchmark of the embedded store: for each fleet size, the load
# rate (N-Triples), peak RSS of the whole `tinykg load` process
# (/usr/bin/time -v) and the on-disk bytes per triple (data.mdb after load, and
# the compacted size a `tinykg backup` would write).
#   bench/store_load.sh [DEVICES...]      default: 100000 1000000
# Fleets come from bench/gen_fleet.py (deterministic) and are cached in $DATA.
set -euo pipefail
cd "$(dirname "$0")/.."
TINYKG=${TINYKG:-./build/tinykg}
DATA=${DATA:-/tmp/tinykg-bench}
SIZES=("${@:-100000 1000000}")
mkdir -p "$DATA"
[[ -x /usr/bin/time ]] || { echo "store_load.sh: needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }

echo "## tinykg bulk load ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $TINYKG)"
echo
echo "| devices | triples | file MB | load s | triples/s | peak RSS MiB | data.mdb bytes/triple | compacted bytes/triple |"
echo "|---|---|---|---|---|---|---|---|"
for n in ${SIZES[@]}; do
  f="$DATA/dev$n.nt"
  [[ -s "$f" ]] || python3 bench/gen_fleet.py "$n" >"$f"
  db="$DATA/load-db$n"
  rm -rf "$db" "$db.backup"
  triples=$(wc -l <"$f")
  /usr/bin/time -v -o "$DATA/time$n.txt" "$TINYKG" --db "$db" load "$f" >"$DATA/load$n.txt"
  secs=$(sed -nE 's/.*Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)/\1/p' "$DATA/time$n.txt" |
         awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss_kb=$(sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+)/\1/p' "$DATA/time$n.txt")
  bytes=$(stat -c %s "$db/data.mdb")
  "$TINYKG" --db "$db" backup "$db.backup" >/dev/null
  compact=$(stat -c %s "$db.backup/data.mdb")
  printf '| %s | %s | %.0f | %.2f | %.0f | %.0f | %.1f | %.1f |\n' "$n" "$triples" \
    "$(echo "$(stat -c %s "$f") / 1000000" | bc -l)" "$secs" "$(echo "$triples / $secs" | bc -l)" \
    "$(echo "$rss_kb / 1024" | bc -l)" "$(echo "$bytes / $triples" | bc -l)" \
    "$(echo "$compact / $triples" | bc -l)"
  rm -rf "$db.backup"
done
