// Feeds arbitrary bytes to the Turtle/TriG/N-Quads readers: they must return
// an error or quads, never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rdf/serd_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the syntax so one corpus covers all four.
  auto syntax = static_cast<tinykg::rdf::Syntax>(data[0] % 4);
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  size_t n = 0;
  (void)tinykg::rdf::read_rdf_string(text, syntax, [&](const tinykg::rdf::Quad&) { ++n; },
                                     {"http://fuzz/", "f_"});
  return 0;
}
