// The WoT Discovery directory (/things, /search/sparql, /events) over
// loopback: registration round trips, validation problems with JSON
// pointers, paging, negotiation, expiry and Server-Sent Events.
#include <chrono>
#include <thread>

#include "kg/td/validation.h"
#include "server_fixture.h"

namespace tinykg::server::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

json thing(const std::string& id, const std::string& title) {
  json td = {{"@context", "https://www.w3.org/2022/wot/td/v1.1"},
             {"title", title},
             {"securityDefinitions", {{"nosec_sc", {{"scheme", "nosec"}}}}},
             {"security", "nosec_sc"},
             {"properties",
              {{"temperature",
                {{"type", "number"},
                 {"readOnly", true},
                 {"forms", json::array({{{"href", "https://example.com/t"}}})}}}}}};
  if (!id.empty()) td["id"] = id;
  return td;
}

class Things : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    writer_ = bearer(token(Role::Write));
  }
  httplib::Result put(const std::string& id, const json& td) {
    return client().Put("/things/" + url_encode(id), writer_, td.dump(), "application/td+json");
  }
  httplib::Result get(const std::string& id, const std::string& accept = "") {
    httplib::Headers h;
    if (!accept.empty()) h.emplace("Accept", accept);
    return client().Get("/things/" + url_encode(id), h);
  }
  // The validation problem's errors, after checking its shape.
  static json validation_errors(const httplib::Result& res) {
    expect_problem(res, 400);
    json body = json_body(res);
    EXPECT_TRUE(body.contains("validationErrors")) << res->body;
    return body.value("validationErrors", json::array());
  }
  static bool has_field(const json& errors, const std::string& pointer) {
    return std::any_of(errors.begin(), errors.end(), [&](const json& e) {
      return e.value("field", "?") == pointer && !e.value("description", "").empty();
    });
  }

  httplib::Headers writer_;
};

TEST_F(Things, PutGetReplaceAndHead) {
  const std::string id = "urn:uuid:6a7c9d4e-0000-4000-8000-000000000001";
  auto created = put(id, thing(id, "Kitchen sensor"));
  ASSERT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(created->get_header_value("Location"), "/things/" + id);

  auto got = get(id);
  ASSERT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(got->get_header_value("Content-Type"), "application/td+json");
  json td = json_body(got);
  EXPECT_EQ(td["title"], "Kitchen sensor");
  EXPECT_EQ(td["id"], id);
  EXPECT_FALSE(td["registration"].value("created", "").empty()) << got->body;
  EXPECT_NE(std::find(td["@context"].begin(), td["@context"].end(),
                      "https://www.w3.org/2022/wot/discovery"),
            td["@context"].end());
  // What the directory serves is a valid TD (the registration member included).
  EXPECT_TRUE(kg::td::validate_td(td).empty()) << got->body;
  const std::string created_at = td["registration"]["created"];

  // Sending the served TD back (registration and all) replaces it.
  td["title"] = "Kitchen sensor v2";
  auto replaced = put(id, td);
  EXPECT_EQ(replaced->status, 204) << replaced->body;
  json again = json_body(get(id));
  EXPECT_EQ(again["title"], "Kitchen sensor v2");
  EXPECT_EQ(again["registration"]["created"], created_at);
  EXPECT_EQ(graph_->stats().devices, 1u);

  auto head = client().Head("/things/" + url_encode(id));
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(client().Head("/things")->status, 200);
}

TEST_F(Things, WritesNeedTheWriteToken) {
  const uint64_t before = quads();
  auto anonymous = client().Put("/things/urn:x:1", thing("urn:x:1", "x").dump(), "application/td+json");
  expect_problem(anonymous, 401);
  auto reader = client().Put("/things/urn:x:1", bearer(token(Role::Read)),
                             thing("urn:x:1", "x").dump(), "application/td+json");
  expect_problem(reader, 403);
  EXPECT_EQ(quads(), before);
}

TEST_F(Things, InvalidTdsAreRejectedWithPointersAndStoreNothing) {
  const uint64_t before = quads();
  json no_title = thing("urn:x:2", "");
  no_title.erase("title");
  EXPECT_TRUE(has_field(validation_errors(put("urn:x:2", no_title)), ""));

  json bad_security = thing("urn:x:2", "t");
  bad_security["security"] = json::array({"basic_sc"});
  EXPECT_TRUE(has_field(validation_errors(put("urn:x:2", bad_security)), "/security/0"));

  json wrong_type = thing("urn:x:2", "t");
  wrong_type["properties"]["temperature"]["readOnly"] = "yes";
  EXPECT_TRUE(
      has_field(validation_errors(put("urn:x:2", wrong_type)), "/properties/temperature/readOnly"));

  json other_id = thing("urn:x:3", "t");
  EXPECT_TRUE(has_field(validation_errors(put("urn:x:2", other_id)), "/id"));

  auto broken = client().Put("/things/urn:x:2", writer_, "{\"title\": ", "application/td+json");
  json errors = validation_errors(broken);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].value("description", "").find("line 1"), std::string::npos) << broken->body;

  expect_problem(client().Put("/things/urn:x:2", writer_, thing("", "t").dump(), "text/plain"), 415);
  EXPECT_EQ(quads(), before);
  expect_problem(get("urn:x:2"), 404);
}

TEST_F(Things, AnonymousTdsGetAnId) {
  auto created = client().Post("/things", writer_, thing("", "Anonymous").dump(),
                               "application/td+json");
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string location = created->get_header_value("Location");
  ASSERT_TRUE(location.starts_with("/things/urn:uuid:")) << location;
  auto got = client().Get(location);
  ASSERT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(json_body(got)["id"], location.substr(std::string("/things/").size()));

  auto with_id = client().Post("/things", writer_, thing("urn:x:4", "t").dump(),
                               "application/td+json");
  EXPECT_TRUE(has_field(validation_errors(with_id), "/id"));
}

TEST_F(Things, MergePatch) {
  const std::string id = "urn:x:5";
  ASSERT_EQ(put(id, thing(id, "Before"))->status, 201);
  auto patched = client().Patch("/things/" + id, writer_,
                                R"({"title": "After", "description": "patched"})",
                                "application/merge-patch+json");
  EXPECT_EQ(patched->status, 204) << patched->body;
  json td = json_body(get(id));
  EXPECT_EQ(td["title"], "After");
  EXPECT_EQ(td["description"], "patched");
  EXPECT_TRUE(td["properties"].contains("temperature"));

  // A patch that would make the TD invalid changes nothing.
  auto invalid = client().Patch("/things/" + id, writer_, R"({"title": 5})",
                                "application/merge-patch+json");
  EXPECT_TRUE(has_field(validation_errors(invalid), "/title"));
  EXPECT_EQ(json_body(get(id))["title"], "After");

  expect_problem(client().Patch("/things/" + id, writer_, R"({"title": "x"})", "application/json"),
                 415);
  expect_problem(client().Patch("/things/urn:x:none", writer_, R"({"title": "x"})",
                                "application/merge-patch+json"),
                 404);
}

TEST_F(Things, Delete) {
  const std::string id = "urn:x:6";
  ASSERT_EQ(put(id, thing(id, "Doomed"))->status, 201);
  auto removed = client().Delete("/things/" + id, writer_);
  EXPECT_EQ(removed->status, 204) << removed->body;
  expect_problem(get(id), 404);
  expect_problem(client().Delete("/things/" + id, writer_), 404);
  EXPECT_EQ(graph_->stats().devices, 0u);
}

TEST_F(Things, ListingPagesWithLinkHeaders) {
  for (int i = 0; i < 5; ++i) {
    std::string id = "urn:x:list-" + std::to_string(i);
    ASSERT_EQ(put(id, thing(id, "T" + std::to_string(i)))->status, 201);
  }
  auto first = client().Get("/things?limit=2");
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(first->get_header_value("Content-Type"), "application/ld+json");
  json page = json_body(first);
  ASSERT_TRUE(page.is_array());
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0]["id"], "urn:x:list-0");
  EXPECT_EQ(first->get_header_value("Link"), "</things?offset=2&limit=2>; rel=\"next\"");

  auto last = client().Get("/things?limit=2&offset=4");
  EXPECT_EQ(json_body(last).size(), 1u);
  EXPECT_FALSE(last->has_header("Link"));

  json collection = json_body(client().Get("/things?limit=2&offset=2&format=collection"));
  EXPECT_EQ(collection["@type"], "ThingCollection");
  EXPECT_EQ(collection["total"], 5);
  ASSERT_EQ(collection["members"].size(), 2u);
  EXPECT_EQ(collection["members"][0]["id"], "urn:x:list-2");
  EXPECT_EQ(collection["next"], "/things?offset=4&limit=2&format=collection");

  expect_problem(client().Get("/things?format=table"), 400);
  expect_problem(client().Get("/things?limit=-1"), 400);
}

TEST_F(Things, ContentNegotiation) {
  const std::string id = "urn:x:7";
  ASSERT_EQ(put(id, thing(id, "Negotiated"))->status, 201);
  auto turtle = get(id, "text/turtle");
  ASSERT_EQ(turtle->status, 200);
  EXPECT_TRUE(turtle->get_header_value("Content-Type").starts_with("text/turtle"));
  EXPECT_NE(turtle->body.find("Negotiated"), std::string::npos) << turtle->body;
  auto nquads = get(id, "application/n-quads");
  ASSERT_EQ(nquads->status, 200);
  EXPECT_NE(nquads->body.find("<urn:x:7> <https://www.w3.org/2019/wot/td#title> \"Negotiated\""),
            std::string::npos)
      << nquads->body;
  EXPECT_EQ(get(id, "application/ld+json")->get_header_value("Content-Type"),
            "application/ld+json");
  expect_problem(get(id, "image/png"), 406);
}

TEST_F(Things, TurtleBoardsAreServedAsValidTds) {
  auto added = graph_->add_device_file(tinykg::testing::source_dir() +
                                       "/data/reference/devices/arduino_nano_ble_33.ttl");
  ASSERT_TRUE(added.ok()) << added.error();
  const std::string id = "http://tinyml-schema.org/tinyml-demo/arduino_nano_ble_33-322-000-000-002";
  auto got = get(id);
  ASSERT_EQ(got->status, 200) << got->body;
  json td = json_body(got);
  EXPECT_TRUE(kg::td::validate_td(td).empty()) << got->body;
  EXPECT_EQ(td["mcu"]["freeRam"], "172 kB");
  EXPECT_EQ(json_body(client().Get("/things")).size(), 1u);
}

TEST_F(Things, ExpiredRegistrationsArePurged) {
  const std::string id = "urn:x:8";
  json td = thing(id, "Short-lived");
  td["registration"] = {{"ttl", 1}};
  ASSERT_EQ(put(id, td)->status, 201);
  json served = json_body(get(id));
  EXPECT_EQ(served["registration"]["ttl"], 1);
  EXPECT_FALSE(served["registration"].value("expires", "").empty()) << served.dump();

  json bad_ttl = thing("urn:x:9", "t");
  bad_ttl["registration"] = {{"ttl", "soon"}};
  EXPECT_TRUE(has_field(validation_errors(put("urn:x:9", bad_ttl)), "/registration/ttl"));

  std::this_thread::sleep_for(2500ms);
  expect_problem(get(id), 404);
  EXPECT_EQ(json_body(client().Get("/things")).size(), 0u);
  EXPECT_EQ(graph_->stats().devices, 0u);
}

TEST_F(Things, SearchSparql) {
  const std::string id = "urn:x:10";
  ASSERT_EQ(put(id, thing(id, "Searchable"))->status, 201);
  const std::string query =
      "SELECT ?title WHERE { ?t <https://www.w3.org/2019/wot/td#title> ?title }";
  auto res = client().Get("/search/sparql?query=" + url_encode(query));
  ASSERT_EQ(res->status, 200) << res->body;
  json body = json_body(res);
  ASSERT_EQ(body["results"]["bindings"].size(), 1u) << res->body;
  EXPECT_EQ(body["results"]["bindings"][0]["title"]["value"], "Searchable");

  auto posted = client().Post("/search/sparql", query, "application/sparql-query");
  EXPECT_EQ(posted->status, 200) << posted->body;
  expect_problem(client().Post("/search/sparql", writer_, "DROP ALL", "application/sparql-update"),
                 400);
  EXPECT_EQ(graph_->stats().devices, 1u);
}

// Reads `path` as Server-Sent Events until `count` events arrived (or 10 s).
std::vector<json> read_events(int port, const std::string& path, size_t count,
                              const httplib::Headers& headers = {}) {
  httplib::Client sse("127.0.0.1", port);
  sse.set_read_timeout(10, 0);
  std::string text;
  std::vector<json> events;
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  sse.Get(path, headers, [&](const char* data, size_t size) {
    text.append(data, size);
    for (size_t end; (end = text.find("\n\n")) != std::string::npos; text.erase(0, end + 2)) {
      json event;
      std::istringstream lines(text.substr(0, end));
      for (std::string line; std::getline(lines, line);) {
        size_t colon = line.find(": ");
        if (colon == std::string::npos || colon == 0) continue;
        std::string field = line.substr(0, colon), value = line.substr(colon + 2);
        event[field] = field == "data" ? json::parse(value) : json(value);
      }
      if (!event.empty()) events.push_back(event);
    }
    return events.size() < count && std::chrono::steady_clock::now() < deadline;
  });
  return events;
}

TEST_F(Things, EventsStreamChangesAndResumeWithLastEventId) {
  client();  // starts the server
  std::vector<json> live;
  std::thread listener([&] { live = read_events(port_, "/events?diff=true", 3); });
  std::this_thread::sleep_for(300ms);  // the subscription is open before the changes
  const std::string id = "urn:x:11";
  ASSERT_EQ(put(id, thing(id, "Evented"))->status, 201);
  ASSERT_EQ(client().Patch("/things/" + id, writer_, R"({"title": "Evented 2"})",
                           "application/merge-patch+json")->status, 204);
  ASSERT_EQ(client().Delete("/things/" + id, writer_)->status, 204);
  listener.join();

  ASSERT_EQ(live.size(), 3u);
  EXPECT_EQ(live[0]["event"], "thing_created");
  EXPECT_EQ(live[0]["data"]["title"], "Evented");  // diff=true: the whole TD
  EXPECT_EQ(live[1]["event"], "thing_updated");
  EXPECT_EQ(live[1]["data"], json({{"id", id}, {"title", "Evented 2"}}));  // the merge patch
  EXPECT_EQ(live[2]["event"], "thing_deleted");
  EXPECT_EQ(live[2]["data"], json({{"id", id}}));

  // Resuming after the first event replays the others; a typed stream
  // carries its type only, and without diff just the id.
  auto resumed = read_events(port_, "/events", 2, {{"Last-Event-ID", live[0]["id"]}});
  ASSERT_EQ(resumed.size(), 2u);
  EXPECT_EQ(resumed[0]["event"], "thing_updated");
  EXPECT_EQ(resumed[0]["data"], json({{"id", id}}));
  auto deleted = read_events(port_, "/events/thing_deleted", 1, {{"Last-Event-ID", "0"}});
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(deleted[0]["event"], "thing_deleted");
}

}  // namespace
}  // namespace tinykg::server::testing
