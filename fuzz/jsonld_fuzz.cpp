// Feeds arbitrary bytes to the JSON-LD processor (expansion + toRdf): it must
// return an error or quads, never crash or hang. Only the bundled contexts
// are reachable, so inputs naming the WoT contexts exercise them too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rdf/jsonld/jsonld.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  tinykg::rdf::JsonLdOptions opts;
  opts.base = "http://fuzz/doc";
  opts.blank_prefix = "f";
  (void)tinykg::rdf::jsonld_to_rdf(text, opts);
  return 0;
}
