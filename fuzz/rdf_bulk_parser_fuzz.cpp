// Differential target for the two RDF readers we wrap around serd: the
// streaming parser of the bulk loader (store/quad_parser.h, files) and the
// in-memory reader (rdf/serd_io.h). Given the same bytes in any of the four
// syntaxes they must agree on success and on the number of statements, and a
// document the reader accepts must read back with as many quads after a trip
// through RdfWriter. Any other outcome is a crash (a finding).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_tmpdir.h"
#include "rdf/serd_io.h"
#include "store/quad_parser.h"

using tinykg::rdf::Quad;
using tinykg::rdf::Syntax;

namespace {

// Statements the reader yields, or -1 when it fails.
long read_count(std::string_view text, Syntax syntax, std::vector<Quad>* keep) {
  long n = 0;
  auto st = tinykg::rdf::read_rdf_string(
      text, syntax,
      [&](const Quad& q) {
        ++n;
        if (keep) keep->push_back(q);
      },
      {"http://fuzz/", "f_"});
  return st.ok() ? n : -1;
}

long bulk_count(std::string_view text, Syntax syntax) {
  static const std::string path = (tinykg::fuzz::scratch_dir() / "input").string();
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(text.data(), text.size());
  tinykg::store::detail::ParseStats stats;
  auto st = tinykg::store::detail::parse_encoded_quads(
      path, syntax, [](const tinykg::store::detail::EncodedQuad&) {}, {}, &stats);
  return st.ok() ? static_cast<long>(stats.statements) : -1;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the syntax so one corpus covers all four.
  auto syntax = static_cast<Syntax>(data[0] % 4);
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<Quad> quads;
  long from_reader = read_count(text, syntax, &quads);
  long from_bulk = bulk_count(text, syntax);
  if (from_reader != from_bulk) std::abort();
  if (from_reader < 0) return 0;

  std::ostringstream written;
  {
    tinykg::rdf::RdfWriter writer(written, syntax);
    for (const Quad& q : quads) writer.write(q);
  }
  // N-Triples drops graph names, so every syntax reads its own output back.
  if (read_count(written.str(), syntax, nullptr) != from_reader) std::abort();
  return 0;
}
