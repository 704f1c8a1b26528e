// Raw NUL bytes in RDF text, refused by every reader.
//
// No RDF syntax allows a NUL byte (U+0000 may appear only escaped, as
// \u0000). serd reads a string only up to its first NUL but skips NULs
// between the pages of a file, so the same upload gave a few statements
// through read_rdf_string (the HTTP API) and all of them through the bulk
// loader (found by fuzz/rdf_bulk_parser_fuzz). Checking before serd sees the
// bytes makes all readers fail alike, with a message that says where.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "common/result.h"

namespace tinykg::rdf {

class NulByteScanner {
 public:
  // Scans the next piece of the document; false once a NUL byte was seen.
  bool feed(std::string_view chunk) {
    if (found_) return false;
    size_t at = chunk.find('\0');
    if (at == std::string_view::npos) {
      offset_ += chunk.size();
      return true;
    }
    offset_ += at;
    found_ = true;
    return false;
  }
  // "SOURCE: NUL byte at offset N; RDF text may not contain one".
  std::string error(std::string_view source_name) const {
    return fmt::format("{}: NUL byte at offset {}; RDF text may not contain one (write \\u0000 "
                       "inside a literal)",
                       source_name, offset_);
  }

 private:
  uint64_t offset_ = 0;  // of the NUL once found, else the bytes scanned
  bool found_ = false;
};

// The whole-text check of read_rdf_string.
inline Status check_no_nul_bytes(std::string_view text, std::string_view source_name) {
  NulByteScanner scanner;
  if (scanner.feed(text)) return Status::Ok();
  return Failure{scanner.error(source_name)};
}

}  // namespace tinykg::rdf
