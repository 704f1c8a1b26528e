#!/usr/bin/env bash
# HTTP soak: a minute of read load (wrk, match queries as in http_load.sh)
# while a writer adds one triple per request to a soak graph over the Graph
# Store Protocol. Passes when the graph ends with exactly as many triples as
# writes acknowledged (201/204) and no response besides those was an error.
#
#   bench/http_soak.sh [BUILD_DIR] [DEVICES] [SECONDS]   (run http_load.sh first to build the fleet)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
DEVICES=${2:-100000}
DURATION=${3:-60}
WORK=${BENCH_WORK:-$BUILD/bench-http}
DB=$WORK/db-$DEVICES
PORT=${BENCH_PORT:-18081}
URL=http://127.0.0.1:$PORT
GRAPH=http://example.org/soak
[[ -d $DB && -f $WORK/match.lua ]] || { echo "http_soak: run bench/http_load.sh first" >&2; exit 1; }

TOKEN=$("$BUILD/tinykg" --db "$DB" token create --role write 2>/dev/null)
"$BUILD/tinykg" --db "$DB" serve --host 127.0.0.1 --port "$PORT" --quiet > "$WORK/soak-server.log" 2>&1 &
SERVER_PID=$!
trap 'kill -TERM $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "listening on" "$WORK/soak-server.log" && break; sleep 0.1; done
curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $TOKEN" --url-query "graph=$GRAPH" "$URL/rdf-graphs"

wrk -t1 -c8 -d"${DURATION}s" -s "$WORK/match.lua" "$URL" > "$WORK/soak-wrk.txt" &
WRK_PID=$!
acked=0 refused=0 i=0
end=$((SECONDS + DURATION))
while (( SECONDS < end )); do
  i=$((i + 1))
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/n-triples' --url-query "graph=$GRAPH" \
    --data-binary "<http://example.org/soak/w$i> <http://example.org/seq> \"$i\" ." "$URL/rdf-graphs" || true)
  if [[ $code == 201 || $code == 204 ]]; then acked=$((acked + 1)); else refused=$((refused + 1)); fi
  sleep 0.05
done
wait $WRK_PID
stored=$(curl -s -H 'Accept: application/n-triples' --url-query "graph=$GRAPH" "$URL/rdf-graphs" | grep -c . || true)
read_errors=$(sed -n 's/.*errors_status=\([0-9]*\).*/\1/p' "$WORK/soak-wrk.txt")
grep RESULT "$WORK/soak-wrk.txt"
echo "writes: $acked acknowledged, $refused failed; triples in the soak graph: $stored; read errors: ${read_errors:-?}"
curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $TOKEN" --url-query "graph=$GRAPH" "$URL/rdf-graphs"
TOKEN_ID=$("$BUILD/tinykg" --db "$DB" token list | tail -1 | cut -d' ' -f1)
"$BUILD/tinykg" --db "$DB" token revoke "$TOKEN_ID" >/dev/null
if [[ $stored -eq $acked && $refused -eq 0 && ${read_errors:-1} -eq 0 ]]; then
  echo "soak: PASS"
else
  echo "soak: FAIL"; exit 1
fi
