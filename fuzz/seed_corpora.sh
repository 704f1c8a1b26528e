#!/usr/bin/env bash
# Fills CORPUS_DIR/<target>/ with seed inputs for every fuzz target, from the
# tests, data/ and ../shared (when present). Corpora are build products: they
# live outside the source tree and are never committed.
#   fuzz/seed_corpora.sh build-fuzz/fuzz-corpus
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: fuzz/seed_corpora.sh CORPUS_DIR}
shared=${TINYKG_SHARED_DIR:-../shared}

# A flat, visible file name for a seed path ("../shared/a/b.rq" -> "shared_a_b.rq").
seed_name() { local n=${1#../}; echo "${n//\//_}"; }

# copy TARGET FILES...: each file becomes one seed (missing files are skipped).
copy() {
  local target=$1; shift
  mkdir -p "$out/$target"
  local f
  for f in "$@"; do
    [[ -f $f ]] && cp -f "$f" "$out/$target/$(seed_name "$f")"
  done
  return 0
}
# prefixed TARGET BYTE FILES...: seeds whose first byte picks the RDF syntax
# (0 Turtle, 1 N-Triples, 2 N-Quads, 3 TriG), as the RDF targets expect.
# Files over 64 KiB are skipped: libFuzzer mutates small inputs best.
prefixed() {
  local target=$1 byte=$2; shift 2
  mkdir -p "$out/$target"
  local f
  for f in "$@"; do
    [[ -f $f && $(stat -c %s "$f") -le 65536 ]] || continue
    { printf "\\x0$byte"; cat "$f"; } > "$out/$target/$(seed_name "$f")"
  done
}

shopt -s nullglob globstar
copy model_reader_fuzz "$shared"/reference/models/*.tflite tests/model/data/*.tflite
copy model_card_fuzz data/reference/cards/*.json tests/model/data/*.json
copy jsonld_fuzz tests/rdf/data/*.jsonld "$shared"/conformance/wot-td/*.jsonld \
  "$shared"/conformance/jsonld/**/toRdf/*-in.jsonld
copy sparql_parser_fuzz data/queries/*.rq "$shared"/bench/**/*.rq \
  "$shared"/conformance/sparql11/**/*.rq
copy sparql_update_fuzz "$shared"/conformance/sparql11/**/*.ru
for target in rdf_turtle_fuzz rdf_bulk_parser_fuzz; do
  prefixed $target 0 data/reference/devices/*.ttl "$shared"/reference/ontology/*.ttl \
    "$shared"/conformance/sparql11/**/*.ttl
  prefixed $target 1 "$shared"/conformance/sparql11/**/*.nt
  prefixed $target 2 "$shared"/conformance/sparql11/**/*.nq
  prefixed $target 3 "$shared"/conformance/sparql11/**/*.trig
done
copy http_api_fuzz fuzz/seeds/http/*.txt
# A multipart model upload with a real model and card, when the data is here.
model="$shared/reference/models/Hello_World.tflite"
card=data/reference/cards/Hello_World.json
if [[ -f $model && -f $card ]]; then
  body=$(mktemp)
  {
    printf -- '--XyZ\r\nContent-Disposition: form-data; name="model"; filename="m.tflite"\r\n'
    printf 'Content-Type: application/octet-stream\r\n\r\n'
    cat "$model"
    printf -- '\r\n--XyZ\r\nContent-Disposition: form-data; name="card"\r\n\r\n'
    cat "$card"
    printf -- '\r\n--XyZ--\r\n'
  } > "$body"
  {
    printf 'POST /api/models HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer FUZZTOKEN\r\n'
    printf 'Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: %d\r\n\r\n' \
      "$(stat -c %s "$body")"
    cat "$body"
  } > "$out/http_api_fuzz/multipart_model_upload.txt"
  rm -f "$body"
fi
for d in "$out"/*/; do echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"; done
