// A remote SPARQL 1.1 store as the KnowledgeGraph sees it: queries and
// updates over the SPARQL Protocol with tinykg's default graph mapped to a
// named graph of the store (remote_config.h), answers read from SPARQL
// JSON/XML (results_reader.h) or N-Triples (CONSTRUCT), and the few
// graph-level reads the facade needs (counts, graph names, one graph's
// quads page by page). Stateless between calls and safe to share between
// threads: every call is one or more independent HTTP requests.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "kg/remote/named_graphs.h"
#include "kg/remote/remote_config.h"
#include "kg/remote/results_reader.h"
#include "kg/remote/sparql_http.h"
#include "rdf/serd_io.h"
#include "sparql/engine.h"

namespace tinykg::kg::remote {

class RemoteStore {
 public:
  // Checks that the query endpoint answers (ASK {}) before anything else runs.
  static Result<std::unique_ptr<RemoteStore>> connect(RemoteConfig config);

  const RemoteConfig& config() const { return config_; }
  const SparqlHttp& http() const { return http_; }

  // Any query form. Without FROM / FROM NAMED the default graph is
  // config().default_graph and the named graphs are those GRAPH reads
  // (named_graphs.h), as on the embedded store; with union_default_graph no
  // dataset is sent: the store's own default graph (on Virtuoso the union of
  // all graphs) and all its named graphs.
  Result<sparql::QueryResult> query(std::string_view text, bool union_default_graph = false,
                                    ReadOptions read = {}) const;
  Result<sparql::ResultTable> select(std::string_view text, ReadOptions read = {}) const;
  // A SELECT tinykg wrote itself that says in which graphs it looks (GRAPH
  // <iri>, or GRAPH ?g with its own filter): sent without a dataset.
  Result<sparql::ResultTable> select_all_graphs(std::string_view text, ReadOptions read = {}) const;
  // A SPARQL Update request; without WITH / USING its default graph is
  // config().default_graph (sent as using-graph-uri) and the named graphs
  // its WHERE reads are sent as using-named-graph-uri.
  Status update(std::string_view text) const;
  // An update tinykg wrote itself (names every graph): sent as is.
  Status raw_update(std::string_view text) const;

  // The store graph behind a tinykg graph name ("" = the default graph), and back.
  std::string store_graph(const std::string& graph_iri) const;
  rdf::Term tinykg_graph(const rdf::Term& store_graph) const;

  // Quads in every graph tinykg can see (store-internal graphs excluded).
  Result<uint64_t> count_quads() const;
  Result<uint64_t> count_graph(const std::string& graph_iri) const;
  // Distinct subjects of `type` in any graph.
  Result<uint64_t> count_instances(const rdf::Term& type) const;
  // Named graphs other than the default graph's stand-in and store-internal ones.
  Result<std::vector<std::string>> graph_names() const;
  // The quads of one graph, fetched in pages of config().page_rows rows.
  // Pages use LIMIT/OFFSET without ORDER BY (sorting millions of rows per
  // page is far slower); stable while no one writes to the graph.
  Status for_each_quad(const std::string& graph_iri, const rdf::QuadSink& sink,
                       ReadOptions read = {}) const;

 private:
  explicit RemoteStore(RemoteConfig config) : config_(std::move(config)), http_(config_) {}
  // default-graph-uri and named-graph-uri (using-… for an update) for a
  // request that names no dataset itself; lists the store's graphs when a
  // GRAPH ?g may range over any of them.
  Result<FormFields> dataset_fields(const NamedGraphs& graphs, bool for_update) const;
  Result<uint64_t> count(std::string_view query) const;
  RemoteConfig config_;
  SparqlHttp http_;
};

// <iri> for SPARQL text; characters an IRIREF may not hold are %-encoded,
// so an IRI from a request cannot change the query around it.
std::string iri_ref(std::string_view iri);

// Graphs that stores keep for themselves (Virtuoso's system graphs); never
// listed, counted or copied.
bool is_store_internal_graph(std::string_view iri);

}  // namespace tinykg::kg::remote
