// kg_crash_driver DB MODELS_DIR FIRST_BATCH
//
// Runs batches FIRST_BATCH, FIRST_BATCH+1, ... of kg_crash_workload.h forever
// through the KnowledgeGraph facade (SPARQL Update and model import, as the
// CLI and the server do) and prints "ack B" after batch B returned.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "kg/knowledge_graph.h"
#include "kg/model_mapping.h"
#include "kg_crash_workload.h"

using namespace tinykg;

namespace {

bool model_present(const kg::KnowledgeGraph& graph, uint64_t batch) {
  auto table =
      graph.query(crash::model_triples_query(kg::model_iri(crash::model_identifier(batch))))
          .value_or_throw();
  return table.rows.at(0).at(0)->value != "0";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: kg_crash_driver DB MODELS_DIR FIRST_BATCH\n";
    return 2;
  }
  std::vector<std::string> models;
  for (const auto& entry : std::filesystem::directory_iterator(argv[2])) {
    if (entry.path().extension() == ".tflite") {
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      models.push_back(bytes.str());
    }
  }
  if (models.empty()) {
    std::cerr << "no .tflite files in " << argv[2] << "\n";
    return 1;
  }
  try {
    auto graph = kg::KnowledgeGraph::open(argv[1]).value_or_throw();
    const uint64_t first = std::strtoull(argv[3], nullptr, 10);
    for (uint64_t b = first;; ++b) {
      if (!crash::is_model_import(b)) {
        Status st = graph->update(crash::update_of(b));  // a re-run is idempotent
        if (!st.ok()) throw Error(st.error());
      } else if (b != first || !model_present(*graph, b)) {
        // (The previous driver may have been killed between the commit of
        // its first batch and the ack: then the model is there already.)
        const std::string& bytes = models[(b / 2) % models.size()];
        graph->add_model_bytes(bytes, "", crash::model_card_json(b)).value_or_throw();
      }
      std::printf("ack %llu\n", static_cast<unsigned long long>(b));
      std::fflush(stdout);
    }
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
}
