// The reference knowledge graph shipped in data/: the nnet ontology, the six
// reference boards and the 23 reference models with their model cards.
#pragma once

#include <string>

#include "common/result.h"
#include "kg/knowledge_graph.h"

namespace tinykg::kg {

struct ReferenceImport {
  size_t models = 0;
  size_t devices = 0;
  uint64_t triples = 0;
};

// Imports everything under `data_dir` (see data/README.md for the layout).
Result<ReferenceImport> import_reference_data(KnowledgeGraph& graph, const std::string& data_dir);

}  // namespace tinykg::kg
