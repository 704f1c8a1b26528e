// JSON API for deployment campaigns (contracts.md §3, src/deploy/):
//   POST /api/deployments                 start a campaign -> 202 {"id", "href"}
//   GET  /api/deployments                 {"items": [<campaign summary>...]}
//   GET  /api/deployments/{id}            <campaign summary>
//   GET  /api/deployments/{id}/events     Server-Sent Events: "progress" on change, then "done"
//   POST /api/deployments/{id}/pause|resume|cancel|retry   -> 200 <campaign summary>
//   POST /api/deployments/{id}/rollback   a campaign sending each device its previous model -> 202
// Campaigns started here run in this server process; one started by the CLI
// is visible (from the graph) but runs in the CLI process until resumed here.
#include <chrono>
#include <memory>
#include <thread>

#include <httplib.h>

#include "deploy/deployments.h"
#include "server/problem.h"
#include "server/service.h"

namespace tinykg::server {
namespace {

using nlohmann::json;

// The options of a POST body over the defaults; a message on a bad value.
std::string read_options(const json& body, deploy::CampaignOptions& o) {
  try {
    if (body.contains("canary")) o.canary = body["canary"].get<size_t>();
    if (body.contains("wave_growth")) o.wave_growth = body["wave_growth"].get<double>();
    if (body.contains("concurrency")) o.concurrency = body["concurrency"].get<size_t>();
    if (body.contains("max_failures")) o.max_failures = body["max_failures"].get<size_t>();
    if (body.contains("max_failure_rate")) o.max_failure_rate = body["max_failure_rate"].get<double>();
    if (body.contains("retries")) o.retries = body["retries"].get<int>();
    if (body.contains("timeout_ms")) o.timeout_ms = body["timeout_ms"].get<uint64_t>();
    if (body.contains("backoff_ms")) o.backoff_ms = body["backoff_ms"].get<uint64_t>();
    if (body.contains("wave_success")) o.wave_success = body["wave_success"].get<double>();
    // One window as a string, or several as an array (maintenance_window.h syntax, UTC).
    if (body.contains("windows")) {
      const json& w = body["windows"];
      o.windows = w.is_string() ? std::vector<std::string>{w.get<std::string>()}
                                : w.get<std::vector<std::string>>();
    }
  } catch (const json::exception&) {
    return "canary, concurrency, max_failures, retries, timeout_ms and backoff_ms must be "
           "non-negative integers; wave_growth, max_failure_rate and wave_success numbers; "
           "windows a string or an array of strings such as \"Mon-Fri 22:00-04:00\"";
  }
  return deploy::check_options(o);
}

std::optional<json> json_body(const httplib::Request& req, httplib::Response& res) {
  json body = json::parse(req.body.empty() ? "{}" : req.body, nullptr, false);
  if (!body.is_object()) {
    send_problem(req, res, 400, "the request body must be a JSON object");
    return std::nullopt;
  }
  return body;
}

void send_created(httplib::Response& res, const deploy::Campaign& c) {
  const std::string href = "/api/deployments/" + c.id;
  res.set_header("Location", href);
  send_json(res, 202, {{"id", c.id}, {"href", href}});
}

void create(Service& service, deploy::Deployments& deployments, const httplib::Request& req,
            httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write)) return;
  auto body = json_body(req, res);
  if (!body) return;
  deploy::CampaignRequest request;
  if (!body->contains("model") || !(*body)["model"].is_string()) {
    return send_problem(req, res, 400, "give the model to deploy: {\"model\": \"<uuid or name>\"}");
  }
  request.model = (*body)["model"].get<std::string>();
  if (body->value("target", "") == "fitting") {
    request.fitting = true;
  } else if (body->contains("devices") && (*body)["devices"].is_array()) {
    for (const json& d : (*body)["devices"]) {
      if (!d.is_string()) return send_problem(req, res, 400, "devices must be an array of IRIs");
      request.devices.push_back(d.get<std::string>());
    }
  } else {
    return send_problem(req, res, 400,
                        "give the target: \"devices\": [\"<iri>\", ...] or \"target\": \"fitting\"");
  }
  if (std::string bad = read_options(*body, request.options); !bad.empty()) {
    return send_problem(req, res, 400, bad);
  }
  auto campaign = deployments.create(request);
  if (!campaign) return send_problem(req, res, 400, campaign.error());
  send_created(res, *campaign);
}

// pause / resume / cancel / retry: 404 for an unknown campaign, 409 when the
// campaign's state does not allow the action.
void act(Service& service, deploy::Deployments& deployments, const httplib::Request& req,
         httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write)) return;
  const std::string id = req.matches[1], action = req.matches[2];
  auto existing = deployments.get(id);
  if (!existing) return send_problem(req, res, 404, existing.error());
  Result<deploy::Campaign> after = action == "pause"    ? deployments.pause(id)
                                   : action == "resume" ? deployments.resume(id)
                                   : action == "cancel" ? deployments.cancel(id)
                                                        : deployments.retry(id);
  if (!after) return send_problem(req, res, 409, after.error());
  send_json(res, 200, after->summary());
}

void rollback(Service& service, deploy::Deployments& deployments, const httplib::Request& req,
              httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write)) return;
  auto body = json_body(req, res);
  if (!body) return;
  const std::string id = req.matches[1];
  auto existing = deployments.get(id);
  if (!existing) return send_problem(req, res, 404, existing.error());
  deploy::CampaignOptions options = existing->options;
  if (std::string bad = read_options(*body, options); !bad.empty()) {
    return send_problem(req, res, 400, bad);
  }
  auto campaign = deployments.rollback(id, options);
  if (!campaign) return send_problem(req, res, 409, campaign.error());
  send_created(res, *campaign);
}

bool final_status(deploy::CampaignStatus s) {
  return s == deploy::CampaignStatus::Completed || s == deploy::CampaignStatus::Failed ||
         s == deploy::CampaignStatus::Cancelled;
}

// Streams "progress" events while the campaign changes and "done" once it has
// finished (or when this process does not run it: then nothing will change).
void events(Service& service, const std::shared_ptr<deploy::Deployments>& deployments,
            const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  const std::string id = req.matches[1];
  auto first = deployments->get(id);
  if (!first) return send_problem(req, res, 404, first.error());
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Accel-Buffering", "no");
  struct Stream {
    uint64_t version = ~uint64_t{0};
    bool done = false;
  };
  auto stream = std::make_shared<Stream>();
  res.set_chunked_content_provider(
      "text/event-stream", [deployments, id, stream](size_t, httplib::DataSink& sink) {
        if (stream->done) {
          sink.done();
          return true;
        }
        using namespace std::chrono_literals;
        uint64_t now = stream->version == ~uint64_t{0}
                           ? 0
                           : deployments->wait_change(id, stream->version, 15s);
        if (now == stream->version) {
          // Nothing happened: a comment keeps proxies from closing the stream
          // and tells us whether the client is still there.
          return sink.write(": keep-alive\n\n", 14);
        }
        stream->version = now;
        std::this_thread::sleep_for(50ms);  // coalesce a burst of device updates into one event
        stream->version = deployments->wait_change(id, stream->version, 0ms);
        auto campaign = deployments->get(id);
        if (!campaign) return false;
        std::string data = campaign->summary().dump();
        std::string text = "event: progress\ndata: " + data + "\n\n";
        const bool finished =
            final_status(campaign->status) ||
            (!deployments->running_here(id) && campaign->status != deploy::CampaignStatus::Paused);
        if (finished) {
          text += "event: done\ndata: " + data + "\n\n";
          stream->done = true;
        }
        return sink.write(text.data(), text.size());
      });
}

}  // namespace

void add_deployment_routes(httplib::Server& http, Service& service) {
  // Owned by the route handlers, so it lives exactly as long as the server's
  // routes; its destructor stops the campaigns running here (they stay
  // "running" in the graph and can be resumed).
  auto deployments = std::make_shared<deploy::Deployments>(service.graph);
  http.Post("/api/deployments", [&service, deployments](const httplib::Request& req,
                                                        httplib::Response& res) {
    create(service, *deployments, req, res);
  });
  http.Get("/api/deployments", [&service, deployments](const httplib::Request& req,
                                                       httplib::Response& res) {
    if (!service.authorize_read(req, res)) return;
    auto list = deployments->list();
    if (!list) return send_problem(req, res, 500, list.error());
    json items = json::array();
    for (const deploy::Campaign& c : *list) items.push_back(c.summary());
    send_json(res, 200, {{"items", std::move(items)}});
  });
  http.Get(R"(/api/deployments/([A-Za-z0-9-]+))", [&service, deployments](
                                                      const httplib::Request& req,
                                                      httplib::Response& res) {
    if (!service.authorize_read(req, res)) return;
    auto c = deployments->get(req.matches[1]);
    if (!c) return send_problem(req, res, 404, c.error());
    send_json(res, 200, c->summary());
  });
  http.Get(R"(/api/deployments/([A-Za-z0-9-]+)/events)",
           [&service, deployments](const httplib::Request& req, httplib::Response& res) {
             events(service, deployments, req, res);
           });
  http.Post(R"(/api/deployments/([A-Za-z0-9-]+)/(pause|resume|cancel|retry))",
            [&service, deployments](const httplib::Request& req, httplib::Response& res) {
              act(service, *deployments, req, res);
            });
  http.Post(R"(/api/deployments/([A-Za-z0-9-]+)/rollback)",
            [&service, deployments](const httplib::Request& req, httplib::Response& res) {
              rollback(service, *deployments, req, res);
            });
}

}  // namespace tinykg::server
