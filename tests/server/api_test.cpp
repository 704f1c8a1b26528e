// JSON API round trips under /api; every response is also checked against
// the OpenAPI document the server publishes (status codes and top-level shape).
#include <fstream>
#include <sstream>

#include "server_fixture.h"

namespace tinykg::server::testing {
namespace {

using nlohmann::json;

using ::tinykg::testing::read_file;

std::string reference(const std::string& relative) {
  return tinykg::testing::source_dir() + "/data/reference/" + relative;
}

constexpr const char* kHelloWorldId = "ab3febfc-f38f-4dee-8b90-fbd4e5a4db07";

class Api : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    writer_ = bearer(token(Role::Write));
    openapi_ = json_body(client().Get("/api/openapi.json"));
    ASSERT_EQ(openapi_.value("openapi", ""), "3.1.0");
  }

  const json& schema(const json& maybe_ref) {
    if (!maybe_ref.contains("$ref")) return maybe_ref;
    std::string ref = maybe_ref["$ref"];  // "#/components/<kind>/<name>"
    return openapi_.at(json::json_pointer(ref.substr(1)));
  }

  // The documented responses of `method` on `path` list this status, and a
  // JSON body has the required top-level members of the documented schema.
  void check_documented(const std::string& method, const std::string& path,
                        const httplib::Result& res) {
    ASSERT_TRUE(res);
    const json& responses = openapi_["paths"][path][method]["responses"];
    std::string status = std::to_string(res->status);
    ASSERT_TRUE(responses.contains(status)) << method << " " << path << " answered " << status;
    const json& response = schema(responses[status]);
    if (!response.contains("content")) return;
    for (const auto& [type, media] : response["content"].items()) {
      if (type != "application/json" && type != "application/problem+json") continue;
      EXPECT_EQ(res->get_header_value("Content-Type"), type);
      json body = json_body(res);
      const json& body_schema = schema(media["schema"]);
      EXPECT_EQ(body.type_name(), body_schema.value("type", "object"));
      for (const auto& member : body_schema.value("required", json::array())) {
        EXPECT_TRUE(body.contains(member.get<std::string>()))
            << method << " " << path << ": no '" << member << "' in " << res->body;
      }
    }
  }

  httplib::Result upload_hello_world() {
    return client().Post("/api/models?name=Hello_World", writer_,
                         read_file(reference("models/Hello_World.tflite")),
                         "application/octet-stream");
  }

  httplib::Headers writer_;
  json openapi_;
};

TEST_F(Api, ModelRoundTripRawUpload) {
  auto added = upload_hello_world();
  check_documented("post", "/api/models", added);
  ASSERT_EQ(added->status, 201) << added->body;
  json imported = json_body(added);
  const std::string id = imported["identifier"];
  EXPECT_EQ(imported["name"], "Hello_World");
  EXPECT_EQ(added->get_header_value("Location"), "/api/models/" + id);
  EXPECT_GT(imported["quads_added"].get<int>(), 10);

  auto listed = client().Get("/api/models");
  check_documented("get", "/api/models", listed);
  json list = json_body(listed);
  ASSERT_EQ(list["total"], 1);
  EXPECT_EQ(list["items"][0]["identifier"], id);
  EXPECT_EQ(list["items"][0]["flash_kb"], imported["flash_kb"]);

  auto detail = client().Get("/api/models/" + id);
  check_documented("get", "/api/models/{identifier}", detail);
  json model = json_body(detail);
  EXPECT_EQ(model["name"], "Hello_World");
  ASSERT_EQ(model["layers"].size(), 3u);  // FULLY_CONNECTED x3
  EXPECT_EQ(model["layers"][0]["hasIndex"], 1);
  EXPECT_TRUE(model["estimates"].contains("RAM")) << model["estimates"];
  EXPECT_TRUE(model["estimates"].contains("Flash"));
  EXPECT_DOUBLE_EQ(model["estimates"]["Flash"]["minValue"].get<double>(), 2.472);

  auto deleted = client().Delete("/api/models/" + id, writer_);
  check_documented("delete", "/api/models/{identifier}", deleted);
  EXPECT_EQ(deleted->status, 204);
  EXPECT_EQ(quads(), 0u);  // every node of the description went with it
  auto gone = client().Get("/api/models/" + id);
  check_documented("get", "/api/models/{identifier}", gone);
  expect_problem(gone, 404);
}

TEST_F(Api, MultipartUploadWithCardUsesTheCardsIdentity) {
  httplib::MultipartFormDataItems parts = {
      {"model", read_file(reference("models/Hello_World.tflite")), "Hello_World.tflite",
       "application/octet-stream"},
      {"card", read_file(reference("cards/Hello_World.json")), "Hello_World.json",
       "application/json"}};
  auto added = client().Post("/api/models", writer_, parts);
  check_documented("post", "/api/models", added);
  ASSERT_EQ(added->status, 201) << added->body;
  EXPECT_EQ(json_body(added)["identifier"], kHelloWorldId);
  auto detail = json_body(client().Get(std::string("/api/models/") + kHelloWorldId));
  EXPECT_EQ(detail["properties"]["creator"], "Google");
}

TEST_F(Api, DuplicateUploadIs409) {
  ASSERT_EQ(upload_hello_world()->status, 201);
  uint64_t before = quads();
  auto again = upload_hello_world();
  check_documented("post", "/api/models", again);
  expect_problem(again, 409);
  EXPECT_EQ(quads(), before);
}

TEST_F(Api, NotAModelIs400) {
  auto res = client().Post("/api/models?name=x", writer_, "definitely not flatbuffers",
                           "application/octet-stream");
  check_documented("post", "/api/models", res);
  expect_problem(res, 400);
  EXPECT_EQ(quads(), 0u);
}

TEST_F(Api, ListFiltersAndPages) {
  for (const char* name : {"Hello_World", "Micro_Speech_Yes_No_1", "Magic_Wand_1"}) {
    auto res = client().Post(std::string("/api/models?name=") + name, writer_,
                             read_file(reference(std::string("models/") + name + ".tflite")),
                             "application/octet-stream");
    ASSERT_EQ(res->status, 201) << res->body;
  }
  json page = json_body(client().Get("/api/models?limit=1&offset=1"));
  EXPECT_EQ(page["total"], 3);
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["items"][0]["name"], "Magic_Wand_1");  // ordered by name
  json small = json_body(client().Get("/api/models?max_flash_kb=10"));
  ASSERT_EQ(small["total"], 1);
  EXPECT_EQ(small["items"][0]["name"], "Hello_World");
  json by_name = json_body(client().Get("/api/models?name=Speech"));
  EXPECT_EQ(by_name["total"], 1);
  expect_problem(client().Get("/api/models?limit=lots"), 400);
  expect_problem(client().Get("/api/models?limit=5000"), 400);
}

TEST_F(Api, DeviceRoundTrip) {
  const std::string board = read_file(reference("devices/arduino_nano_ble_33.ttl"));
  auto added = client().Post("/api/devices", writer_, board, "text/turtle");
  check_documented("post", "/api/devices", added);
  ASSERT_EQ(added->status, 201) << added->body;
  EXPECT_GT(json_body(added)["quads_added"].get<int>(), 10);

  auto listed = client().Get("/api/devices?min_ram_kb=1");
  check_documented("get", "/api/devices", listed);
  json list = json_body(listed);
  ASSERT_EQ(list["total"], 1);
  const std::string iri = list["items"][0]["iri"];

  auto detail = client().Get("/api/devices/" + url_encode(iri));
  check_documented("get", "/api/devices/{iri}", detail);
  ASSERT_EQ(detail->status, 200) << detail->body;
  EXPECT_FALSE(json_body(detail)["parts"].empty());

  auto deleted = client().Delete("/api/devices/" + url_encode(iri), writer_);
  check_documented("delete", "/api/devices/{iri}", deleted);
  EXPECT_EQ(deleted->status, 204);
  EXPECT_EQ(quads(), 0u);
  expect_problem(client().Get("/api/devices/" + url_encode(iri)), 404);
}

TEST_F(Api, TurtleWithoutADeviceIs400) {
  auto res = client().Post("/api/devices", writer_, "<http://e/s> <http://e/p> <http://e/o> .",
                           "text/turtle");
  check_documented("post", "/api/devices", res);
  expect_problem(res, 400);
  EXPECT_EQ(quads(), 0u);
}

TEST_F(Api, StatsCountModelsAndDevices) {
  ASSERT_EQ(upload_hello_world()->status, 201);
  auto res = client().Get("/api/stats");
  check_documented("get", "/api/stats", res);
  json stats = json_body(res);
  EXPECT_EQ(stats["models"], 1);
  EXPECT_EQ(stats["devices"], 0);
  EXPECT_EQ(stats["quads"], quads());
}

TEST_F(Api, UnknownRouteIsAProblem) { expect_problem(client().Get("/api/nothing-here"), 404); }

// --- versions, tags, lineage (kg/model_versions.h) ---------------------------

class ModelVersions : public Api {
 protected:
  // Uploads a reference model's bytes under the name "Detector".
  json upload_as_detector(const std::string& file, const std::string& query = "") {
    auto res = client().Post("/api/models?name=Detector" + query, writer_,
                             read_file(reference("models/" + file + ".tflite")),
                             "application/octet-stream");
    check_documented("post", "/api/models", res);
    EXPECT_EQ(res->status, 201) << res->body;
    return json_body(res);
  }
  json detail(const std::string& ref) {
    auto res = client().Get("/api/models/" + ref);
    check_documented("get", "/api/models/{identifier}", res);
    EXPECT_EQ(res->status, 200) << res->body;
    return json_body(res);
  }
  std::vector<int> version_numbers(const json& model) {
    std::vector<int> numbers;
    for (const json& v : model["versions"]) numbers.push_back(v["version"].get<int>());
    return numbers;
  }
};

TEST_F(ModelVersions, SecondUploadOfANameIsVersionTwoLinkedToTheFirst) {
  json first = upload_as_detector("Hello_World");
  json second = upload_as_detector("Magic_Wand_1");
  EXPECT_EQ(first["version"], 1);
  EXPECT_EQ(second["version"], 2);
  EXPECT_NE(first["identifier"], second["identifier"]);  // each upload stays its own model

  json v2 = detail(second["identifier"]);
  EXPECT_EQ(v2["version"], 2);
  EXPECT_EQ(v2["properties"]["previousVersion"], first["iri"]);
  EXPECT_EQ(version_numbers(v2), (std::vector<int>{1, 2}));
  EXPECT_FALSE(detail(first["identifier"])["properties"].contains("previousVersion"));

  // The name resolves to the latest version; ?version= picks another.
  EXPECT_EQ(detail("Detector")["identifier"], second["identifier"]);
  EXPECT_EQ(detail("Detector?version=1")["identifier"], first["identifier"]);
  auto missing = client().Get("/api/models/Detector?version=7");
  check_documented("get", "/api/models/{identifier}", missing);
  expect_problem(missing, 404);

  json list = json_body(client().Get("/api/models?name=Detector"));
  ASSERT_EQ(list["total"], 2);
  EXPECT_EQ(list["items"][0]["version"], 1);
  EXPECT_EQ(list["items"][1]["version"], 2);
}

TEST_F(ModelVersions, TagsAreSetOnUploadAndByRouteWithAToken) {
  json model = upload_as_detector("Hello_World", "&tag=candidate&tag=int8");
  const std::string id = model["identifier"];
  EXPECT_EQ(detail(id)["tags"], json({"candidate", "int8"}));

  const std::string route = "/api/models/" + id + "/tags/production";
  uint64_t before = quads();
  auto anonymous = client().Put(route, "", "text/plain");
  check_documented("put", "/api/models/{identifier}/tags/{tag}", anonymous);
  expect_problem(anonymous, 401);
  expect_problem(client().Put(route, bearer(token(Role::Read)), "", "text/plain"), 403);
  EXPECT_EQ(quads(), before);  // nothing written

  auto tagged = client().Put(route, writer_, "", "text/plain");
  check_documented("put", "/api/models/{identifier}/tags/{tag}", tagged);
  EXPECT_EQ(tagged->status, 204);
  EXPECT_EQ(client().Put(route, writer_, "", "text/plain")->status, 204);  // idempotent
  EXPECT_EQ(quads(), before + 1);
  EXPECT_EQ(detail(id)["tags"], json({"candidate", "int8", "production"}));
  // A tag works as an alias: the latest version of the name carrying it.
  upload_as_detector("Magic_Wand_1");
  EXPECT_EQ(detail("Detector?tag=production")["identifier"], id);
  json tagged_list = json_body(client().Get("/api/models?tag=production"));
  ASSERT_EQ(tagged_list["total"], 1);
  EXPECT_EQ(tagged_list["items"][0]["tags"], json({"candidate", "int8", "production"}));

  auto untagged = client().Delete(route, writer_);
  check_documented("delete", "/api/models/{identifier}/tags/{tag}", untagged);
  EXPECT_EQ(untagged->status, 204);
  EXPECT_EQ(detail(id)["tags"], json({"candidate", "int8"}));
  expect_problem(client().Delete(route, writer_), 404);
  expect_problem(client().Get("/api/models/Detector?tag=production"), 404);
  expect_problem(client().Put("/api/models/" + id + "/tags/no%20spaces", writer_, "", "text/plain"),
                 400);
  expect_problem(client().Put("/api/models/00000000-0000-0000-0000-000000000000/tags/x", writer_,
                              "", "text/plain"),
                 404);
  auto bad_upload = client().Post("/api/models?name=Detector&tag=a%2Fb", writer_,
                                  read_file(reference("models/Micro_Speech_Yes_No_1.tflite")),
                                  "application/octet-stream");
  expect_problem(bad_upload, 400);
}

TEST_F(ModelVersions, LineageFromTheCardRoundTrips) {
  json card = json::parse(read_file(reference("cards/Hello_World.json")));
  card["source"] = "https://example.org/models/hello_world.tflite";
  card["training_run"] = "run-2026-12-01-42";
  card["parent"] = "11111111-2222-3333-4444-555555555555";
  card["tags"] = {"baseline"};
  httplib::MultipartFormDataItems parts = {
      {"model", read_file(reference("models/Hello_World.tflite")), "Hello_World.tflite",
       "application/octet-stream"},
      {"card", card.dump(), "card.json", "application/json"},
      {"tag", "reviewed", "", ""}};
  auto added = client().Post("/api/models", writer_, parts);
  check_documented("post", "/api/models", added);
  ASSERT_EQ(added->status, 201) << added->body;
  json model = detail(kHelloWorldId);
  EXPECT_EQ(model["lineage"]["source"], card["source"]);
  EXPECT_EQ(model["lineage"]["training_run"], card["training_run"]);
  EXPECT_EQ(model["lineage"]["parent"], card["parent"]);
  EXPECT_EQ(model["tags"], json({"baseline", "reviewed"}));
  // The same facts are triples that SPARQL sees.
  auto res = client().Get(
      "/sparql?query=" +
          url_encode("SELECT ?run WHERE { ?m <http://tinyml-schema.org/networkschema#trainingRun> "
                     "?run ; <http://tinyml-schema.org/networkschema#parentModel> "
                     "<http://tinyml-schema.org/neuralnetwork/11111111-2222-3333-4444-555555555555> }"),
      {{"Accept", "text/csv"}});
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_NE(res->body.find("run-2026-12-01-42"), std::string::npos) << res->body;

  card["source"] = "not an iri";
  parts[1].content = card.dump();
  expect_problem(client().Post("/api/models", writer_, parts), 400);
}

TEST_F(ModelVersions, DeletingAVersionKeepsTheOthersConsistent) {
  json v1 = upload_as_detector("Hello_World");
  json v2 = upload_as_detector("Magic_Wand_1");
  json v3 = upload_as_detector("Micro_Speech_Yes_No_1");
  ASSERT_EQ(v3["version"], 3);

  EXPECT_EQ(client().Delete("/api/models/" + v2["identifier"].get<std::string>(), writer_)->status,
            204);
  json latest = detail("Detector");
  EXPECT_EQ(latest["identifier"], v3["identifier"]);
  EXPECT_EQ(latest["version"], 3);  // numbers keep naming the same bytes
  EXPECT_EQ(latest["properties"]["previousVersion"], v1["iri"]);  // relinked past the gap
  EXPECT_EQ(version_numbers(latest), (std::vector<int>{1, 3}));
  // Nothing points at the deleted model any more.
  auto dangling = client().Get(
      "/sparql?query=" + url_encode("ASK { ?s ?p <" + v2["iri"].get<std::string>() + "> }"),
      {{"Accept", "application/sparql-results+json"}});
  EXPECT_EQ(json_body(dangling)["boolean"], false);

  EXPECT_EQ(client().Delete("/api/models/" + v1["identifier"].get<std::string>(), writer_)->status,
            204);
  latest = detail("Detector");
  EXPECT_FALSE(latest["properties"].contains("previousVersion"));
  EXPECT_EQ(version_numbers(latest), (std::vector<int>{3}));
  json v4 = upload_as_detector("Hello_World");
  EXPECT_EQ(v4["version"], 4);
  EXPECT_EQ(detail("Detector")["properties"]["previousVersion"], v3["iri"]);
}

// Browsers accept br; httplib's brotli (quality 11) took 1.3 s where gzip
// takes 22 ms, so answers are gzip even when br is offered.
TEST_F(Api, AnswersAreGzipEvenWhenBrotliIsAccepted) {
  client().set_decompress(false);
  for (const char* accepted : {"gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.5"}) {
    auto res = client().Get("/api/stats", {{"Accept-Encoding", accepted}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Encoding"), "gzip") << accepted;
  }
  auto plain = client().Get("/api/stats", {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->get_header_value("Content-Encoding"), "");
  EXPECT_TRUE(nlohmann::json::parse(plain->body).contains("quads"));
}

}  // namespace
}  // namespace tinykg::server::testing
