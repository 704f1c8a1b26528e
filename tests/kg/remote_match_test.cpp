// The match engine and the REST API on both backends: one generated fleet
// (bench/gen_fleet.py) loaded into the embedded store and into Virtuoso
// gives the same answers, row by row.
//
// The fleet has TINYKG_REMOTE_FLEET_DEVICES boards (default 2,000, which
// keeps ctest under a minute); the 10,000-board check is the same
// test run by hand with TINYKG_REMOTE_FLEET_DEVICES=10000 (BENCHMARKS.md).
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "match/matcher.h"
#include "match/report.h"
#include "kg/remote/sparql_http.h"
#include "match/sparql_source.h"
#include "remote_virtuoso.h"
#include "server/server.h"

namespace tinykg::testing {
namespace {

using nlohmann::json;

int fleet_devices() {
  const char* env = std::getenv("TINYKG_REMOTE_FLEET_DEVICES");
  return env && std::atoi(env) > 0 ? std::atoi(env) : 2000;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// One fleet for every test of the suite: loading it twice per test would
// dominate the run time.
class RemoteFleet : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (VirtuosoEnvironment::query_url().empty()) return;
    devices_ = fleet_devices();
    dir_ = new TempDir;
    const std::string file = *dir_ / "fleet.nt";
    const std::string cmd = "python3 " + source_dir() + "/bench/gen_fleet.py " +
                            std::to_string(devices_) + " > " + file;
    if (std::system(cmd.c_str()) != 0) {
      setup_error_ = "cannot run " + cmd;
      return;
    }
    embedded_ = std::move(kg::KnowledgeGraph::open(*dir_ / "db")).value_or_throw().release();
    remote_ = open_remote("fleet", /*graph_store=*/true).release();
    if (!remote_) {
      setup_error_ = "cannot open the remote store";
      return;
    }
    for (kg::KnowledgeGraph* graph : {embedded_, remote_}) {
      const auto start = std::chrono::steady_clock::now();
      auto loaded = graph->load_files({file});
      if (!loaded.ok()) {
        setup_error_ = loaded.error();
        return;
      }
      std::printf("fleet of %d boards: %llu triples loaded into the %s store in %.1f s\n",
                  devices_, static_cast<unsigned long long>(loaded->quads_read),
                  graph->is_remote() ? "remote" : "embedded", seconds_since(start));
    }
  }
  static void TearDownTestSuite() {
    delete embedded_;
    delete remote_;
    delete dir_;
    embedded_ = remote_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    TINYKG_REQUIRE_VIRTUOSO();
    ASSERT_TRUE(setup_error_.empty()) << setup_error_;
  }

  static inline int devices_ = 0;
  static inline TempDir* dir_ = nullptr;
  static inline kg::KnowledgeGraph* embedded_ = nullptr;
  static inline kg::KnowledgeGraph* remote_ = nullptr;
  static inline std::string setup_error_;
};

std::string csv(const match::Report& report) {
  auto text = match::render(report, "csv");
  EXPECT_TRUE(text.ok()) << text.error();
  return text.ok() ? *text : "";
}

// Line by line, so a difference names the row rather than two long strings.
void expect_same_rows(const std::string& remote, const std::string& embedded,
                      const std::string& what) {
  std::istringstream a(remote), b(embedded);
  std::string ra, rb;
  size_t line = 0;
  while (true) {
    const bool more_a = static_cast<bool>(std::getline(a, ra));
    const bool more_b = static_cast<bool>(std::getline(b, rb));
    ++line;
    if (!more_a || !more_b) {
      EXPECT_EQ(more_a, more_b) << what << ": row counts differ at row " << line;
      return;
    }
    EXPECT_EQ(ra, rb) << what << ", row " << line;
  }
}

std::string model_iri(int i) { return "http://example.org/fleet/model/" + std::to_string(i); }
std::string device_iri(int i) { return "http://example.org/fleet/device/" + std::to_string(i); }

TEST_F(RemoteFleet, BothBackendsHoldTheSameGraph) {
  // stats() of a remote store counts every graph of the store (other tests' too).
  EXPECT_EQ(remote_->remote_store()->count_graph("").value_or_throw(), embedded_->stats().quads);
  EXPECT_EQ(embedded_->stats().devices, static_cast<uint64_t>(devices_));
}

TEST_F(RemoteFleet, MatchEngineGivesTheSameAnswers) {
  match::GraphSource embedded_source(*embedded_), remote_source(*remote_);
  match::Matcher local(embedded_source), far(remote_source);

  auto start = std::chrono::steady_clock::now();
  auto local_counts = local.fit_counts();
  ASSERT_TRUE(local_counts.ok()) << local_counts.error();
  const double local_s = seconds_since(start);
  start = std::chrono::steady_clock::now();
  auto far_counts = far.fit_counts();
  ASSERT_TRUE(far_counts.ok()) << far_counts.error();
  std::printf("fit_counts over %d boards: embedded %.2f s, remote %.2f s\n", devices_, local_s,
              seconds_since(start));
  ASSERT_GT(local_counts->size(), 0u);
  expect_same_rows(csv(match::counts_report(*far_counts)),
                   csv(match::counts_report(*local_counts)), "fit counts");

  const int models = static_cast<int>(local_counts->size());
  for (int i : {0, models / 2, models - 1}) {
    auto a = local.devices_for_model(model_iri(i));
    auto b = far.devices_for_model(model_iri(i));
    ASSERT_TRUE(a.ok()) << a.error();
    ASSERT_TRUE(b.ok()) << b.error();
    EXPECT_GT(a->size(), 0u);
    expect_same_rows(csv(match::devices_report(*b, true)), csv(match::devices_report(*a, true)),
                     "boards for " + model_iri(i));
  }
  for (int i : {7, devices_ / 2, devices_ - 1}) {
    auto a = local.models_for_device(device_iri(i));
    auto b = far.models_for_device(device_iri(i));
    ASSERT_TRUE(a.ok()) << a.error();
    ASSERT_TRUE(b.ok()) << b.error();
    expect_same_rows(csv(match::models_report(*b, true)), csv(match::models_report(*a, true)),
                     "models for " + device_iri(i));
  }
}

// One server per backend on an ephemeral loopback port.
class ApiPair {
 public:
  ApiPair(kg::KnowledgeGraph& embedded, kg::KnowledgeGraph& remote)
      : embedded_(embedded, options()), remote_(remote, options()) {
    auto a = embedded_.start();
    auto b = remote_.start();
    EXPECT_TRUE(a.ok() && b.ok());
    embedded_port_ = a.ok() ? *a : 0;
    remote_port_ = b.ok() ? *b : 0;
  }
  // The JSON answers of both servers to one request.
  std::pair<json, json> get(const std::string& path) const {
    return {fetch(embedded_port_, path), fetch(remote_port_, path)};
  }
  std::pair<json, json> sparql(const std::string& query) const {
    const std::string body = "query=" + kg::remote::url_encode(query);
    return {post(embedded_port_, body), post(remote_port_, body)};
  }

 private:
  static server::ServerOptions options() {
    server::ServerOptions o;
    o.port = 0;
    o.threads = 4;
    o.access_log = false;
    o.query_timeout_ms = 0;
    return o;
  }
  static json fetch(int port, const std::string& path) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(300);
    auto res = client.Get(path);
    if (!res) return json{{"error", "no answer"}};
    EXPECT_EQ(res->status, 200) << path << ": " << res->body;
    return json::parse(res->body, nullptr, false);
  }
  static json post(int port, const std::string& body) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(300);
    auto res = client.Post("/sparql", {{"Accept", "application/sparql-results+json"}}, body,
                           "application/x-www-form-urlencoded");
    if (!res) return json{{"error", "no answer"}};
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body, nullptr, false);
  }
  server::Server embedded_, remote_;
  int embedded_port_ = 0, remote_port_ = 0;
};

// Item by item: a difference names the item.
void expect_same_items(const std::pair<json, json>& answers, const std::string& key,
                       const std::string& what, bool may_be_empty = false) {
  const json& a = answers.first;
  const json& b = answers.second;
  ASSERT_TRUE(a.contains(key)) << what << ": " << a.dump().substr(0, 500);
  ASSERT_TRUE(b.contains(key)) << what << ": " << b.dump().substr(0, 500);
  ASSERT_EQ(b[key].size(), a[key].size()) << what;
  if (!may_be_empty) EXPECT_GT(a[key].size(), 0u) << what;
  for (size_t i = 0; i < a[key].size(); ++i) {
    EXPECT_EQ(b[key][i], a[key][i]) << what << ", item " << i;
  }
  json rest_a = a, rest_b = b;
  rest_a.erase(key);
  rest_b.erase(key);
  EXPECT_EQ(rest_b, rest_a) << what;
}

TEST_F(RemoteFleet, RestApiGivesTheSameAnswers) {
  ApiPair api(*embedded_, *remote_);
  // /api/stats is left out: on a remote store it counts every graph of the store.
  expect_same_items(api.get("/api/devices?limit=1000"), "items", "GET /api/devices");
  expect_same_items(api.get("/api/devices?limit=1000&offset=" + std::to_string(devices_ - 500)),
                    "items", "GET /api/devices, last page");
  expect_same_items(api.get("/api/devices?limit=1000&min_ram_kb=256&min_flash_kb=1024"), "items",
                    "GET /api/devices filtered");
  // The generated models have no schema:name, so the model list is empty on both.
  expect_same_items(api.get("/api/models?limit=1000"), "items", "GET /api/models", true);

  const std::string model = kg::remote::url_encode(model_iri(3));
  const std::string device = kg::remote::url_encode(device_iri(11));
  expect_same_items(api.get("/api/match/devices?model=" + model + "&reasons=true&include=all"),
                    "items", "GET /api/match/devices");
  expect_same_items(api.get("/api/match/models?device=" + device + "&reasons=true&include=all"),
                    "items", "GET /api/match/models");

  // Plain SPARQL through /sparql: numbers keep their datatypes.
  auto rows = api.sparql(
      "PREFIX s3n: <http://w3id.org/s3n/> PREFIX schema: <https://schema.org/> "
      "PREFIX sys: <http://www.w3.org/ns/ssn/systems/> "
      "SELECT ?d ?v WHERE { ?d a s3n:SmartSensor ; "
      "<http://www.w3.org/ns/ssn/hasSubSystem>/s3n:hasSystemCapability/sys:hasSystemProperty ?p . "
      "?p a <http://tinyml-schema.org/s3n_extend/RAM> ; schema:value ?v } ORDER BY ?d LIMIT 2000");
  ASSERT_TRUE(rows.first.contains("results")) << rows.first.dump().substr(0, 500);
  ASSERT_TRUE(rows.second.contains("results")) << rows.second.dump().substr(0, 500);
  const json& a = rows.first["results"]["bindings"];
  const json& b = rows.second["results"]["bindings"];
  ASSERT_EQ(b.size(), a.size());
  EXPECT_GT(a.size(), 0u);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(b[i], a[i]) << "POST /sparql, row " << i;
}

}  // namespace
}  // namespace tinykg::testing
