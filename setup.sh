#!/usr/bin/env bash
# Installs every dependency (Debian 12 packages), builds Release into build/,
# and runs the demo: the reference models and boards imported into an embedded
# store and the three case studies answered.
#   ./setup.sh              install + build + demo
#   ./setup.sh --deps-only  install only (used by .ci/run)
#   ./setup.sh --no-deps    build + demo, skip installing
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config clang libclang-rt-dev   # clang: fuzz targets
  libserd-dev serdi liblmdb-dev lmdb-utils
  flatbuffers-compiler libflatbuffers-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev libcpp-httplib-dev libssl-dev
  curl wrk
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 bc time
  mosquitto libmosquitto-dev            # MQTT transport of deployments and its test broker
  libvalijson-dev                       # Thing Description JSON Schema validation
  virtuoso-opensource                   # the external SPARQL store of the scale-out tests
  chromium                              # browser tests of the web UI
)

install_deps() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: run as root (or with sudo) to install packages" >&2
    exit 1
  fi
  echo "==> installing Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${APT_PACKAGES[@]}"
  # Node.js builds the web UI. Keep a machine's own Node (e.g. NodeSource's,
  # which bundles npm and conflicts with Debian's npm package); else Debian's.
  if ! command -v npm >/dev/null; then
    apt-get install -y -q --no-install-recommends nodejs npm
  fi
}

build() {
  echo "==> building Release into build/"
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j"$(nproc)"
  web/build.sh   # the web UI (npm ci + vite) into web/dist, served by `tinykg serve` at /
}

demo() {
  echo "==> demo: importing the reference models and boards"
  rm -rf build/demo-db
  ./build/tinykg --db build/demo-db demo
  echo
  echo "Database: build/demo-db  (try: ./build/tinykg --db build/demo-db query -f data/queries/case2-models-for-device.rq)"
  echo "HTTP API: ./build/tinykg --db build/demo-db serve   ->  http://127.0.0.1:8080/sparql and /api (docs/server.md)"
  echo "Web UI:   the same command serves it at http://127.0.0.1:8080/ (web/README.md); uploads, deletes and"
  echo "          deployments ask for a token: ./build/tinykg --db build/demo-db token create --role write"
}

case "${1:-}" in
  --deps-only) install_deps ;;
  --no-deps) build; demo ;;
  "") install_deps; build; demo ;;
  *) echo "usage: $0 [--deps-only|--no-deps]" >&2; exit 2 ;;
esac
