// W3C WoT Discovery, Directory API (https://www.w3.org/TR/wot-discovery/#exploration-directory-api)
// over the TDs in the graph (thing_directory.h):
//   GET    /things?offset&limit&format=array|collection   listing, Link rel="next"
//   POST   /things                 anonymous TD (no "id"); 201 + Location of the assigned urn:uuid
//   PUT    /things/{id}            create (201) or replace (204)
//   GET    /things/{id}            the TD with registration info; also Turtle / N-Quads
//   PATCH  /things/{id}            JSON merge patch (application/merge-patch+json), 204
//   DELETE /things/{id}            204
//   GET|POST /search/sparql        SPARQL query over the graph (SPARQL 1.1 Protocol)
//   GET    /events[/thing_created|thing_updated|thing_deleted]?diff=true   Server-Sent Events
// HEAD answers every GET (httplib routes HEAD to GET handlers without the
// body). Writes need the write token; an invalid TD is a 400 problem whose
// "validationErrors" list the JSON pointer and a sentence per fault.
#include <sstream>

#include <httplib.h>

#include "kg/td/thing_description.h"
#include "server/negotiation.h"
#include "server/problem.h"
#include "server/service.h"
#include "server/thing_directory.h"

namespace tinykg::server {
namespace {

using nlohmann::json;

constexpr std::string_view kTdJson = "application/td+json";

// RFC 3986 unreserved plus ':' (so urn:uuid ids stay readable) kept as is.
std::string encode_id(std::string_view id) {
  std::string out;
  for (unsigned char c : id) {
    if (std::isalnum(c) || std::string_view("-._~:").find(char(c)) != std::string_view::npos) {
      out += char(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

void send_td_json(httplib::Response& res, int status, const json& body, std::string_view type) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                  std::string(type).c_str());
}

// Purges expired TDs before every directory request, so that nothing expired is ever served.
bool purge(Service& service, const httplib::Request& req, httplib::Response& res) {
  auto purged = service.things->purge_expired();
  if (!purged.ok()) send_problem(req, res, 500, purged.error());
  return purged.ok();
}

void send_validation_problem(const httplib::Request& req, httplib::Response& res,
                             const std::vector<kg::td::TdProblem>& problems) {
  send_problem(req, res, 400,
               "invalid Thing Description: " + kg::td::TdValidation{{}, problems}.summary());
  json body = json::parse(res.body);
  body["validationErrors"] = json::array();
  for (const auto& p : problems) {
    body["validationErrors"].push_back({{"field", p.pointer},
                                       {"description", p.message}});
  }
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                  std::string(kProblemJson).c_str());
}

// The request body as a TD: JSON (problem with line and column when broken).
std::optional<json> read_td_body(const httplib::Request& req, httplib::Response& res,
                                 std::initializer_list<std::string_view> types) {
  const std::string type = media_type(req.get_header_value("Content-Type"));
  if (std::find(types.begin(), types.end(), type) == types.end()) {
    std::string allowed;
    for (std::string_view t : types) allowed += (allowed.empty() ? "" : ", ") + std::string(t);
    send_problem(req, res, 415, fmt::format("send the body as {}", allowed));
    return std::nullopt;
  }
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    // validate_td_text names the line and column of the fault.
    send_validation_problem(req, res, kg::td::validate_td_text(req.body).problems);
    return std::nullopt;
  }
  return body;
}

// Answers a write: 201 + Location when created, 204 when replaced.
void answer_write(const httplib::Request& req, httplib::Response& res,
                  const Result<ThingWrite>& written) {
  if (!written.ok()) {
    send_problem(req, res, 500, written.error());
  } else if (!written->problems.empty()) {
    send_validation_problem(req, res, written->problems);
  } else {
    res.status = written->created ? 201 : 204;
    if (written->created) res.set_header("Location", "/things/" + encode_id(written->id));
  }
}

void list_things(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res) || !purge(service, req, res)) return;
  auto page = page_params(req, res);
  if (!page) return;
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "array";
  if (format != "array" && format != "collection") {
    send_problem(req, res, 400, fmt::format("format must be 'array' or 'collection', not '{}'", format));
    return;
  }
  auto ids = service.things->ids();
  if (!ids.ok()) {
    send_problem(req, res, 500, ids.error());
    return;
  }
  json members = json::array();
  for (size_t i = page->offset; i < ids->size() && members.size() < page->limit; ++i) {
    auto record = service.things->get((*ids)[i]);
    if (!record.ok()) {
      send_problem(req, res, 500, record.error());
      return;
    }
    if (*record) members.push_back(ThingDirectory::enriched(**record));
  }
  auto link = [&](size_t offset) {
    return fmt::format("/things?offset={}&limit={}{}", offset, page->limit,
                       format == "collection" ? "&format=collection" : "");
  };
  const bool more = page->offset + page->limit < ids->size();
  if (more) res.set_header("Link", fmt::format("<{}>; rel=\"next\"", link(page->offset + page->limit)));
  if (format == "array") {
    send_td_json(res, 200, members, "application/ld+json");
    return;
  }
  json collection = {{"@context", kDiscoveryContext},
                     {"@type", "ThingCollection"},
                     {"@id", link(page->offset)},
                     {"total", ids->size()},
                     {"members", std::move(members)}};
  if (more) collection["next"] = link(page->offset + page->limit);
  send_td_json(res, 200, collection, "application/ld+json");
}

void create_anonymous(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write) || !purge(service, req, res)) return;
  auto td = read_td_body(req, res, {kTdJson, "application/json", "application/ld+json"});
  if (!td) return;
  if (td->is_object() && td->contains("id")) {
    send_validation_problem(req, res, {{"/id", "an anonymous TD (POST /things) must not have an "
                                               "id; register it with PUT /things/{id}"}});
    return;
  }
  answer_write(req, res, service.things->put(kg::td::fresh_thing_id(), std::move(*td)));
}

void put_thing(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write) || !purge(service, req, res)) return;
  auto td = read_td_body(req, res, {kTdJson, "application/json", "application/ld+json"});
  if (!td) return;
  answer_write(req, res, service.things->put(req.matches[1], std::move(*td)));
}

void patch_thing(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write) || !purge(service, req, res)) return;
  auto patch = read_td_body(req, res, {"application/merge-patch+json"});
  if (!patch) return;
  const std::string id = req.matches[1];
  auto written = service.things->patch(id, *patch);
  if (written.ok() && !*written) {
    send_problem(req, res, 404, fmt::format("no thing <{}>", id));
    return;
  }
  if (!written.ok()) {
    answer_write(req, res, written.failure());
    return;
  }
  answer_write(req, res, std::move(**written));
}

void get_thing(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res) || !purge(service, req, res)) return;
  constexpr std::array<std::string_view, 5> kTypes = {
      kTdJson, "application/ld+json", "application/json", "text/turtle", "application/n-quads"};
  auto chosen = negotiate(req.get_header_value("Accept"), kTypes);
  if (!chosen) {
    send_problem(req, res, 406,
                 "a thing is available as application/td+json, application/ld+json, "
                 "application/json, text/turtle and application/n-quads");
    return;
  }
  const std::string id = req.matches[1];
  auto record = service.things->get(id);
  if (!record.ok()) {
    send_problem(req, res, 500, record.error());
    return;
  }
  if (!*record) {
    send_problem(req, res, 404, fmt::format("no thing <{}>", id));
    return;
  }
  if (*chosen == "text/turtle" || *chosen == "application/n-quads") {
    auto quads = kg::td::device_quads(service.graph, id);
    if (!quads.ok()) {
      send_problem(req, res, 500, quads.error());
      return;
    }
    std::ostringstream body;
    {
      rdf::RdfWriter writer(body, *chosen == "text/turtle" ? rdf::Syntax::Turtle
                                                           : rdf::Syntax::NQuads);
      for (const rdf::Quad& q : *quads) writer.write(q);
    }
    res.set_content(body.str(), fmt::format("{}; charset=utf-8", *chosen).c_str());
    return;
  }
  send_td_json(res, 200, ThingDirectory::enriched(**record), *chosen);
}

void delete_thing(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write) || !purge(service, req, res)) return;
  const std::string id = req.matches[1];
  auto removed = service.things->remove(id);
  if (!removed.ok()) {
    send_problem(req, res, 500, removed.error());
  } else if (!*removed) {
    send_problem(req, res, 404, fmt::format("no thing <{}>", id));
  } else {
    res.status = 204;
  }
}

// The Search API's SPARQL flavour is the SPARQL protocol, read-only.
void search_sparql(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res) || !purge(service, req, res)) return;
  if (req.has_param("update") ||
      media_type(req.get_header_value("Content-Type")) == "application/sparql-update") {
    send_problem(req, res, 400, "the search API answers queries only; updates go to /sparql");
    return;
  }
  answer_sparql_request(service, req, res);
}

// Server-Sent Events: "event: <type>", "id: <n>", "data: <json>". A client
// that reconnects with Last-Event-ID gets the events it missed (of the last 1000).
void thing_events(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  const std::string type = req.matches.size() > 1 ? std::string(req.matches[1]) : "";
  const bool diff = req.get_param_value("diff") == "true";
  uint64_t last = 0;
  if (req.has_header("Last-Event-ID")) {
    try {
      last = std::stoull(req.get_header_value("Last-Event-ID"));
    } catch (const std::exception&) {
      send_problem(req, res, 400, "Last-Event-ID must be an event id this server sent");
      return;
    }
  }
  res.set_header("Cache-Control", "no-cache");
  if (req.method == "HEAD") {
    res.set_content("", "text/event-stream");
    return;
  }
  std::shared_ptr<ThingDirectory> things = service.things;
  auto last_sent = std::make_shared<uint64_t>(last);
  res.set_chunked_content_provider(
      "text/event-stream", [things, type, diff, last_sent](size_t, httplib::DataSink& sink) {
        things->wait_for_event(*last_sent, std::chrono::milliseconds(500));
        if (things->closed()) {
          sink.done();
          return true;
        }
        std::string out;
        for (const ThingEvent& e : things->events_after(*last_sent)) {
          *last_sent = e.id;
          if (!type.empty() && e.type != type) continue;
          json data = diff ? e.diff : json{{"id", e.thing}};
          out += fmt::format("event: {}\nid: {}\ndata: {}\n\n", e.type, e.id,
                             data.dump(-1, ' ', false, json::error_handler_t::replace));
        }
        // A comment line now and then finds clients that went away.
        if (out.empty()) out = ":\n\n";
        return sink.write(out.data(), out.size());
      });
}

}  // namespace

void add_thing_routes(httplib::Server& http, Service& service) {
  service.things = std::make_shared<ThingDirectory>(service.graph);
  http.Get("/things", with_service(service, list_things));
  http.Post("/things", with_service(service, create_anonymous));
  // The id arrives percent-encoded; httplib decodes the path before matching.
  http.Get("/things/(.+)", with_service(service, get_thing));
  http.Put("/things/(.+)", with_service(service, put_thing));
  http.Patch("/things/(.+)", with_service(service, patch_thing));
  http.Delete("/things/(.+)", with_service(service, delete_thing));
  http.Get("/search/sparql", with_service(service, search_sparql));
  http.Post("/search/sparql", with_service(service, search_sparql));
  http.Get("/events", with_service(service, thing_events));
  http.Get("/events/(thing_created|thing_updated|thing_deleted)",
           with_service(service, thing_events));
}

void close_event_streams(Service& service) {
  if (service.things) service.things->close();
}

}  // namespace tinykg::server
