// Where the graph lives: the embedded LMDB store (a directory) or a remote
// SPARQL 1.1 store reached over the SPARQL Protocol. Parsed from the global
// `--store` option:
//
//   embedded:DIR                      the LMDB store in DIR (the default)
//   sparql:QUERY_URL[,UPDATE_URL][,gsp=GSP_URL][,graph=IRI][,batch=N][,auth-file=PATH]
//
// Without UPDATE_URL updates go to QUERY_URL (Virtuoso, GraphDB answer both
// on one URL). Credentials: TINYKG_REMOTE_AUTH or the first line of the
// auth file, as "basic:USER:PASSWORD" or "bearer:TOKEN".
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace tinykg::kg::remote {

// The graph of the remote store that holds what tinykg calls the default
// graph. Remote stores disagree on what the default graph is (Virtuoso and
// Neptune: the union of all graphs; GraphDB: union for reads, sesame:nil for
// writes; Fuseki: a real default graph), so tinykg writes to and reads from
// one named graph instead and names it in every request.
inline constexpr std::string_view kDefaultGraphIri = "https://tinykg.dev/graph/default";

struct RemoteConfig {
  std::string query_url;
  std::string update_url;     // empty: query_url
  std::string gsp_url;        // Graph Store Protocol endpoint; empty: writes use SPARQL Update
  std::string default_graph = std::string(kDefaultGraphIri);
  std::string auth_scheme;    // "", "basic" or "bearer"
  std::string auth_user, auth_secret;  // basic: user + password; bearer: the token
  // Triples per write request; 0: kUpdateBatch for SPARQL Update, kGspBatch
  // for Graph Store POSTs (write_batch()).
  size_t batch_triples = 0;
  size_t page_rows = 10000;      // rows per page when a graph is read in full
  int max_attempts = 6;          // per request, on transient errors (5xx, 408, 429, no answer)
  int first_backoff_ms = 200;    // doubled after every failed attempt
  int timeout_s = 300;           // read timeout of one request

  const std::string& write_url() const { return update_url.empty() ? query_url : update_url; }
  // Virtuoso 7 refuses an INSERT DATA of much more than 1,000 triples ("SP031:
  // the length of generated SQL text has exceeded 10000 lines"); a Graph
  // Store POST of N-Triples has no such limit and is ~10x faster.
  static constexpr size_t kUpdateBatch = 1000;
  static constexpr size_t kGspBatch = 20000;
  size_t write_batch(bool graph_store) const {
    if (batch_triples) return batch_triples;
    return graph_store ? kGspBatch : kUpdateBatch;
  }
};

struct StoreLocation {
  enum class Kind { Embedded, Sparql } kind = Kind::Embedded;
  std::string db_dir;   // Embedded
  RemoteConfig remote;  // Sparql
  std::string to_string() const;  // for messages: "embedded:DIR" or "sparql:URL"
};

// Parses a --store value. A value without "embedded:" or "sparql:" prefix is
// refused (so a typo in a URL is not taken for a directory name).
Result<StoreLocation> parse_store_location(std::string_view spec);

// Reads credentials "basic:USER:PASSWORD" / "bearer:TOKEN" into `config`.
Status parse_credentials(std::string_view text, RemoteConfig& config);

}  // namespace tinykg::kg::remote
