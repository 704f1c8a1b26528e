// SPARQL 1.1 Query Results TSV: header of ?variables, terms in N-Triples /
// Turtle syntax (so types and language tags survive), empty cell = unbound.
#include "sparql/results/writers.h"

namespace tinykg::sparql {

void write_tsv(std::ostream& out, const ResultTable& table) {
  for (size_t i = 0; i < table.variables.size(); ++i) {
    out << (i ? "\t?" : "?") << table.variables[i];
  }
  out << '\n';
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out << '\t';
      if (row[i]) out << row[i]->to_ntriples();
    }
    out << '\n';
  }
}

}  // namespace tinykg::sparql
