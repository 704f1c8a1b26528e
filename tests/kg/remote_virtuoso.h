// One Virtuoso 7 per test binary (tests/remote/start_virtuoso.sh): started
// by a gtest Environment before the first test, stopped after the last.
// Tests that need it call TINYKG_REQUIRE_VIRTUOSO(), which skips with the
// reason when Virtuoso could not start. Each test writes its own default
// graph (graph=IRI in the store location), so tests do not see each other.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "kg/knowledge_graph.h"
#include "test_support.h"

namespace tinykg::testing {

class VirtuosoEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>();
    const std::string script = source_dir() + "/tests/remote/start_virtuoso.sh";
    // The owner pid lets the script stop Virtuoso even if this binary crashes.
    std::string out = run("TINYKG_VIRTUOSO_OWNER_PID=" + std::to_string(getpid()) + " " + script +
                          " " + dir_->str() + " 2>&1");
    const size_t at = out.find("http://");
    if (out.find("virtuoso: pid") == std::string::npos || at == std::string::npos) {
      skip_reason() = "Virtuoso 7 (virtuoso-t) could not be started: " + out;
      // ctest marks the run as skipped on this line (tests/kg/CMakeLists.txt).
      std::fprintf(stderr, "%s\n", skip_reason().c_str());
      return;
    }
    std::string url = out.substr(at);
    while (!url.empty() && (url.back() == '\n' || url.back() == '\r')) url.pop_back();
    query_url() = url;
  }
  void TearDown() override {
    if (dir_) run(source_dir() + "/tests/remote/stop_virtuoso.sh " + dir_->str() + " 2>&1");
    dir_.reset();
  }

  static std::string& query_url() {
    static std::string url;
    return url;
  }
  static std::string& skip_reason() {
    static std::string reason;
    return reason;
  }

 private:
  static std::string run(const std::string& cmd) {
    std::string out;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return "cannot run " + cmd;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    pclose(pipe);
    return out;
  }
  std::unique_ptr<TempDir> dir_;
};

#define TINYKG_REQUIRE_VIRTUOSO()                                                   \
  do {                                                                              \
    if (::tinykg::testing::VirtuosoEnvironment::query_url().empty())                \
      GTEST_SKIP() << ::tinykg::testing::VirtuosoEnvironment::skip_reason();        \
  } while (0)

// Virtuoso's Graph Store Protocol endpoint beside /sparql.
inline std::string graph_store_url() {
  std::string url = VirtuosoEnvironment::query_url();
  return url.substr(0, url.rfind('/')) + "/sparql-graph-crud";
}

// The --store value of this test's own slice of the Virtuoso store; with
// `graph_store` inserts go through the Graph Store Protocol endpoint.
inline std::string remote_spec(const std::string& test_graph, bool graph_store = false) {
  return "sparql:" + VirtuosoEnvironment::query_url() + ",graph=urn:tinykg-test:" + test_graph +
         (graph_store ? ",gsp=" + graph_store_url() : "");
}

inline std::unique_ptr<kg::KnowledgeGraph> open_remote(const std::string& test_graph,
                                                       bool graph_store = false) {
  auto location = kg::remote::parse_store_location(remote_spec(test_graph, graph_store));
  EXPECT_TRUE(location.ok()) << location.error();
  auto graph = kg::KnowledgeGraph::open(*location);
  EXPECT_TRUE(graph.ok()) << graph.error();
  return graph.ok() ? std::move(graph).value() : nullptr;
}

}  // namespace tinykg::testing
