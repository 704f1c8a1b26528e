// Shared set-up of the deployment tests: a fresh knowledge graph holding one
// model (with its .tflite artifact) and the devices of simulated fleets
// (tinykg-devsim's SimulatedFleet, in-process, on loopback).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "deploy/artifact.h"
#include "deploy/deployments.h"
#include "deploy/sim/simulated_fleet.h"
#include "kg/knowledge_graph.h"
#include "test_support.h"

namespace tinykg::deploy::testing {

inline std::string reference_model(const std::string& name) {
  return ::tinykg::testing::source_dir() + "/data/reference/models/" + name;
}

// Options that keep a test fast: short timeouts and backoffs.
inline CampaignOptions quick_options() {
  CampaignOptions o;
  o.canary = 1;
  o.wave_growth = 2.0;
  o.concurrency = 8;
  o.retries = 2;
  o.timeout_ms = 1000;
  o.backoff_ms = 10;
  o.backoff_max_ms = 50;
  return o;
}

class DeployTest : public ::testing::Test {
 protected:
  void SetUp() override { open_graph(); }

  void open_graph() {
    auto opened = kg::KnowledgeGraph::open(dir_.str());
    ASSERT_TRUE(opened) << opened.error();
    graph_ = std::move(opened).value();
  }
  void close_graph() { graph_.reset(); }

  // Imports a reference model and stores its bytes as the campaign artifact.
  std::string add_model(const std::string& file) {
    auto imported = graph_->add_model_file(reference_model(file));
    EXPECT_TRUE(imported) << imported.error();
    if (!imported) return "";
    auto artifact = ArtifactStore(*graph_).put_file(imported->iri, reference_model(file));
    EXPECT_TRUE(artifact) << artifact.error();
    return imported->iri;
  }

  // Starts a simulated fleet and registers its devices in the graph.
  sim::SimulatedFleet& add_fleet(sim::FleetOptions options) {
    options.threads = std::max<int>(options.threads, 8);
    fleets_.push_back(std::make_unique<sim::SimulatedFleet>(std::move(options)));
    sim::SimulatedFleet& fleet = *fleets_.back();
    auto port = fleet.start();
    EXPECT_TRUE(port) << port.error();
    auto loaded = graph_->add_device_rdf(fleet.fleet_turtle(), rdf::Syntax::Turtle, "devsim");
    EXPECT_TRUE(loaded) << loaded.error();
    return fleet;
  }

  static std::vector<std::string> iris_of(const sim::SimulatedFleet& fleet, size_t count) {
    std::vector<std::string> iris;
    for (size_t i = 0; i < count; ++i) iris.push_back(fleet.device_iri(i));
    return iris;
  }

  // Creates a campaign and waits until this process's run of it ends.
  Campaign run(Deployments& deployments, const CampaignRequest& request) {
    auto created = deployments.create(request);
    EXPECT_TRUE(created) << created.error();
    if (!created) return {};
    deployments.join(created->id);
    auto done = deployments.get(created->id);
    EXPECT_TRUE(done) << done.error();
    return done ? std::move(done).value() : Campaign{};
  }

  CampaignRequest request_for(const std::string& model, std::vector<std::string> devices,
                              CampaignOptions options = quick_options()) {
    CampaignRequest r;
    r.model = model;
    r.devices = std::move(devices);
    r.options = options;
    return r;
  }

  // Rows of a SELECT with one variable, as strings.
  std::vector<std::string> column(const std::string& sparql) {
    std::vector<std::string> out;
    auto table = graph_->query(sparql);
    EXPECT_TRUE(table) << table.error();
    if (!table) return out;
    for (const auto& row : table->rows) out.push_back(row[0] ? row[0]->value : "");
    return out;
  }

  ::tinykg::testing::TempDir dir_;
  std::unique_ptr<kg::KnowledgeGraph> graph_;
  std::vector<std::unique_ptr<sim::SimulatedFleet>> fleets_;
};

// The simulator's record of one device.
inline nlohmann::json sim_device(const sim::SimulatedFleet& fleet, size_t i) {
  return fleet.state()["devices"][i];
}

}  // namespace tinykg::deploy::testing
