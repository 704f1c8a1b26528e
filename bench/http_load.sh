#!/usr/bin/env bash
# HTTP load benchmark: `tinykg serve` over the synthetic 100k-device fleet,
# driven by wrk on loopback (client and server share the machine).
#
#   bench/http_load.sh [BUILD_DIR] [DEVICES] [SECONDS]
#
# Measures requests/s and latency percentiles (p50/p99) for match requests:
#   sparql-match  "does board N fit a model needing >= 116 kB RAM and >= 531 kB
#                 Flash?", one SPARQL SELECT over GET /sparql;
#   api-fit       GET /api/match/fit?model=M&device=N, the match engine's
#                 verdict and reasons for one pair (a different board each time);
#   api-models    GET /api/match/models?device=N, every model fitting board N
#                 (answers of ~300 kB on the 10k-model zoo: bound by JSON);
#   stats         GET /api/stats.
# The fleet database is built once and reused ($WORK/db-DEVICES).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
DEVICES=${2:-100000}
SECONDS_PER_RUN=${3:-20}
WORK=${BENCH_WORK:-$BUILD/bench-http}
DB=$WORK/db-$DEVICES
PORT=${BENCH_PORT:-18080}
mkdir -p "$WORK"

command -v wrk >/dev/null || { echo "http_load: install wrk (apt-get install wrk)" >&2; exit 1; }

if [[ ! -d $DB ]]; then
  echo "==> generating and loading a $DEVICES-device fleet into $DB"
  python3 bench/gen_fleet.py "$DEVICES" > "$WORK/fleet.nt"
  "$BUILD/tinykg" --db "$DB" load "$WORK/fleet.nt"
fi

"$BUILD/tinykg" --db "$DB" serve --host 127.0.0.1 --port "$PORT" --quiet --threads "${THREADS:-0}" \
  > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill -TERM $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "listening on" "$WORK/server.log" && break; sleep 0.1; done

# The wrk script picks a different board per request so that the run does
# not measure one cached page.
cat > "$WORK/match.lua" <<'LUA'
local counter = 0
local template = [[
PREFIX s3n: <http://w3id.org/s3n/> PREFIX ssn: <http://www.w3.org/ns/ssn/>
PREFIX sys: <http://www.w3.org/ns/ssn/systems/> PREFIX schema: <https://schema.org/>
PREFIX s3x: <http://tinyml-schema.org/s3n_extend/>
SELECT ?ram ?flash WHERE {
  <http://example.org/fleet/device/%d> ssn:hasSubSystem ?mcu .
  ?mcu a s3n:MicroController ; s3n:hasSystemCapability ?cap .
  ?cap sys:hasSystemProperty ?r, ?f .
  ?r a s3x:RAM ; schema:value ?ram .
  ?f a s3x:Flash ; schema:value ?flash .
  FILTER (?ram >= 116 && ?flash >= 531)
}]]
local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  counter = counter + 1
  local query = string.format(template, (counter * 7919) % DEVICES)
  return wrk.format("GET", "/sparql?query=" .. encode(query),
                    {["Accept"] = "application/sparql-results+json"})
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
sed -i "1i DEVICES = $DEVICES" "$WORK/match.lua"

URL=http://127.0.0.1:$PORT
curl -sf "$URL/api/stats" && echo
# wrk scripts for the match API: board (counter * 7919) mod DEVICES.
MODEL=$(curl -sf -H 'Accept: text/csv' --data-urlencode \
  'query=SELECT ?id WHERE { <http://example.org/fleet/model/0> <https://schema.org/identifier> ?id }' \
  "$URL/sparql" | sed -n 2p | tr -d '\r')
api_script() {  # api_script FILE PATH_PREFIX
  sed -n '/^done = /,$p' "$WORK/match.lua" > "$WORK/done.lua"
  cat > "$1" <<LUA
DEVICES = $DEVICES
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "$2" .. "http%3A%2F%2Fexample.org%2Ffleet%2Fdevice%2F" .. ((counter * 7919) % DEVICES))
end
LUA
  cat "$WORK/done.lua" >> "$1"
}
api_script "$WORK/fit.lua" "/api/match/fit?model=$MODEL&device="
api_script "$WORK/models.lua" "/api/match/models?include=fits&device="
# The first match request reads the fleet and the zoo (seconds on 100k boards).
curl -sf -o /dev/null "$URL/api/match/fit?model=$MODEL&device=0"

run() {  # run NAME WRK_ARGS...
  echo "==> $1, wrk -t2 -c16 -d${SECONDS_PER_RUN}s"
  wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency "${@:2}" | tee "$WORK/$1.txt"
}
run sparql-match -s "$WORK/match.lua" "$URL"
run api-fit -s "$WORK/fit.lua" "$URL"
run api-models -s "$WORK/models.lua" "$URL"
run stats -s "$WORK/done.lua" "$URL/api/stats"
echo "==> summary"
for name in sparql-match api-fit api-models stats; do
  echo "$name $(grep -h '^RESULT' "$WORK/$name.txt" || grep -h 'Requests/sec' "$WORK/$name.txt")"
done
