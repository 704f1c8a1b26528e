// SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/) at /sparql:
//   GET  /sparql?query=...                       query via GET
//   POST /sparql  application/x-www-form-urlencoded  query=... | update=...
//   POST /sparql  application/sparql-query       query via POST directly
//   POST /sparql  application/sparql-update      update via POST directly
// Results are negotiated over the writers the engine has (JSON, XML, CSV,
// TSV); ASK answers as JSON or XML; CONSTRUCT and DESCRIBE as Turtle,
// N-Triples or JSON-LD. default-graph-uri / named-graph-uri set the dataset.
// Updates need a write token and run as one transaction (204 on success).
#include <array>
#include <sstream>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "server/negotiation.h"
#include "sparql/results/graph_writer.h"
#include "server/problem.h"
#include "server/service.h"

namespace tinykg::server {
namespace {

struct ResultMedia {
  std::string_view type;
  sparql::ResultFormat format;
};

// Server preference order: JSON first (what browsers and YASGUI get for */*).
constexpr std::array<ResultMedia, 5> kResultMedia = {{
    {"application/sparql-results+json", sparql::ResultFormat::Json},
    {"application/json", sparql::ResultFormat::Json},
    {"application/sparql-results+xml", sparql::ResultFormat::Xml},
    {"text/csv", sparql::ResultFormat::Csv},
    {"text/tab-separated-values", sparql::ResultFormat::Tsv},
}};

constexpr std::array<std::string_view, 5> kResultTypes = {
    kResultMedia[0].type, kResultMedia[1].type, kResultMedia[2].type, kResultMedia[3].type,
    kResultMedia[4].type};

// Where the operation came from, once the request has been checked.
struct Operation {
  std::string text;
  bool is_update = false;
};

// Exactly one value of `name` among the request's parameters (URL and form).
std::optional<std::string> single_param(const httplib::Request& req, httplib::Response& res,
                                        const char* name) {
  size_t count = req.get_param_value_count(name);
  if (count == 0) return std::nullopt;
  if (count > 1) {
    send_problem(req, res, 400, fmt::format("give exactly one '{}' parameter, not {}", name, count));
    return std::nullopt;
  }
  return req.get_param_value(name);
}

// Pulls the query or update out of a GET or POST per the protocol's rules;
// nullopt with the problem already in `res` when the request is malformed.
std::optional<Operation> read_operation(const httplib::Request& req, httplib::Response& res) {
  const std::string type = media_type(req.get_header_value("Content-Type"));
  if (req.method == "POST" && (type == "application/sparql-query" ||
                               type == "application/sparql-update")) {
    std::string cs = charset(req.get_header_value("Content-Type"));
    if (!cs.empty() && cs != "utf-8") {
      send_problem(req, res, 400, fmt::format("the body must be UTF-8, not {}", cs));
      return std::nullopt;
    }
    return Operation{req.body, type == "application/sparql-update"};
  }
  if (req.method == "POST" && type != "application/x-www-form-urlencoded") {
    send_problem(req, res, 415,
                 "POST a query as application/sparql-query, an update as "
                 "application/sparql-update, or either as application/x-www-form-urlencoded");
    return std::nullopt;
  }
  size_t queries = req.get_param_value_count("query");
  size_t updates = req.get_param_value_count("update");
  if (queries + updates == 0) {
    send_problem(req, res, 400, "no 'query' (or 'update') parameter");
    return std::nullopt;
  }
  if (queries > 0 && updates > 0) {
    send_problem(req, res, 400, "give either 'query' or 'update', not both");
    return std::nullopt;
  }
  if (updates > 0 && req.method == "GET") {
    send_problem(req, res, 400, "updates must be POSTed (SPARQL 1.1 Protocol §2.2)");
    return std::nullopt;
  }
  auto text = single_param(req, res, queries > 0 ? "query" : "update");
  if (!text) return std::nullopt;
  return Operation{*text, updates > 0};
}

// default-graph-uri / named-graph-uri (each may repeat): the dataset of the
// request, which replaces the query's FROM / FROM NAMED.
sparql::QueryOptions::Dataset protocol_dataset(const httplib::Request& req) {
  sparql::QueryOptions::Dataset ds;
  for (size_t i = 0; i < req.get_param_value_count("default-graph-uri"); ++i) {
    ds.default_graphs.push_back(req.get_param_value("default-graph-uri", i));
  }
  for (size_t i = 0; i < req.get_param_value_count("named-graph-uri"); ++i) {
    ds.named_graphs.push_back(req.get_param_value("named-graph-uri", i));
  }
  return ds;
}

// CONSTRUCT and DESCRIBE answers: Turtle unless the client prefers N-Triples
// or JSON-LD.
void send_graph(const httplib::Request& req, httplib::Response& res,
                const sparql::ConstructedGraph& graph) {
  constexpr std::array<sparql::GraphFormat, 3> kFormats = {
      sparql::GraphFormat::Turtle, sparql::GraphFormat::NTriples, sparql::GraphFormat::JsonLd};
  constexpr std::array<std::string_view, 3> kTypes = {
      "text/turtle", "application/n-triples", "application/ld+json"};
  auto chosen = negotiate(req.get_header_value("Accept"), kTypes);
  if (!chosen) {
    send_problem(req, res, 406,
                 "graph results are available as text/turtle, application/n-triples and "
                 "application/ld+json");
    return;
  }
  auto format = kFormats[static_cast<size_t>(
      std::find(kTypes.begin(), kTypes.end(), *chosen) - kTypes.begin())];
  std::ostringstream body;
  sparql::write_graph(body, graph, format);
  std::string content_type(sparql::graph_media_type(format));
  if (format != sparql::GraphFormat::JsonLd) content_type += "; charset=utf-8";
  res.set_content(body.str(), content_type.c_str());
}

// Engine messages say whether the query is wrong or merely beyond what the
// engine supports so far (sparql/engine.h); the status code says the same.
int status_for_query_error(const std::string& message) {
  return message.starts_with("not supported yet") ? 501 : 400;
}

void handle_sparql(Service& service, const httplib::Request& req, httplib::Response& res) {
  auto op = read_operation(req, res);
  if (!op) return;
  if (op->is_update) {
    if (!service.authorize(req, res, Role::Write)) return;
    sparql::QueryOptions options;
    options.timeout_ms = service.options.query_timeout_ms;
    options.allow_file_load = false;  // see QueryOptions::allow_file_load
    Status st = service.graph.update(op->text, options);
    if (!st.ok()) {
      send_problem(req, res, status_for_query_error(st.error()), st.error());
      return;
    }
    res.status = 204;
    return;
  }
  if (!service.authorize_read(req, res)) return;
  sparql::QueryOptions options;
  options.timeout_ms = service.options.query_timeout_ms;
  if (req.has_param("default-graph-uri") || req.has_param("named-graph-uri")) {
    options.dataset = protocol_dataset(req);
  }
  auto answer = service.graph.run_query(op->text, options);
  if (!answer.ok()) {
    send_problem(req, res, status_for_query_error(answer.error()), answer.error());
    return;
  }
  res.set_header("Vary", "Accept");
  if (auto* graph = std::get_if<sparql::ConstructedGraph>(&*answer)) {
    send_graph(req, res, *graph);
    return;
  }
  auto chosen = negotiate(req.get_header_value("Accept"), kResultTypes);
  if (!chosen) {
    send_problem(req, res, 406,
                 "results are available as application/sparql-results+json, "
                 "application/sparql-results+xml, text/csv and text/tab-separated-values");
    return;
  }
  auto media = std::find_if(kResultMedia.begin(), kResultMedia.end(),
                            [&](const ResultMedia& m) { return m.type == *chosen; });
  std::string content_type(media->type);
  if (media->format != sparql::ResultFormat::Json) content_type += "; charset=utf-8";
  if (const bool* yes = std::get_if<bool>(&*answer)) {
    if (media->format != sparql::ResultFormat::Json && media->format != sparql::ResultFormat::Xml) {
      send_problem(req, res, 406, "an ASK answer is available as JSON or XML");
      return;
    }
    std::ostringstream body;
    sparql::write_boolean(body, *yes, media->format);
    res.set_content(body.str(), content_type.c_str());
    return;
  }
  auto& table = std::get<sparql::ResultTable>(*answer);
  if (table.rows.size() > service.options.max_result_rows) {
    // Cut rather than fail: a client still gets a valid document, and the
    // header (and the access log) say that rows are missing.
    res.set_header("Tinykg-Result-Truncated",
                   fmt::format("{} of {} rows", service.options.max_result_rows,
                               table.rows.size()));
    table.rows.resize(service.options.max_result_rows);
  }
  std::ostringstream body;
  sparql::write_results(body, table, media->format);
  res.set_content(body.str(), content_type.c_str());
}

void method_not_allowed(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Allow", "GET, HEAD, POST, OPTIONS");
  send_problem(req, res, 405, fmt::format("{} is not a SPARQL protocol operation", req.method));
}

}  // namespace

void answer_sparql_request(Service& service, const httplib::Request& req, httplib::Response& res) {
  handle_sparql(service, req, res);
}

void add_sparql_protocol_routes(httplib::Server& http, Service& service) {
  http.Get("/sparql", with_service(service, handle_sparql));
  http.Post("/sparql", with_service(service, handle_sparql));
  http.Put("/sparql", method_not_allowed);
  http.Delete("/sparql", method_not_allowed);
  http.Patch("/sparql", method_not_allowed);
}

}  // namespace tinykg::server
