#!/usr/bin/env bash
# Browser tests of the web UI: Debian's chromium driven by playwright-core.
#
#   tests/web/run.sh [BUILD_DIR [TEST...]]   (default: build; ctest passes its own)
#   e.g. tests/web/run.sh build figure4 pages   runs only those *.test.mjs
#
# Starts two `tinykg serve` instances on free loopback ports, each on a fresh
# database: the reference demo (plus the simulated devices of
# tinykg-devsim when it is built) and a 10,000-device synthetic fleet
# (bench/gen_fleet.py) for the page-load measurement. Then runs tests/web/*.test.mjs
# with node's test runner. Screenshots and timings: BUILD_DIR/web-test-output/.
# Exits 77 (skipped) with a message when node, chromium, the built UI or
# ../shared is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
SOURCE=$PWD
BUILD=$(cd "${1:-build}" && pwd)
shift || true
TESTS=()
for name in "${@:-*}"; do TESTS+=(tests/web/$name.test.mjs); done
OUT=$BUILD/web-test-output
FLEET_DEVICES=${TINYKG_WEB_FLEET:-10000}
DEVSIM_COUNT=4
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

skip() { echo "web tests skipped: $*"; exit 77; }
command -v node >/dev/null || skip "node is not installed (setup.sh installs it)"
[[ -x $CHROMIUM ]] || skip "no chromium at $CHROMIUM (apt-get install chromium)"
[[ -d ../shared/reference ]] || skip "../shared is absent"
[[ -f web/node_modules/playwright-core/package.json ]] || skip "web/node_modules is missing (run web/build.sh)"
[[ -f web/dist/index.html ]] || skip "the web UI is not built (run web/build.sh)"
[[ -x $BUILD/tinykg ]] || { echo "web tests: $BUILD/tinykg is not built" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# Starts `tinykg serve` on a free port and sets SERVED_PORT once it listens
# (not a $(...) subshell: the server's pid must reach PIDS for the cleanup).
start_server() {
  local db=$1 log=$2
  "$BUILD/tinykg" --db "$db" serve --port 0 --web-root web/dist >"$log" 2>&1 &
  PIDS+=($!)
  SERVED_PORT=
  for _ in $(seq 200); do
    SERVED_PORT=$(grep -oE 'listening on http://127\.0\.0\.1:[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
    [[ -n $SERVED_PORT ]] && return
    kill -0 "${PIDS[-1]}" 2>/dev/null || break
    sleep 0.05
  done
  echo "web tests: the server did not start:" >&2
  cat "$log" >&2
  exit 1
}

echo "==> demo database and server"
DB=$OUT/demo-db
"$BUILD/tinykg" --db "$DB" demo >"$OUT/demo.log" 2>&1
TOKEN=$("$BUILD/tinykg" --db "$DB" token create --role write 2>/dev/null)
# The demo keeps the .tflite bytes, so the Figure 4 test can deploy this model.
DEPLOY_MODEL=ARM_DS_CNN_Small_
start_server "$DB" "$OUT/server.log"
URL=http://127.0.0.1:$SERVED_PORT

# Simulated devices shaped like the Arduino Nano BLE 33, the board the
# Figure 4 test picks, so that its fitting models can be deployed to them.
BOARD=$(grep -oE '^@prefix board: <[^>]+>' data/reference/devices/arduino_nano_ble_33.ttl | grep -oE 'http[^>]+')
SIMULATED=0
if [[ -x $BUILD/tinykg-devsim ]]; then
  "$BUILD/tinykg-devsim" --count "$DEVSIM_COUNT" --http-port 0 --like "$BOARD" \
    --register "$URL" --token "$TOKEN" --seed 7 >"$OUT/devsim.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 200); do
    grep -q '^devsim: ' "$OUT/devsim.log" && { SIMULATED=$DEVSIM_COUNT; break; }
    kill -0 "${PIDS[-1]}" 2>/dev/null || break
    sleep 0.05
  done
  [[ $SIMULATED -gt 0 ]] || { echo "note: tinykg-devsim did not start:"; cat "$OUT/devsim.log"; }
else
  echo "note: $BUILD/tinykg-devsim is not built; the deployment step is skipped"
fi

FLEET_URL=
if [[ " ${TESTS[*]} " == *" tests/web/fleet.test.mjs "* ]]; then
  echo "==> ${FLEET_DEVICES}-device fleet database and server"
  FLEET_DB=$OUT/fleet-db
  python3 bench/gen_fleet.py "$FLEET_DEVICES" >"$OUT/fleet.nt"
  "$BUILD/tinykg" --db "$FLEET_DB" demo >/dev/null 2>&1
  "$BUILD/tinykg" --db "$FLEET_DB" load "$OUT/fleet.nt" >"$OUT/fleet-load.log"
  rm -f "$OUT/fleet.nt"
  start_server "$FLEET_DB" "$OUT/fleet-server.log"
  FLEET_URL=http://127.0.0.1:$SERVED_PORT
fi

CHROMIUM_VERSION=$("$CHROMIUM" --version 2>/dev/null | grep -oE '[0-9][0-9.]+' | head -1 || true)
echo "==> browser tests (chromium $CHROMIUM_VERSION)"
export TINYKG_URL=$URL TINYKG_FLEET_URL=$FLEET_URL TINYKG_TOKEN=$TOKEN \
  TINYKG_WEB_OUT=$OUT TINYKG_SOURCE_DIR=$SOURCE TINYKG_BIN=$BUILD/tinykg TINYKG_DB=$DB \
  TINYKG_DEVSIM_COUNT=$SIMULATED TINYKG_BOARD=$BOARD TINYKG_DEPLOY_MODEL=$DEPLOY_MODEL CHROMIUM \
  TINYKG_CHROMIUM_VERSION=$CHROMIUM_VERSION
node --test --test-concurrency=1 --test-reporter=spec "${TESTS[@]}"
echo "screenshots and timings: $OUT"
