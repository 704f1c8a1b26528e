// SPARQL 1.1 Query Results JSON Format (W3C Recommendation, 2013).
#include <fmt/format.h>

#include "sparql/results/writers.h"

namespace tinykg::sparql {
namespace {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string json_term(const rdf::Term& t) {
  switch (t.kind) {
    case rdf::TermKind::Iri:
      return fmt::format(R"({{"type":"uri","value":{}}})", json_string(t.value));
    case rdf::TermKind::Blank:
      return fmt::format(R"({{"type":"bnode","value":{}}})", json_string(t.value));
    case rdf::TermKind::Literal:
      if (!t.lang.empty()) {
        return fmt::format(R"({{"type":"literal","value":{},"xml:lang":{}}})", json_string(t.value),
                           json_string(t.lang));
      }
      if (!t.datatype.empty() && t.datatype != rdf::xsd::kString) {
        return fmt::format(R"({{"type":"literal","value":{},"datatype":{}}})", json_string(t.value),
                           json_string(t.datatype));
      }
      return fmt::format(R"({{"type":"literal","value":{}}})", json_string(t.value));
  }
  return "null";
}

}  // namespace

void write_json(std::ostream& out, const ResultTable& table) {
  out << "{\"head\":{\"vars\":[";
  for (size_t i = 0; i < table.variables.size(); ++i) {
    out << (i ? "," : "") << json_string(table.variables[i]);
  }
  out << "]},\"results\":{\"bindings\":[";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    out << (r ? ",\n" : "\n") << '{';
    bool first = true;
    for (size_t i = 0; i < table.variables.size(); ++i) {
      const auto& cell = table.rows[r][i];
      if (!cell) continue;  // unbound: the variable is left out of the binding
      out << (first ? "" : ",") << json_string(table.variables[i]) << ':' << json_term(*cell);
      first = false;
    }
    out << '}';
  }
  out << "\n]}}\n";
}

}  // namespace tinykg::sparql
