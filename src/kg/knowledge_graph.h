// KnowledgeGraph: the library facade that the CLI (and later the server)
// call. It owns the store and turns user-level actions (import a model, add a
// device, load RDF, ask a query) into store transactions. Every action is one
// transaction: it either fully happens or leaves the graph as it was.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "model/model_info.h"
#include "sparql/engine.h"
#include "store/store.h"

namespace tinykg::kg {

struct LoadReport {
  uint64_t quads_read = 0;
  uint64_t quads_added = 0;  // new quads (duplicates are not counted)
};

struct ModelImport {
  std::string iri;
  std::string name;
  model::ModelInfo info;
  uint64_t quads_added = 0;
};

class KnowledgeGraph {
 public:
  static Result<std::unique_ptr<KnowledgeGraph>> open(const std::string& db_dir,
                                                      bool read_only = false);

  // Loads RDF files (syntax from the extension) into `graph_iri` (empty: the
  // default graph) in one transaction: any error loads nothing.
  Result<LoadReport> load_files(const std::vector<std::string>& paths,
                                const std::string& graph_iri = "");
  // Loads a board description; refuses files that describe no s3n:SmartSensor.
  Result<LoadReport> add_device_file(const std::string& path);
  // Analyzes a .tflite file and adds its nnet description, with the facts of
  // the model card when `card_path` is given. Refuses a model whose
  // identifier is already in the graph.
  Result<ModelImport> add_model_file(const std::string& tflite_path,
                                     const std::string& card_path = "");

  Result<sparql::ResultTable> query(std::string_view sparql) const;
  // Catalog views used by `model list` / `device list`.
  Result<sparql::ResultTable> list_models() const;
  Result<sparql::ResultTable> list_devices() const;

  store::Store& store() { return *store_; }

 private:
  explicit KnowledgeGraph(std::unique_ptr<store::Store> store) : store_(std::move(store)) {}
  std::unique_ptr<store::Store> store_;
};

}  // namespace tinykg::kg
