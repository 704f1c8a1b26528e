// JSON API for devices (boards):
//   GET    /api/devices?limit&offset&min_ram_kb&min_flash_kb   list (filtered, paged)
//   POST   /api/devices   a board description as text/turtle or application/n-triples, or a
//                          W3C Thing Description as application/td+json (validated first)
//   GET    /api/devices/{IRI, percent-encoded}   detail with its parts
//   DELETE /api/devices/{IRI, percent-encoded}
#include <cstdlib>

#include <httplib.h>

#include "kg/td/thing_description.h"
#include "kg/vocabulary.h"
#include "server/negotiation.h"
#include "server/problem.h"
#include "server/rdf_json.h"
#include "server/service.h"

namespace tinykg::server {
namespace {

using nlohmann::json;

void list_devices(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  auto page = page_params(req, res);
  std::optional<double> min_ram, min_flash;
  if (!page || !number_param(req, res, "min_ram_kb", min_ram) ||
      !number_param(req, res, "min_flash_kb", min_flash)) {
    return;
  }
  auto table = service.graph.list_devices();
  if (!table.ok()) {
    send_problem(req, res, 500, table.error());
    return;
  }
  // Columns of KnowledgeGraph::list_devices: device ram flash.
  json items = json::array();
  size_t total = 0;
  for (const auto& row : table->rows) {
    double ram = row[1] ? std::strtod(row[1]->value.c_str(), nullptr) : 0.0;
    double flash = row[2] ? std::strtod(row[2]->value.c_str(), nullptr) : 0.0;
    if ((min_ram && ram < *min_ram) || (min_flash && flash < *min_flash)) continue;
    if (total++ < page->offset || items.size() >= page->limit) continue;
    items.push_back({{"iri", row[0] ? row[0]->value : ""}, {"ram_kb", ram}, {"flash_kb", flash}});
  }
  send_json(res, 200, page_json(total, *page, std::move(items)));
}

void add_device(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write)) return;
  const std::string type = media_type(req.get_header_value("Content-Type"));
  // A TD is validated and mapped by the TD layer; an invalid one stores
  // nothing and the answer lists its problems. Anonymous TDs get a fresh id.
  if (type == "application/td+json" || type == "application/ld+json" ||
      type == "application/json") {
    auto imported = kg::td::import_td(service.graph, req.body, kg::td::fresh_thing_id());
    if (!imported.ok()) return send_problem(req, res, 400, imported.error());
    send_json(res, 201, {{"device", imported->device},
                         {"replaced", imported->replaced},
                         {"quads_read", imported->report.quads_read},
                         {"quads_added", imported->report.quads_added}});
    return;
  }
  std::optional<rdf::Syntax> syntax;
  if (type == "text/turtle") syntax = rdf::Syntax::Turtle;
  if (type == "application/n-triples") syntax = rdf::Syntax::NTriples;
  if (!syntax) {
    send_problem(req, res, 415, "send a board description as text/turtle or application/n-triples, "
                 "or a Thing Description as application/td+json");
    return;
  }
  auto report = service.graph.add_device_rdf(req.body, *syntax, "request body");
  if (!report.ok()) {
    send_problem(req, res, 400, report.error());
    return;
  }
  send_json(res, 201, {{"quads_read", report->quads_read}, {"quads_added", report->quads_added}});
}

void get_device(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  const std::string iri = req.matches[1];
  auto quads = service.graph.describe(iri);
  if (quads.empty()) {
    send_problem(req, res, 404, fmt::format("no device <{}>", iri));
    return;
  }
  json parts = json::array();
  const std::string sub_system = kg::vocab::term(kg::vocab::kSsn, "hasSubSystem").value;
  for (const rdf::Term& part : objects_of(quads, sub_system)) {
    parts.push_back(node_json(part.value, service.graph.describe(part.value)));
  }
  send_json(res, 200, {{"iri", iri}, {"properties", node_json(iri, quads)}, {"parts", parts}});
}

void delete_device(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write)) return;
  const std::string iri = req.matches[1];
  send_removal(req, res, service.graph.delete_device(iri), fmt::format("device <{}>", iri));
}

}  // namespace

void add_device_routes(httplib::Server& http, Service& service) {
  http.Get("/api/devices", with_service(service, list_devices));
  http.Post("/api/devices", with_service(service, add_device));
  // The IRI arrives percent-encoded; httplib decodes the path before matching.
  http.Get("/api/devices/(.+)", with_service(service, get_device));
  http.Delete("/api/devices/(.+)",
              with_service(service, delete_device));
}

}  // namespace tinykg::server
