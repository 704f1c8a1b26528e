#include "rdf/term.h"

#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "common/error.h"

namespace tinykg::rdf {

Term Term::literal(std::string lexical, std::string datatype, std::string lang) {
  for (char& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // xsd:string is the default datatype; store it as empty so that "a" and
  // "a"^^xsd:string are the same term (RDF 1.1).
  if (datatype == xsd::kString) datatype.clear();
  if (!lang.empty()) datatype.clear();
  return {TermKind::Literal, std::move(lexical), std::move(datatype), std::move(lang)};
}

Term Term::integer(int64_t v) { return literal(std::to_string(v), std::string(xsd::kInteger)); }

Term Term::decimal(double v) {
  TINYKG_ASSERT(std::isfinite(v), "xsd:decimal must be finite");
  // Shortest round-trip form, then force a decimal point (xsd:decimal has no exponent).
  std::string s = fmt::format("{:f}", v);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.push_back('0');
  }
  return literal(std::move(s), std::string(xsd::kDecimal));
}

Term Term::boolean(bool v) { return literal(v ? "true" : "false", std::string(xsd::kBoolean)); }

std::string_view Term::effective_datatype() const {
  if (kind != TermKind::Literal) return {};
  if (!lang.empty()) return kRdfLangString;
  if (datatype.empty()) return xsd::kString;
  return datatype;
}

std::string escape_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string Term::to_ntriples() const {
  std::string out;
  switch (kind) {
    case TermKind::Iri: out.append("<").append(value).append(">"); break;
    case TermKind::Blank: out.append("_:").append(value); break;
    case TermKind::Literal:
      out.append("\"").append(escape_string(value)).append("\"");
      if (!lang.empty()) out.append("@").append(lang);
      else if (!datatype.empty()) out.append("^^<").append(datatype).append(">");
      break;
  }
  return out;
}

// Encoding: kind byte, value, and for literals a 0x00 separator followed by
// '@lang' or '^datatype' (or nothing). Values never contain NUL in practice;
// if they do, the separator search uses the last NUL so values stay intact.
std::string Term::encode() const {
  std::string out;
  out.reserve(value.size() + datatype.size() + lang.size() + 3);
  out.push_back(static_cast<char>('0' + static_cast<int>(kind)));
  out += value;
  if (kind == TermKind::Literal && (!lang.empty() || !datatype.empty())) {
    out.push_back('\0');
    if (!lang.empty()) {
      out.push_back('@');
      out += lang;
    } else {
      out.push_back('^');
      out += datatype;
    }
  }
  return out;
}

Term Term::decode(std::string_view bytes) {
  TINYKG_ASSERT(!bytes.empty(), "empty term encoding");
  Term t;
  t.kind = static_cast<TermKind>(bytes[0] - '0');
  bytes.remove_prefix(1);
  if (t.kind == TermKind::Literal) {
    size_t sep = bytes.rfind('\0');
    if (sep != std::string_view::npos && sep + 1 < bytes.size() &&
        (bytes[sep + 1] == '@' || bytes[sep + 1] == '^')) {
      std::string_view tail = bytes.substr(sep + 2);
      (bytes[sep + 1] == '@' ? t.lang : t.datatype) = std::string(tail);
      bytes = bytes.substr(0, sep);
    }
  }
  t.value = std::string(bytes);
  return t;
}

}  // namespace tinykg::rdf
