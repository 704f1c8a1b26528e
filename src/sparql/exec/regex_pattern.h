// A REGEX / REPLACE pattern compiled once per query (cached by ExecContext).
//
// std::regex (ECMAScript, on UTF-8 bytes) defines the answers. A pattern
// without metacharacters ("yes/no", "speech_commands": most FILTERs people
// write) is searched as a plain substring instead, because libstdc++'s icase
// matcher looks up the ctype facet for every character it compares (bench/q3
// spent a quarter of its time there on the 100k fleet). The shortcut answers
// exactly as std::regex does: a literal's bytes match only themselves, and
// with the `i` flag std::regex folds with the classic "C" locale (tinykg sets
// no global locale), where only ASCII letters have another case; so the
// shortcut is taken with `i` only for ASCII patterns, folding ASCII letters.
#pragma once

#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace tinykg::sparql::exec {

class RegexPattern {
 public:
  // Null if the pattern or the flags are invalid (SPARQL: an error).
  static std::unique_ptr<RegexPattern> compile(const std::string& pattern, const std::string& flags);

  // regex_search semantics; may throw std::regex_error (e.g. error_complexity).
  bool search(std::string_view text) const;
  // For REPLACE, which needs the full engine.
  const std::regex& regex() const { return regex_; }
  // The pattern is searched as a substring (for tests).
  bool is_literal() const { return literal_.has_value(); }

 private:
  std::regex regex_;
  std::optional<std::string> literal_;  // lower-cased when icase_
  bool icase_ = false;
};

}  // namespace tinykg::sparql::exec
