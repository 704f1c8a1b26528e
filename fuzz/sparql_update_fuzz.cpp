// Feeds arbitrary bytes to the SPARQL Update parser and, when they parse,
// runs the update in a write transaction that is then dropped: parsing and
// execution must return a result or an error, never crash or hang. The store
// stays empty, so every input sees the same state and a finding reproduces
// from its file alone.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "fuzz_tmpdir.h"
#include "sparql/engine.h"
#include "sparql/parser/parser.h"
#include "store/store.h"

namespace {

tinykg::store::Store& empty_store() {
  static std::unique_ptr<tinykg::store::Store> store = [] {
    auto opened = tinykg::store::Store::open((tinykg::fuzz::scratch_dir() / "db").string(),
                                             {.map_size = size_t{64} << 20});
    if (!opened.ok()) std::abort();
    return std::move(opened).value();
  }();
  return *store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!tinykg::sparql::parse_update(text).ok()) return 0;
  tinykg::store::WriteTxn txn = empty_store().write();
  tinykg::sparql::QueryOptions options;
  options.timeout_ms = 2000;  // a slow input is reported as a timeout, not a hang
  options.allow_file_load = false;  // the outcome must not depend on the machine's files
  (void)tinykg::sparql::run_update(txn, text, options);
  return 0;  // txn is dropped without a commit
}
