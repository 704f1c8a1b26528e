// The reference knowledge graph shipped in data/: the nnet ontology, the six
// reference boards and the 23 reference models with their model cards.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "kg/knowledge_graph.h"

namespace tinykg::kg {

struct ReferenceImport {
  size_t models = 0;
  size_t devices = 0;
  uint64_t triples = 0;
  // Each imported model's IRI and .tflite path, so a caller can keep the
  // bytes a deployment sends (deploy/artifact.h sits above this layer).
  std::vector<std::pair<std::string, std::string>> model_files;
};

// Imports everything under `data_dir` (see data/README.md for the layout).
Result<ReferenceImport> import_reference_data(KnowledgeGraph& graph, const std::string& data_dir);

}  // namespace tinykg::kg
