// JSON API round trips under /api; every response is also checked against
// the OpenAPI document the server publishes (status codes and top-level shape).
#include <fstream>
#include <sstream>

#include "server_fixture.h"

namespace tinykg::server::testing {
namespace {

using nlohmann::json;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

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

}  // namespace
}  // namespace tinykg::server::testing
