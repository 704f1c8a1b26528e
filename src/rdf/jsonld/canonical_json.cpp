// Canonical lexical forms toRdf needs: xsd:double (XML Schema canonical
// representation) and JSON literals (JSON Canonicalization Scheme, RFC 8785).
#include <algorithm>
#include <charconv>
#include <vector>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "rdf/jsonld/to_rdf.h"

namespace tinykg::rdf::jsonld {

namespace {

// Shortest round-trip digits of |v| and its decimal exponent such that
// v = 0.d1d2d3… × 10^exponent (ECMAScript's "n").
void shortest_digits(double v, std::string& digits, int& exponent) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific);
  std::string s(buf, r.ptr);  // "d.ddde±XX"
  size_t e = s.find('e');
  digits = s.substr(0, e);
  if (digits.size() > 1) digits.erase(1, 1);  // drop the '.'
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  exponent = std::stoi(s.substr(e + 1)) + 1;
}

// Number::toString of ECMAScript, which JCS prescribes for numbers.
std::string ecmascript_number(double v) {
  if (v == 0) return "0";
  std::string digits;
  int n = 0;
  shortest_digits(v, digits, n);
  int k = static_cast<int>(digits.size());
  std::string out = v < 0 ? "-" : "";
  if (k <= n && n <= 21) {
    out += digits + std::string(n - k, '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, n) + "." + digits.substr(n);
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(-n, '0') + digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += fmt::format("e{}{}", n - 1 >= 0 ? "+" : "-", std::abs(n - 1));
  }
  return out;
}

void write_string(const std::string& s, std::string& out) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
  }
  out += '"';
}

// UTF-16 code unit order, as JCS sorts member names.
std::u16string utf16(const std::string& s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    char32_t cp;
    int len;
    if (c < 0x80) { cp = c; len = 1; }
    else if ((c >> 5) == 6) { cp = c & 0x1f; len = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0f; len = 3; }
    else { cp = c & 0x07; len = 4; }
    for (int j = 1; j < len && i + j < s.size(); ++j) cp = (cp << 6) | (s[i + j] & 0x3f);
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out += static_cast<char16_t>(0xD800 + (cp >> 10));
      out += static_cast<char16_t>(0xDC00 + (cp & 0x3ff));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

void write_canonical(const json& v, std::string& out) {
  switch (v.type()) {
    case json::value_t::object: {
      std::vector<std::pair<std::u16string, std::string>> keys;
      for (auto& [k, _] : v.items()) keys.emplace_back(utf16(k), k);
      std::sort(keys.begin(), keys.end());
      out += '{';
      for (size_t i = 0; i < keys.size(); ++i) {
        if (i) out += ',';
        write_string(keys[i].second, out);
        out += ':';
        write_canonical(v[keys[i].second], out);
      }
      out += '}';
      break;
    }
    case json::value_t::array:
      out += '[';
      for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ',';
        write_canonical(v[i], out);
      }
      out += ']';
      break;
    case json::value_t::string: write_string(v.get<std::string>(), out); break;
    case json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; break;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: out += v.dump(); break;
    case json::value_t::number_float: out += ecmascript_number(v.get<double>()); break;
    default: out += "null"; break;
  }
}

}  // namespace

std::string canonical_double(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  if (v == 0) return std::signbit(v) ? "-0.0E0" : "0.0E0";
  std::string digits;
  int n = 0;
  shortest_digits(v, digits, n);
  std::string out = v < 0 ? "-" : "";
  out += digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
  out += "E" + std::to_string(n - 1);
  return out;
}

std::string canonical_json(const json& v) {
  std::string out;
  write_canonical(v, out);
  return out;
}

}  // namespace tinykg::rdf::jsonld
