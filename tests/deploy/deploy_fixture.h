// Shared set-up of the deployment tests: a fresh knowledge graph holding one
// model (with its .tflite artifact) and the devices of simulated fleets
// (tinykg-devsim's SimulatedFleet, in-process, on loopback).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "deploy/artifact.h"
#include "deploy/clock.h"
#include "deploy/deployments.h"
#include "deploy/sim/simulated_fleet.h"
#include "kg/knowledge_graph.h"
#include "test_support.h"

namespace tinykg::deploy::testing {

inline constexpr const char* kHelloWorld = "Hello_World.tflite";  // 2.5 kB, fits every simulated device

inline std::string reference_model(const std::string& name) {
  return ::tinykg::testing::source_dir() + "/data/reference/models/" + name;
}

// A simulated fleet of `count` healthy devices; tests change what they need.
inline sim::FleetOptions fleet_of(size_t count) {
  sim::FleetOptions o;
  o.count = count;
  return o;
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

// A clock that stands still until the test moves it, so maintenance windows
// open and close without sleeping for hours.
class ManualClock final : public Clock {
 public:
  using TimePoint = std::chrono::system_clock::time_point;
  explicit ManualClock(TimePoint t) : ticks_(t.time_since_epoch().count()) {}
  TimePoint now() const override { return TimePoint(TimePoint::duration(ticks_.load())); }
  void set(TimePoint t) { ticks_ = t.time_since_epoch().count(); }

 private:
  std::atomic<TimePoint::rep> ticks_;
};

// A moment in UTC: utc(2026y / std::chrono::December / 7d, 22h) is Monday 22:00.
inline std::chrono::system_clock::time_point utc(std::chrono::year_month_day day,
                                                 std::chrono::minutes time_of_day) {
  return std::chrono::sys_days(day) + time_of_day;
}

// Polls `condition` until it holds or `timeout` passes; returns whether it held.
inline bool eventually(const std::function<bool()>& condition,
                       std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
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

// A counter of the simulator ("receipts", "installs", "duplicates") summed
// over the first `count` devices.
inline uint64_t fleet_total(const sim::SimulatedFleet& fleet, size_t count,
                            const std::string& counter) {
  nlohmann::json devices = fleet.state()["devices"];
  uint64_t total = 0;
  for (size_t i = 0; i < count; ++i) total += devices[i][counter].get<uint64_t>();
  return total;
}

// The campaign's record of one device.
inline const DeviceRecord& record_of(const Campaign& c, const std::string& iri) {
  for (const DeviceRecord& d : c.devices) {
    if (d.iri == iri) return d;
  }
  static const DeviceRecord none;
  ADD_FAILURE() << "the campaign has no record of " << iri;
  return none;
}

}  // namespace tinykg::deploy::testing
