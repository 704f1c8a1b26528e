// What every handler group shares: the graph, the options, the token store,
// and the checks each route makes before it acts (authorization, query
// parameters). Internal to src/server/; server.cpp wires the groups up.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kg/knowledge_graph.h"
#include "server/auth.h"
#include "server/server.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace tinykg::server {

struct MatchCatalog;  // api_match.cpp
class ThingDirectory;  // thing_directory.h

struct Service {
  kg::KnowledgeGraph& graph;
  const ServerOptions& options;
  TokenStore tokens;
  // The match engine's fleet and zoo, read once per graph state (api_match.cpp).
  std::shared_ptr<MatchCatalog> match_catalog;
  // The WoT Discovery directory behind /things (api_things.cpp).
  std::shared_ptr<ThingDirectory> things;

  // True if the request may go on. Otherwise `res` holds the problem: 401
  // without a valid bearer token (with WWW-Authenticate), 403 when the
  // token's role is below `needed`.
  bool authorize(const httplib::Request& req, httplib::Response& res, Role needed);
  // Reads are open unless ServerOptions::open_reads is off.
  bool authorize_read(const httplib::Request& req, httplib::Response& res);
};

void send_json(httplib::Response& res, int status, const nlohmann::json& body);

// A non-negative integer query parameter; `fallback` when absent. On a bad
// value writes a 400 problem and returns nullopt.
std::optional<size_t> size_param(const httplib::Request& req, httplib::Response& res,
                                 const std::string& name, size_t fallback);

// An optional numeric filter; false (with a 400 problem in `res`) on a bad value.
bool number_param(const httplib::Request& req, httplib::Response& res, const std::string& name,
                  std::optional<double>& out);

// ?limit= (default 100, at most 1000) and ?offset= (default 0) of list routes.
struct Page {
  size_t limit = 100;
  size_t offset = 0;
};
std::optional<Page> page_params(const httplib::Request& req, httplib::Response& res);

// {"total": N, "limit": L, "offset": O, "items": [...]}: the list routes' envelope.
nlohmann::json page_json(size_t total, const Page& page, nlohmann::json items);

// The answer to a DELETE of one resource: 204 when quads were removed, 404
// ("no <what>") when none were, 500 when the store failed.
void send_removal(const httplib::Request& req, httplib::Response& res,
                  const Result<uint64_t>& removed, std::string_view what);

// A route handler that needs the service, bound into the handler httplib takes.
using ServiceHandler = void (*)(Service&, const httplib::Request&, httplib::Response&);
using RouteHandler = std::function<void(const httplib::Request&, httplib::Response&)>;
RouteHandler with_service(Service& service, ServiceHandler handler);

// One registration function per handler group (one file each).
void add_sparql_protocol_routes(httplib::Server& http, Service& service);
void add_graph_store_routes(httplib::Server& http, Service& service);
void add_model_routes(httplib::Server& http, Service& service);
void add_device_routes(httplib::Server& http, Service& service);
void add_stats_routes(httplib::Server& http, Service& service);
void add_deployment_routes(httplib::Server& http, Service& service);  // src/deploy/ campaigns
void add_match_routes(httplib::Server& http, Service& service);
void add_static_routes(httplib::Server& http, Service& service);  // static_files.cpp
void add_thing_routes(httplib::Server& http, Service& service);  // WoT Discovery directory
// Ends the directory's open /events streams so that stop() need not wait for them.
void close_event_streams(Service& service);
// The SPARQL 1.1 Protocol handler of /sparql, for /search/sparql.
void answer_sparql_request(Service& service, const httplib::Request& req, httplib::Response& res);

// The OpenAPI 3.1 description of the JSON API (openapi.cpp).
const nlohmann::json& openapi_document();

}  // namespace tinykg::server
