#include "rdf/turtle_nesting.h"

#include <fmt/format.h>

namespace tinykg::rdf {

bool TurtleNestingScanner::feed(std::string_view chunk) {
  for (size_t i = 0; i < chunk.size() && !exceeded_;) {
    const char c = chunk[i];
    switch (state_) {
      case State::Code:
        if (escape_) {
          escape_ = false;  // \# and the like in prefixed local names
        } else if (c == '\\') {
          escape_ = true;
        } else if (c == '#') {
          state_ = State::Comment;
        } else if (c == '<') {
          state_ = State::Iri;
        } else if (c == '"' || c == '\'') {
          state_ = State::QuoteOpen;
          quote_ = c;
          quotes_ = 1;
        } else if (c == '[' || c == '(') {
          exceeded_ = ++depth_ > kMaxTurtleNesting;
        } else if ((c == ']' || c == ')') && depth_ > 0) {
          --depth_;
        }
        break;
      case State::Comment:
        if (c == '\n' || c == '\r') state_ = State::Code;
        break;
      case State::Iri:
        if (c == '>') state_ = State::Code;
        break;
      case State::QuoteOpen:
        // "" is an empty string, """ opens a long one; anything else starts
        // a short string and is looked at again in that state.
        if (c == quote_ && quotes_ < 3) {
          if (++quotes_ == 3) {
            state_ = State::LongString;
            quotes_ = 0;
          }
          break;
        }
        state_ = quotes_ == 2 ? State::Code : State::ShortString;
        quotes_ = 0;
        continue;  // same character, new state
      case State::ShortString:
        if (escape_) {
          escape_ = false;
        } else if (c == '\\') {
          escape_ = true;
        } else if (c == quote_ || c == '\n') {
          state_ = State::Code;
        }
        break;
      case State::LongString:
        // A run of three or more quotes closes the string with its last
        // three ("""a"""" is the string a"), so the run must end first.
        if (quotes_ >= 3 && c != quote_) {
          state_ = State::Code;
          quotes_ = 0;
          continue;  // same character, new state
        }
        if (escape_) {
          escape_ = false;
        } else if (c == '\\') {
          escape_ = true;
          quotes_ = 0;
        } else if (c == quote_) {
          ++quotes_;
        } else {
          quotes_ = 0;
        }
        break;
    }
    if (c == '\n') ++line_;
    ++i;
  }
  return !exceeded_;
}

std::string TurtleNestingScanner::error(std::string_view source_name) const {
  return fmt::format("{}:{}: blank nodes and collections nested deeper than {} levels",
                     source_name, line_, kMaxTurtleNesting);
}

Status check_turtle_nesting(std::string_view text, std::string_view source_name) {
  TurtleNestingScanner scanner;
  if (!scanner.feed(text)) return Failure{scanner.error(source_name)};
  return Status::Ok();
}

}  // namespace tinykg::rdf
