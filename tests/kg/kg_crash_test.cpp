// Kills kg_crash_driver with SIGKILL at random points of its SPARQL Updates
// and model imports, then re-opens the knowledge graph and checks that every
// acknowledged update and import is complete, that the batch in flight is all
// there or not at all, and that the store's indexes agree. The store's own
// harness (tests/store) covers bulk loads and raw write transactions.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <set>

#include "crash_process.h"
#include "kg/knowledge_graph.h"
#include "kg/model_mapping.h"
#include "kg_crash_workload.h"
#include "test_support.h"

namespace tinykg::crash {
namespace {

const std::string kModels = TINYKG_SOURCE_DIR "/data/reference/models";

uint64_t count(const kg::KnowledgeGraph& graph, const std::string& query) {
  auto table = graph.query(query);
  if (!table.ok() || table->rows.size() != 1 || !table->rows[0][0]) {
    ADD_FAILURE() << query << ": " << (table.ok() ? "no count" : table.error());
    return 0;
  }
  return std::stoull(table->rows[0][0]->value);
}

uint64_t model_triples(const kg::KnowledgeGraph& graph, uint64_t batch) {
  return count(graph, model_triples_query(kg::model_iri(model_identifier(batch))));
}

uint64_t update_triples(const kg::KnowledgeGraph& graph, uint64_t batch) {
  return count(graph, fmt::format("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} }}",
                                  update_graph(batch)));
}

// What a complete import of each batch's model holds: the driver's models in
// its order, imported once into a graph nobody kills. The count does not
// depend on the model's name or identifier.
std::vector<uint64_t> complete_model_sizes(const std::string& db) {
  auto graph = kg::KnowledgeGraph::open(db).value_or_throw();
  std::vector<uint64_t> sizes;
  for (const auto& entry : std::filesystem::directory_iterator(kModels)) {
    if (entry.path().extension() != ".tflite") continue;
    // Batch 2k+1 imports model k, the k-th file in directory order (as the driver reads it).
    const uint64_t batch = 2 * sizes.size() + 1;
    std::string bytes = testing::read_file(entry.path().string());
    graph->add_model_bytes(bytes, "", model_card_json(batch)).value_or_throw();
    sizes.push_back(model_triples(*graph, batch));
  }
  return sizes;
}

TEST(KnowledgeGraphCrash, AcknowledgedUpdatesAndModelImportsSurviveSigkill) {
  testing::TempDir dir;
  const std::vector<uint64_t> sizes = complete_model_sizes(dir / "reference");
  ASSERT_FALSE(sizes.empty());
  for (uint64_t size : sizes) ASSERT_GT(size, 0u) << "the count query must see a whole model";
  auto expected = [&](uint64_t b) {
    return is_model_import(b) ? sizes[(b / 2) % sizes.size()] : kUpdateTriples;
  };
  auto present = [&](const kg::KnowledgeGraph& g, uint64_t b) {
    return is_model_import(b) ? model_triples(g, b) : update_triples(g, b);
  };

  const std::string db = dir / "db";
  std::mt19937 rng(std::random_device{}());
  std::set<uint64_t> acked;
  uint64_t kills = 0, lost = 0, imports = 0;
  const auto started = std::chrono::steady_clock::now();
  constexpr int kKills = 50;
  constexpr auto kBudget = std::chrono::seconds(120);
  for (int round = 0; round < kKills && std::chrono::steady_clock::now() - started < kBudget;
       ++round) {
    const uint64_t first = acked.empty() ? 0 : *acked.rbegin() + 1;
    auto d = testing::start_crash_driver(KG_CRASH_DRIVER, {db, kModels, std::to_string(first)});
    testing::run_then_kill(d, std::uniform_int_distribution<int>(10, 120)(rng), acked);
    ++kills;

    auto graph = kg::KnowledgeGraph::open(db);
    ASSERT_TRUE(graph.ok()) << "graph does not re-open after kill " << kills << ": "
                            << graph.error();
    for (uint64_t b : acked) {  // every acknowledged batch, again after every kill
      const uint64_t n = present(**graph, b);
      if (n != expected(b)) {
        ++lost;
        ADD_FAILURE() << "batch " << b << " acknowledged with " << expected(b)
                      << " triples, found " << n;
      }
    }
    // The batch in flight at the kill is all there or not at all.
    const uint64_t next = acked.empty() ? 0 : *acked.rbegin() + 1;
    const uint64_t in_flight = present(**graph, next);
    EXPECT_TRUE(in_flight == 0 || in_flight == expected(next))
        << "batch " << next << " partly visible: " << in_flight << " of " << expected(next);
    Status st = (*graph)->store().read().verify();
    ASSERT_TRUE(st.ok()) << "after kill " << kills << ": " << st.error();
  }
  for (uint64_t b : acked) imports += is_model_import(b);
  EXPECT_GE(kills, 50u);
  EXPECT_GT(imports, 10u) << "too few model imports acknowledged to test anything";
  std::cout << "kg crash harness: " << kills << " kills, " << acked.size()
            << " acknowledged updates and model imports (" << imports << " imports), " << lost
            << " lost\n";
}

}  // namespace
}  // namespace tinykg::crash
