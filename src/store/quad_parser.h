// Streaming RDF parsing for the bulk loader: libserd reads a file page by page
// (files larger than RAM are fine) and each statement reaches the sink as the
// dictionary encodings of its terms (rdf::Term::encode bytes), built in reused
// buffers, so the hot path allocates nothing per triple.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "rdf/serd_io.h"

namespace tinykg::store::detail {

// Encoded terms of one statement; `g` is empty for the default graph. The
// views are valid only during the sink call.
struct EncodedQuad {
  std::string_view s, p, o, g;
};
using EncodedQuadSink = std::function<void(const EncodedQuad&)>;

struct ParseOptions {
  // false: the first syntax error stops the read ("FILE:LINE:COL: message").
  // true: serd's lax mode skips the bad statement; each error goes to on_invalid.
  bool skip_invalid = false;
  std::function<void(const std::string& message)> on_invalid;
  std::atomic<uint64_t>* bytes_read = nullptr;  // advanced as pages are read
  const std::atomic<bool>* cancel = nullptr;    // stops the read when set
};

struct ParseStats {
  uint64_t statements = 0;
  uint64_t invalid = 0;  // errors reported in skip_invalid mode
};

// Blank node labels get a fresh per-file prefix, as rdf::read_rdf_file does,
// so that blank nodes of different documents never merge. A sink may throw to
// abort the read; the exception propagates.
Status parse_encoded_quads(const std::string& path, rdf::Syntax syntax,
                           const EncodedQuadSink& sink, const ParseOptions& opts,
                           ParseStats* stats);

// Encoding of a literal exactly as rdf::Term::literal(...).encode() would
// produce it (xsd:string dropped, language tags lower-cased), appended to `out`.
void append_literal_encoding(std::string& out, std::string_view lexical,
                             std::string_view datatype, std::string_view lang);

}  // namespace tinykg::store::detail
