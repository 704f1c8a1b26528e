// Where the match engine's SPARQL goes. The engine only ever sends SELECT
// queries built from the templates in match/query_templates.h, so anything
// that answers SPARQL SELECT can stand behind this interface: the embedded
// store today (StoreSource), a remote SPARQL endpoint later.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "common/result.h"
#include "kg/knowledge_graph.h"
#include "sparql/engine.h"
#include "sparql/results/result_table.h"
#include "store/store.h"

namespace tinykg::match {

class SparqlSource {
 public:
  virtual ~SparqlSource() = default;
  virtual Result<sparql::ResultTable> select(std::string_view query) const = 0;
  // The rows of `query` one at a time (sparql::select_each); by default
  // through select(). The bulk readers use this: the embedded store streams
  // rows without copying a term.
  virtual Status each(std::string_view query, const sparql::RowVisitor& visit) const;
  // The version of the data the match engine reads (the default graph,
  // store::ReadTxn::default_graph_version), when the source has one.
  virtual std::optional<uint64_t> version() const { return std::nullopt; }
};

// Runs every query on one read snapshot of the store, taken at
// construction: the several template queries behind one answer (sensors,
// memory, units, ...) then see the same graph even while others write.
// Keep it short-lived: an open snapshot holds back LMDB page reuse.
class StoreSource final : public SparqlSource {
 public:
  explicit StoreSource(const store::Store& store) : txn_(store.read()) {}
  Result<sparql::ResultTable> select(std::string_view query) const override;
  Status each(std::string_view query, const sparql::RowVisitor& visit) const override;
  std::optional<uint64_t> version() const override { return txn_.default_graph_version(); }

 private:
  store::ReadTxn txn_;
};

// Every query through the KnowledgeGraph facade, so also to a remote SPARQL
// store (docs/remote-store.md). Each query is its own request there: no
// common snapshot, as with any client of a SPARQL endpoint.
class GraphSource final : public SparqlSource {
 public:
  explicit GraphSource(const kg::KnowledgeGraph& graph) : graph_(graph) {}
  Result<sparql::ResultTable> select(std::string_view query) const override {
    return graph_.query(query);
  }

 private:
  const kg::KnowledgeGraph& graph_;
};

// A StoreSource snapshot of an embedded graph, a GraphSource of a remote one.
std::unique_ptr<SparqlSource> source_for(kg::KnowledgeGraph& graph);

}  // namespace tinykg::match
