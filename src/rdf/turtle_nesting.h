// A depth limit for Turtle and TriG, checked before serd sees the text.
//
// serd parses blank node property lists `[ ... ]` and collections `( ... )`
// by recursion, one C stack frame chain per level, with no limit of its own:
// a 400 KB upload of nested brackets overflows the stack and takes the whole
// server down (found by fuzz/rdf_bulk_parser_fuzz). This scanner follows the
// lexical structure just enough to count brackets outside strings, IRIs and
// comments, page by page, so the bulk loader can check a file as it streams.
// N-Triples and N-Quads cannot nest and need no check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace tinykg::rdf {

// Deepest nesting of `[`/`(` a Turtle or TriG document may have.
inline constexpr int kMaxTurtleNesting = 256;

class TurtleNestingScanner {
 public:
  // Scans the next piece of the document; false once the limit is exceeded.
  bool feed(std::string_view chunk);
  // "SOURCE:LINE: blank nodes and collections nested deeper than 256 levels".
  std::string error(std::string_view source_name) const;

 private:
  enum class State { Code, Comment, Iri, QuoteOpen, ShortString, LongString };
  State state_ = State::Code;
  char quote_ = 0;     // the quote character of the string being read
  int quotes_ = 0;     // consecutive quotes seen (opening or closing a long string)
  bool escape_ = false;
  int depth_ = 0;
  bool exceeded_ = false;
  uint64_t line_ = 1;
};

// The whole-text check of read_rdf_string and the Turtle/TriG readers.
Status check_turtle_nesting(std::string_view text, std::string_view source_name);

}  // namespace tinykg::rdf
