// What every handler group shares: the graph, the options, the token store,
// and the checks each route makes before it acts (authorization, query
// parameters). Internal to src/server/; server.cpp wires the groups up.
#pragma once

#include <cstddef>
#include <functional>
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

struct Service {
  kg::KnowledgeGraph& graph;
  const ServerOptions& options;
  TokenStore tokens;

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

// The OpenAPI 3.1 description of the JSON API (openapi.cpp).
const nlohmann::json& openapi_document();

}  // namespace tinykg::server
