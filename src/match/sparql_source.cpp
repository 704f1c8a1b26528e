#include "match/sparql_source.h"

#include "sparql/engine.h"

namespace tinykg::match {

Result<sparql::ResultTable> StoreSource::select(std::string_view query) const {
  return sparql::run_select(txn_, query);
}

Status StoreSource::each(std::string_view query, const sparql::RowVisitor& visit) const {
  return sparql::select_each(txn_, query, visit);
}

Status SparqlSource::each(std::string_view query, const sparql::RowVisitor& visit) const {
  auto table = select(query);
  if (!table) return table.failure();
  std::vector<const rdf::Term*> cells;
  for (const auto& row : table->rows) {
    cells.clear();
    for (const auto& term : row) cells.push_back(term ? &*term : nullptr);
    visit(table->variables, cells);
  }
  return {};
}

std::unique_ptr<SparqlSource> source_for(kg::KnowledgeGraph& graph) {
  if (graph.is_remote()) return std::make_unique<GraphSource>(graph);
  return std::make_unique<StoreSource>(graph.store());
}

}  // namespace tinykg::match
