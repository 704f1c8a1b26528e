// The tinykg HTTP server: SPARQL 1.1 Protocol at /sparql, the Graph Store
// HTTP Protocol at /rdf-graphs and a JSON API under /api, all in front of one
// kg::KnowledgeGraph. The CLI's `serve` subcommand calls run_server(); tests
// embed a Server on an ephemeral loopback port.
//
//   kg::KnowledgeGraph& graph = ...;
//   server::Server srv(graph, {.port = 0});
//   auto port = srv.start();          // serving on a background thread pool
//   ...                               // http://127.0.0.1:<*port>/sparql
//   srv.stop();                       // waits for requests in flight
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "kg/knowledge_graph.h"

namespace tinykg::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: an ephemeral port (tests)
  // Worker threads; 0: 64. Each open (keep-alive) connection holds one, so
  // this is the number of clients served at once.
  int threads = 0;
  // Reads (queries, GETs) without a token; writes always need one.
  bool open_reads = true;
  // Where bearer tokens live (auth.h); empty: no tokens, so every write is refused.
  std::string token_file;
  size_t max_body_bytes = 16 * 1024 * 1024;  // larger bodies get 413
  size_t max_result_rows = 100'000;          // longer results are cut (header says so)
  uint64_t query_timeout_ms = 10'000;        // queries and updates stop after this (0: none)
  // Origins allowed by CORS; "*" allows any; empty sends no CORS headers.
  std::vector<std::string> cors_origins;
  bool access_log = true;  // one spdlog line per request
  // The web UI's built files (web/dist) served at `/`; empty: no static files.
  std::string web_root;
};

class Server {
 public:
  Server(kg::KnowledgeGraph& graph, ServerOptions options);
  ~Server();  // stops the server
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port and serves on background threads; returns the bound port.
  Result<int> start();
  // Stops accepting, lets requests in flight finish; idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Serves until SIGTERM or SIGINT, then shuts down gracefully. Blocks the
// calling thread; returns a failure if the address cannot be bound.
Status run_server(kg::KnowledgeGraph& graph, const ServerOptions& options);

}  // namespace tinykg::server
