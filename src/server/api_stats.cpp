// Small read-only routes: GET /api/stats (graph size) and
// GET /api/openapi.json (the API description, openapi.cpp).
#include <httplib.h>

#include "server/service.h"

namespace tinykg::server {

void add_stats_routes(httplib::Server& http, Service& service) {
  http.Get("/api/stats", [&service](const httplib::Request& req, httplib::Response& res) {
    if (!service.authorize_read(req, res)) return;
    kg::GraphStats stats = service.graph.stats();
    send_json(res, 200,
              {{"quads", stats.quads}, {"models", stats.models}, {"devices", stats.devices}});
  });
  // Always open: a client needs the description to learn how to authenticate.
  http.Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, openapi_document());
  });
}

}  // namespace tinykg::server
