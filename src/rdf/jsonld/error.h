// Internal error type of the JSON-LD processor. The algorithms are deeply
// recursive, so a JSON-LD error is thrown where it is detected and turned into
// a Result failure once, at the public API boundary (jsonld.cpp). It never
// escapes the library.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace tinykg::rdf::jsonld {

struct JsonLdError : std::runtime_error {
  // `code` is the JSON-LD 1.1 API error code ("invalid @id value"); `pointer`
  // is the JSON pointer of the offending input value where known.
  JsonLdError(std::string code, std::string detail = {}, std::string pointer = {})
      : std::runtime_error(code), code(std::move(code)), detail(std::move(detail)),
        pointer(std::move(pointer)) {}
  std::string code;
  std::string detail;
  std::string pointer;
};

// `pointer` extended by one object key, escaped per RFC 6901 ("/" → "~1").
inline std::string pointer_child(const std::string& pointer, std::string_view key) {
  std::string out = pointer + "/";
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

}  // namespace tinykg::rdf::jsonld
