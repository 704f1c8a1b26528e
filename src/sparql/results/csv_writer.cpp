// SPARQL 1.1 Query Results CSV: plain values (no datatypes or language
// tags), fields quoted when needed, CRLF line ends as RFC 4180 asks.
#include "sparql/results/writers.h"

namespace tinykg::sparql {
namespace {

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_value(const std::optional<rdf::Term>& t) {
  if (!t) return "";
  if (t->is_blank()) return "_:" + t->value;
  return csv_field(t->value);
}

}  // namespace

void write_csv(std::ostream& out, const ResultTable& table) {
  for (size_t i = 0; i < table.variables.size(); ++i) {
    out << (i ? "," : "") << csv_field(table.variables[i]);
  }
  out << "\r\n";
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_value(row[i]);
    out << "\r\n";
  }
}

}  // namespace tinykg::sparql
