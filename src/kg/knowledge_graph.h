// KnowledgeGraph: the library facade that the CLI (and later the server)
// call. It owns the store and turns user-level actions (import a model, add a
// device, load RDF, ask a query) into store transactions. Every action is one
// transaction: it either fully happens or leaves the graph as it was.
//
// The graph may instead live in a remote SPARQL 1.1 store (open() with a
// sparql: location, docs/remote-store.md): the same calls then become SPARQL
// Protocol requests. Differences there: a large write is several idempotent
// requests rather than one transaction (re-running a failed import repairs
// it), quads_added counts the store's growth, query profiles stay empty, and
// store() — raw LMDB access (backup, dump, stats) — throws tinykg::Error.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "kg/model_card.h"
#include "kg/model_versions.h"
#include "kg/remote/remote_config.h"
#include "kg/remote/remote_store.h"
#include "model/model_info.h"
#include "rdf/serd_io.h"
#include "sparql/engine.h"
#include "store/bulk_loader.h"
#include "store/store.h"

namespace tinykg::kg {

struct LoadReport {
  uint64_t quads_read = 0;
  uint64_t quads_added = 0;  // new quads (duplicates are not counted)
  uint64_t invalid_skipped = 0;  // bad statements skipped (LoadOptions::skip_invalid)
};

// Target graph, --skip-invalid and progress reporting of load_files.
using LoadOptions = store::BulkLoadOptions;

// Counts for the server's /api/stats and health views.
struct GraphStats {
  uint64_t quads = 0;
  uint64_t models = 0;   // subjects of type nnet:NeuralNetwork
  uint64_t devices = 0;  // subjects of type s3n:SmartSensor
};

struct ModelImport {
  std::string iri;
  std::string name;
  model::ModelInfo info;
  uint64_t quads_added = 0;
  int64_t version = 1;  // model_versions.h
};

class KnowledgeGraph {
 public:
  static Result<std::unique_ptr<KnowledgeGraph>> open(const std::string& db_dir,
                                                      bool read_only = false);
  // The embedded store in location.db_dir, or a remote SPARQL store (checked
  // with one ASK request).
  static Result<std::unique_ptr<KnowledgeGraph>> open(const remote::StoreLocation& location,
                                                      bool read_only = false);
  bool is_remote() const { return remote_ != nullptr; }
  // The remote store, or nullptr when the graph is embedded.
  const remote::RemoteStore* remote_store() const { return remote_.get(); }

  // Loads RDF files (syntax from the extension) into `graph_iri` (empty: the
  // default graph) in one transaction: any error loads nothing.
  Result<LoadReport> load_files(const std::vector<std::string>& paths,
                                const std::string& graph_iri = "");
  // The same through the streaming bulk loader's options (store/bulk_loader.h).
  Result<LoadReport> load_files(const std::vector<std::string>& paths, const LoadOptions& opts);
  // Loads a board description; refuses files that describe no s3n:SmartSensor.
  Result<LoadReport> add_device_file(const std::string& path);
  // Analyzes a .tflite file and adds its nnet description, with the facts of
  // the model card when `card_path` is given. Refuses a model whose
  // identifier is already in the graph. The model becomes the next version
  // of its name (model_versions.h); `tags` add to the card's tags.
  Result<ModelImport> add_model_file(const std::string& tflite_path,
                                     const std::string& card_path = "",
                                     const std::vector<std::string>& tags = {});

  // Upload path of the server: the same as add_model_file for bytes in
  // memory. Without a card the model is named `name` and identified by the
  // bytes' content UUID; `card_json` is a model card in the card file format.
  Result<ModelImport> add_model_bytes(std::string_view tflite_bytes, std::string_view name,
                                      std::string_view card_json = {},
                                      const std::vector<std::string>& tags = {});
  // Removes the model with this identifier (UUID) and every node of its
  // description (layers, conditions, metric, input, output, sensors); its
  // successor version then follows its predecessor. Returns the number of
  // quads removed; 0 when there is no such model.
  Result<uint64_t> delete_model(std::string_view identifier);
  // The models named `name`, oldest version first (model_versions.h).
  Result<std::vector<ModelVersion>> model_versions(std::string_view name) const;
  // Adds or removes one nnet:tag of the model `identifier`; the tag must
  // satisfy is_model_tag. Returns whether the graph changed.
  Result<bool> set_model_tag(std::string_view identifier, std::string_view tag, bool present);

  // add_device_file for RDF text (e.g. an HTTP body); `source_name` names it in errors.
  Result<LoadReport> add_device_rdf(std::string_view text, rdf::Syntax syntax,
                                    std::string_view source_name = "<request>");
  // Removes the board `iri` and the nodes below it (IRIs with the board IRI
  // plus "/" as prefix, and blank nodes it links to). Returns quads removed.
  Result<uint64_t> delete_device(const std::string& iri);

  // Graph-level access (Graph Store Protocol). An empty `graph_iri` is the
  // stored default graph (quads without a graph name), not the union that
  // SPARQL queries see. Parsed triples go to `graph_iri` whatever graph a
  // quad syntax names; with `replace` the graph's previous content is removed
  // in the same transaction. A syntax error adds (and removes) nothing.
  Result<LoadReport> add_rdf(std::string_view text, rdf::Syntax syntax,
                             const std::string& graph_iri, bool replace = false);
  // Removes every quad of the graph; returns how many were removed.
  Result<uint64_t> clear_graph(const std::string& graph_iri);
  // The default graph always exists; a named graph exists while it has quads.
  bool has_graph(const std::string& graph_iri) const;
  // Streams the quads of one graph from one snapshot, in index order.
  // Remote: page by page (remote_store.h); a failed request throws tinykg::Error.
  void for_each_quad(const std::string& graph_iri, const rdf::QuadSink& sink) const;
  // Names of the named graphs that hold quads (not the default graph), sorted.
  Result<std::vector<std::string>> graph_names() const;
  // Adds the quads `produce` streams (their graph as given; blank nodes of
  // one call are one document). Embedded: one transaction. Remote: batches
  // with blank nodes skolemised in `blank_scope`; `on_batch` sees the count
  // sent so far. The copy path of `tinykg sync`.
  using QuadProducer = std::function<Status(const rdf::QuadSink&)>;
  Result<LoadReport> add_quads(const QuadProducer& produce, const std::string& blank_scope,
                               const std::function<void(uint64_t)>& on_batch = {});
  // The quads whose subject is `iri`, across all graphs (detail views).
  std::vector<rdf::Quad> describe(const std::string& iri) const;
  GraphStats stats() const;

  Result<sparql::ResultTable> query(std::string_view sparql) const;
  // Any query form (SELECT, ASK, CONSTRUCT) on one snapshot.
  Result<sparql::QueryResult> run_query(std::string_view sparql,
                                        const sparql::QueryOptions& options = {},
                                        sparql::QueryProfile* profile = nullptr) const;
  // A SPARQL 1.1 Update request as one transaction: all of it or nothing.
  Status update(std::string_view sparql_update, const sparql::QueryOptions& options = {});
  // Catalog views used by `model list` / `device list`. Models: name uuid
  // version macs ram flash tags (comma-separated), by name then version.
  Result<sparql::ResultTable> list_models() const;
  Result<sparql::ResultTable> list_devices() const;

  // The embedded LMDB store; throws tinykg::Error on a remote graph.
  store::Store& store();

 private:
  explicit KnowledgeGraph(std::unique_ptr<store::Store> store) : store_(std::move(store)) {}
  explicit KnowledgeGraph(std::unique_ptr<remote::RemoteStore> remote)
      : remote_(std::move(remote)) {}
  Result<ModelImport> import_model(model::ModelInfo info, ModelCard card,
                                   const std::vector<std::string>& tags);
  std::unique_ptr<store::Store> store_;                // embedded, or
  std::unique_ptr<remote::RemoteStore> remote_;        // remote
};

}  // namespace tinykg::kg
