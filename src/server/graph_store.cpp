// SPARQL 1.1 Graph Store HTTP Protocol, indirect identification
// (https://www.w3.org/TR/sparql11-http-rdf-update/) at /rdf-graphs:
//   GET|HEAD /rdf-graphs?default | ?graph=IRI   the graph as Turtle, N-Triples, N-Quads,
//                                                TriG or JSON-LD (expanded form)
//   PUT                                          replace the graph with the body
//   POST                                         add the body's triples to the graph
//   DELETE                                       remove the graph
// Bodies: text/turtle, application/n-triples, application/n-quads,
// application/trig, application/ld+json (graph names inside quad syntaxes
// and JSON-LD @graph are replaced by the target graph).
#include <array>
#include <sstream>

#include <httplib.h>

#include "kg/vocabulary.h"
#include "rdf/jsonld/from_rdf.h"
#include "rdf/jsonld/jsonld.h"
#include "server/negotiation.h"
#include "server/problem.h"
#include "server/service.h"

namespace tinykg::server {
namespace {

struct RdfMedia {
  std::string_view type;
  rdf::Syntax syntax;
};

constexpr std::array<RdfMedia, 4> kRdfMedia = {{
    {"text/turtle", rdf::Syntax::Turtle},
    {"application/n-triples", rdf::Syntax::NTriples},
    {"application/n-quads", rdf::Syntax::NQuads},
    {"application/trig", rdf::Syntax::TriG},
}};
// JSON-LD goes through the JSON-LD processor (src/rdf/jsonld/), not serd.
constexpr std::string_view kJsonLd = "application/ld+json";
constexpr std::array<std::string_view, 5> kRdfTypes = {kRdfMedia[0].type, kRdfMedia[1].type,
                                                       kRdfMedia[2].type, kRdfMedia[3].type,
                                                       kJsonLd};

// The graph in expanded JSON-LD, which needs no context to read back.
std::string graph_as_jsonld(const kg::KnowledgeGraph& graph, const std::string& graph_iri) {
  std::vector<rdf::Quad> quads;
  graph.for_each_quad(graph_iri, [&](const rdf::Quad& q) {
    quads.push_back(rdf::Quad{q.subject, q.predicate, q.object, {}});
  });
  return rdf::jsonld_from_rdf(quads).dump(2) + "\n";
}

// A JSON-LD body as N-Quads, so that it is stored by the same one-transaction
// path as the other syntaxes. Relative IRIs resolve against the target graph.
Result<std::string> jsonld_as_nquads(std::string_view body, const std::string& graph_iri) {
  auto quads = rdf::jsonld_to_rdf(body, {.base = graph_iri});
  if (!quads.ok()) return fail("request body: not valid JSON-LD: {}", quads.error());
  std::ostringstream text;
  {
    rdf::RdfWriter writer(text, rdf::Syntax::NQuads);
    for (const rdf::Quad& q : *quads) writer.write(q);
  }
  return text.str();
}

// The graph a request names: "" for ?default, the IRI for ?graph=IRI.
// nullopt with a 400 problem in `res` otherwise.
std::optional<std::string> target_graph(const httplib::Request& req, httplib::Response& res) {
  bool is_default = req.has_param("default");
  size_t named = req.get_param_value_count("graph");
  if (is_default == (named > 0) || named > 1) {
    send_problem(req, res, 400, "name exactly one graph: ?default or ?graph=IRI");
    return std::nullopt;
  }
  if (is_default) return std::string();
  std::string iri = req.get_param_value("graph");
  // An absolute IRI has a scheme; characters N-Triples cannot carry are refused.
  bool has_scheme = iri.find(':') != std::string::npos && std::isalpha(static_cast<unsigned char>(iri[0]));
  if (!has_scheme || iri.find_first_of("<>\"{}|\\^` \t\r\n") != std::string::npos) {
    send_problem(req, res, 400, fmt::format("graph '{}' is not an absolute IRI", iri));
    return std::nullopt;
  }
  return iri;
}

void get_graph(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  auto graph = target_graph(req, res);
  if (!graph) return;
  auto chosen = negotiate(req.get_header_value("Accept"), kRdfTypes);
  if (!chosen) {
    send_problem(req, res, 406,
                 "graphs are available as text/turtle, application/n-triples, "
                 "application/n-quads, application/trig and application/ld+json");
    return;
  }
  if (!service.graph.has_graph(*graph)) {
    send_problem(req, res, 404, fmt::format("no graph <{}>", *graph));
    return;
  }
  res.set_header("Vary", "Accept");
  if (*chosen == kJsonLd) {
    res.set_content(graph_as_jsonld(service.graph, *graph), std::string(kJsonLd).c_str());
    return;
  }
  const RdfMedia& media = *std::find_if(kRdfMedia.begin(), kRdfMedia.end(),
                                        [&](const RdfMedia& m) { return m.type == *chosen; });
  const bool keeps_graph_names =
      media.syntax == rdf::Syntax::NQuads || media.syntax == rdf::Syntax::TriG;
  std::ostringstream body;
  {
    rdf::RdfWriter writer(body, media.syntax);
    if (media.syntax == rdf::Syntax::Turtle || media.syntax == rdf::Syntax::TriG) {
      for (const auto& prefix : kg::vocab::kPrefixes) {
        writer.add_prefix(std::string(prefix.name), std::string(prefix.iri));
      }
    }
    service.graph.for_each_quad(*graph, [&](const rdf::Quad& q) {
      if (keeps_graph_names) {
        writer.write(q);
      } else {
        writer.write(rdf::Quad{q.subject, q.predicate, q.object, {}});
      }
    });
  }
  res.set_content(body.str(), (std::string(media.type) + "; charset=utf-8").c_str());
}

// PUT (replace) and POST (merge): 201 when the graph is new, 204 otherwise.
void write_graph(Service& service, const httplib::Request& req, httplib::Response& res,
                 bool replace) {
  if (!service.authorize(req, res, Role::Write)) return;
  auto graph = target_graph(req, res);
  if (!graph) return;
  const std::string type = media_type(req.get_header_value("Content-Type"));
  auto media = std::find_if(kRdfMedia.begin(), kRdfMedia.end(),
                            [&](const RdfMedia& m) { return m.type == type; });
  std::string converted;
  if (type == kJsonLd) {
    auto nquads = jsonld_as_nquads(req.body, *graph);
    if (!nquads.ok()) {
      send_problem(req, res, 400, nquads.error());
      return;
    }
    converted = std::move(nquads).value();
  } else if (media == kRdfMedia.end()) {
    send_problem(req, res, 415,
                 fmt::format("cannot read '{}'; send text/turtle, application/n-triples, "
                             "application/n-quads, application/trig or application/ld+json",
                             type.empty() ? "(no Content-Type)" : type));
    return;
  }
  const bool existed = service.graph.has_graph(*graph);
  auto report = type == kJsonLd
                    ? service.graph.add_rdf(converted, rdf::Syntax::NQuads, *graph, replace)
                    : service.graph.add_rdf(req.body, media->syntax, *graph, replace);
  if (!report.ok()) {
    send_problem(req, res, 400, report.error());
    return;
  }
  res.status = existed ? 204 : 201;
  if (!existed) res.set_header("Location", req.target);
}

void put_graph(Service& service, const httplib::Request& req, httplib::Response& res) {
  write_graph(service, req, res, /*replace=*/true);
}

void post_graph(Service& service, const httplib::Request& req, httplib::Response& res) {
  write_graph(service, req, res, /*replace=*/false);
}

void delete_graph(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write)) return;
  auto graph = target_graph(req, res);
  if (!graph) return;
  if (!service.graph.has_graph(*graph)) {
    send_problem(req, res, 404, fmt::format("no graph <{}>", *graph));
    return;
  }
  auto removed = service.graph.clear_graph(*graph);
  if (!removed.ok()) {
    send_problem(req, res, 500, removed.error());
    return;
  }
  res.status = 204;
}

}  // namespace

void add_graph_store_routes(httplib::Server& http, Service& service) {
  // httplib serves HEAD from the GET route and drops the body.
  http.Get("/rdf-graphs", with_service(service, get_graph));
  http.Put("/rdf-graphs", with_service(service, put_graph));
  http.Post("/rdf-graphs", with_service(service, post_graph));
  http.Delete("/rdf-graphs", with_service(service, delete_graph));
}

}  // namespace tinykg::server
