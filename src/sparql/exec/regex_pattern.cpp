#include "sparql/exec/regex_pattern.h"

#include <algorithm>

namespace tinykg::sparql::exec {
namespace {

char fold_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// No ECMAScript metacharacter: every byte of the pattern matches itself.
bool is_literal_pattern(const std::string& pattern) {
  return pattern.find_first_of("^$\\.*+?()[]{}|") == std::string::npos;
}

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

std::unique_ptr<RegexPattern> RegexPattern::compile(const std::string& pattern,
                                                    const std::string& flags) {
  auto options = std::regex::ECMAScript;
  bool icase = false;
  for (char f : flags) {
    switch (f) {
      case 'i':
        options |= std::regex::icase;
        icase = true;
        break;
      case 'm':
        options |= std::regex::multiline;
        break;
      case 's':
      case 'x':
      case 'q':
        break;  // accepted, not yet honoured (see README)
      default:
        return nullptr;
    }
  }
  auto compiled = std::make_unique<RegexPattern>();
  try {
    compiled->regex_ = std::regex(pattern, options);
  } catch (const std::regex_error&) {
    return nullptr;
  }
  if (is_literal_pattern(pattern) && (!icase || is_ascii(pattern))) {
    compiled->icase_ = icase;
    std::string literal = pattern;
    if (icase) std::transform(literal.begin(), literal.end(), literal.begin(), fold_ascii);
    compiled->literal_ = std::move(literal);
  }
  return compiled;
}

bool RegexPattern::search(std::string_view text) const {
  if (!literal_) return std::regex_search(text.begin(), text.end(), regex_);
  if (literal_->empty()) return true;
  if (!icase_) return text.find(*literal_) != std::string_view::npos;
  return std::search(text.begin(), text.end(), literal_->begin(), literal_->end(),
                     [](char t, char p) { return fold_ascii(t) == p; }) != text.end();
}

}  // namespace tinykg::sparql::exec
