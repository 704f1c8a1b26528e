// A server on an ephemeral loopback port over a fresh database, with an
// httplib client pointed at it. Tests read like the HTTP exchange they check:
//
//   auto res = client().Get("/sparql?query=...", {{"Accept", "text/csv"}});
//   EXPECT_EQ(res->status, 200);
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <cctype>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "kg/knowledge_graph.h"
#include "server/auth.h"
#include "server/server.h"
#include "test_support.h"

namespace tinykg::server::testing {

inline constexpr const char* kPrefixes =
    "@prefix ex: <http://example.org/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";

// Percent-encodes everything but RFC 3986 unreserved characters (query
// parameter values; httplib's client leaves existing escapes alone).
inline std::string url_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    graph_ = kg::KnowledgeGraph::open(dir_ / "db").value_or_throw();
    options_.port = 0;
    options_.host = "127.0.0.1";
    options_.token_file = dir_ / "tokens.tsv";
    options_.access_log = false;
    options_.threads = 4;
  }

  // Starts the server with the options as they are now; tests tweak
  // options_ first when they need other limits.
  void start() {
    server_ = std::make_unique<Server>(*graph_, options_);
    port_ = server_->start().value_or_throw();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(30, 0);
  }

  httplib::Client& client() {
    if (!server_) start();
    return *client_;
  }

  void load(const std::string& turtle, const std::string& graph = "") {
    auto report = graph_->add_rdf(std::string(kPrefixes) + turtle, rdf::Syntax::Turtle, graph);
    ASSERT_TRUE(report.ok()) << report.error();
  }

  std::string token(Role role) {
    return TokenStore(options_.token_file).create(role).value_or_throw().secret;
  }
  static httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }

  static nlohmann::json json_body(const httplib::Result& res) {
    return nlohmann::json::parse(res->body, nullptr, /*allow_exceptions=*/false);
  }

  // The response is an RFC 9457 problem document with this status.
  static void expect_problem(const httplib::Result& res, int status) {
    ASSERT_TRUE(res) << "no response";
    EXPECT_EQ(res->status, status) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/problem+json");
    auto body = json_body(res);
    ASSERT_TRUE(body.is_object()) << res->body;
    EXPECT_EQ(body.value("status", 0), status);
    EXPECT_FALSE(body.value("title", "").empty());
    EXPECT_FALSE(body.value("detail", "").empty());
  }

  uint64_t quads() const { return graph_->stats().quads; }

  tinykg::testing::TempDir dir_;
  std::unique_ptr<kg::KnowledgeGraph> graph_;
  ServerOptions options_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = 0;
};

}  // namespace tinykg::server::testing
