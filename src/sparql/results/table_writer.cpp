// Text table: numbers and booleans bare, strings quoted, IRIs in <>.
#include <string>

#include "sparql/exec/literal_value.h"
#include "sparql/results/writers.h"

namespace tinykg::sparql {
namespace {

std::string display(const std::optional<rdf::Term>& term) {
  if (!term) return "";
  if (term->is_literal() &&
      (exec::is_numeric_datatype(term->datatype) || term->datatype == rdf::xsd::kBoolean)) {
    return term->value;
  }
  return term->to_ntriples();
}

size_t display_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // count UTF-8 code points
  return n;
}

void write_row(std::ostream& out, const std::vector<std::string>& cells,
               const std::vector<size_t>& widths) {
  out << '|';
  for (size_t i = 0; i < cells.size(); ++i) {
    out << ' ' << cells[i] << std::string(widths[i] - display_width(cells[i]), ' ') << " |";
  }
  out << '\n';
}

}  // namespace

void write_table(std::ostream& out, const ResultTable& table) {
  std::vector<std::string> header;
  for (const std::string& v : table.variables) header.push_back("?" + v);
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> widths;
  for (const std::string& h : header) widths.push_back(display_width(h));
  for (const auto& row : table.rows) {
    cells.emplace_back();
    for (size_t i = 0; i < row.size(); ++i) {
      cells.back().push_back(display(row[i]));
      widths[i] = std::max(widths[i], display_width(cells.back().back()));
    }
  }
  write_row(out, header, widths);
  out << '|';
  for (size_t w : widths) out << std::string(w + 2, '-') << '|';
  out << '\n';
  for (const auto& row : cells) write_row(out, row, widths);
  out << table.rows.size() << (table.rows.size() == 1 ? " row\n" : " rows\n");
}

}  // namespace tinykg::sparql
