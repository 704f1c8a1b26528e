#include "match/sparql_source.h"

#include "sparql/engine.h"

namespace tinykg::match {

Result<sparql::ResultTable> StoreSource::select(std::string_view query) const {
  return sparql::run_select(txn_, query);
}

std::unique_ptr<SparqlSource> source_for(kg::KnowledgeGraph& graph) {
  if (graph.is_remote()) return std::make_unique<GraphSource>(graph);
  return std::make_unique<StoreSource>(graph.store());
}

}  // namespace tinykg::match
