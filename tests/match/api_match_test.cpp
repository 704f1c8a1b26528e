// The match routes of the REST API (contracts §4) over loopback, on the demo
// graph: the three case-study questions, reasons, unknown verdicts, latency
// fields, similar models, errors, and every response checked against the
// schema the server publishes at /api/openapi.json.
#include <cmath>
#include <set>

#include "kg/reference_data.h"
#include "server_fixture.h"

namespace tinykg::server::testing {
namespace {

using nlohmann::json;

const std::string kNano = "http://tinyml-schema.org/tinyml-demo/arduino_nano_ble_33-322-000-000-002";
const std::string kSsiWeb = "http://tinyml-schema.org/tinyml-demo/SSI_Web-322-000-000-001";
const std::string kTinymlKit =
    "http://tinyml-schema.org/tinyml-demo/arduino_nano_ble_33_tinyml_kit-322-000-000-003";
const std::string kCustomBoard = "http://example.org/board/custom-camera-board";
// The custom board of case study 2, in the shape of data/reference/devices.
const std::string kCustomCameraBoard = R"(
@prefix s3n: <http://w3id.org/s3n/> .
@prefix ssn: <http://www.w3.org/ns/ssn/> .
@prefix sys: <http://www.w3.org/ns/ssn/systems/> .
@prefix sosa: <http://www.w3.org/ns/sosa/> .
@prefix schema: <https://schema.org/> .
@prefix td: <https://www.w3.org/2019/wot/td#> .
@prefix s3x: <http://tinyml-schema.org/s3n_extend/> .
@prefix sox: <http://tinyml-schema.org/sosa_extend/> .
@prefix tkg: <https://tinykg.dev/ns#> .
<http://example.org/board/custom-camera-board> a s3n:SmartSensor ; td:title "Custom-Camera-Board" ;
  ssn:hasSubSystem <http://example.org/board/custom-camera-board/mcu>,
                   <http://example.org/board/custom-camera-board/camera> .
<http://example.org/board/custom-camera-board/camera> a sox:Camera, sosa:Sensor .
<http://example.org/board/custom-camera-board/mcu> a s3n:MicroController ;
  tkg:cpuCore "Cortex-M4F" ; tkg:clockFrequencyMHz 64 ; tkg:kernelLibrary "cmsis-nn" ;
  s3n:hasSystemCapability <http://example.org/board/custom-camera-board/cap> .
<http://example.org/board/custom-camera-board/cap>
  sys:hasSystemProperty <http://example.org/board/custom-camera-board/ram>,
                        <http://example.org/board/custom-camera-board/flash> .
<http://example.org/board/custom-camera-board/ram> a s3x:RAM, s3n:Memory ; schema:value 127 .
<http://example.org/board/custom-camera-board/flash> a s3x:Flash, s3n:Memory ; schema:value 576 .
)";
constexpr const char* kPersonDetection = "Person_Detection";

class MatchApi : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    auto imported = kg::import_reference_data(*graph_, tinykg::testing::source_dir() + "/data");
    ASSERT_TRUE(imported.ok()) << imported.error();
    openapi_ = json_body(client().Get("/api/openapi.json"));
  }

  // GET `target`, check the status, and check the body against the documented
  // response schema of `path`: required members present, each member's JSON
  // type among the documented ones (null included), for the envelope and
  // for every item.
  json get(const std::string& path, const std::string& query, int status = 200) {
    auto res = client().Get(path + "?" + query);
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, status) << res->body;
    const json& responses = openapi_["paths"][path]["get"]["responses"];
    EXPECT_TRUE(responses.contains(std::to_string(res->status))) << path << " " << res->status;
    json body = json_body(res);
    if (status != 200) {
      EXPECT_EQ(res->get_header_value("Content-Type"), "application/problem+json");
      return body;
    }
    const json& schema = responses["200"]["content"]["application/json"]["schema"];
    check(body, schema, path);
    for (const json& item : body["items"]) check(item, schema["properties"]["items"]["items"], path);
    return body;
  }

  static bool type_allowed(const json& value, const json& type) {
    auto is = [&](const std::string& t) {
      return (t == "null" && value.is_null()) || (t == "string" && value.is_string()) ||
             (t == "number" && value.is_number()) || (t == "integer" && value.is_number_integer()) ||
             (t == "boolean" && value.is_boolean()) || (t == "array" && value.is_array()) ||
             (t == "object" && value.is_object());
    };
    if (type.is_string()) return is(type.get<std::string>());
    for (const auto& t : type) {
      if (is(t.get<std::string>())) return true;
    }
    return false;
  }

  static void check(const json& value, const json& schema, const std::string& where) {
    ASSERT_TRUE(value.is_object()) << where << ": " << value;
    for (const auto& name : schema.value("required", json::array())) {
      EXPECT_TRUE(value.contains(name.get<std::string>())) << where << ": no " << name << " in " << value;
    }
    for (const auto& [name, member] : value.items()) {
      const json& properties = schema["properties"];
      ASSERT_TRUE(properties.contains(name)) << where << ": undocumented member " << name;
      EXPECT_TRUE(type_allowed(member, properties[name]["type"]))
          << where << ": " << name << " = " << member << " is not " << properties[name]["type"];
    }
  }

  static std::vector<std::string> names(const json& body) {
    std::vector<std::string> out;
    for (const auto& item : body["items"]) out.push_back(item["name"]);
    return out;
  }

  json openapi_;
};

TEST_F(MatchApi, ModelsForABoardAreCaseStudyTwoWithEstimates) {
  // Case study 2 as the low-code flow asks it: a stored board with a camera,
  // 127 kB free RAM and 576 kB free Flash (no reference board is that one:
  // the only camera board, 003, has 187 kB / 785 kB and fits more models).
  load(kCustomCameraBoard);
  json body = get("/api/match/models", "device=" + url_encode(kCustomBoard));
  EXPECT_EQ(body["device"], kCustomBoard);
  // Case study 2's answer (largest MACs first).
  EXPECT_EQ(names(body), (std::vector<std::string>{"Visual_Alarm_Clock", kPersonDetection}))
      << body.dump(1);
  double previous_latency = 1e300;
  for (const auto& item : body["items"]) {
    EXPECT_EQ(item["fits"], true);
    EXPECT_FALSE(item.contains("reasons"));
    // The board states Cortex-M4F at 64 MHz: every model gets an estimate,
    // and (same operator mix) more MACs take longer.
    ASSERT_TRUE(item["latency_ms"].is_number()) << item;
    EXPECT_LT(item["latency_ms"].get<double>(), previous_latency);
    previous_latency = item["latency_ms"];
    EXPECT_GT(item["energy_mj"].get<double>(), 0);
  }
}

TEST_F(MatchApi, ReasonsAndEveryVerdictWithIncludeAll) {
  // Board 002 has no camera: the camera models are refused with that reason.
  json body = get("/api/match/models", "device=Arduino-Nano-BLE-33_1&include=all&reasons=true");
  ASSERT_EQ(body["items"].size(), 23u);
  json fitting = get("/api/match/models", "device=Arduino-Nano-BLE-33_1");
  std::set<std::string> fitting_names;
  for (const auto& item : fitting["items"]) fitting_names.insert(item["name"]);
  size_t refused = 0;
  for (const auto& item : body["items"]) {
    ASSERT_TRUE(item["reasons"].is_array());
    EXPECT_FALSE(item["reasons"].empty()) << item;
    // include=all agrees with the default (fits only) list.
    EXPECT_EQ(item["fits"] == true, fitting_names.count(item["name"]) == 1) << item;
    if (item["fits"] == false) ++refused;
    if (item["name"] == "Person_Detection") {
      EXPECT_EQ(item["reasons"], json::array({"needs a Camera"})) << item;
    }
    if (item["name"] == "ARM_MicroNet_VWW_3") {  // two refusals, each with its numbers
      EXPECT_EQ(item["reasons"],
                json::array({"needs a Camera", "needs 206.96 kB RAM, board has 172 kB"}))
          << item;
    }
  }
  // Three camera models and Hello_World (fed by an OtherSensor no board has).
  EXPECT_EQ(refused, 4u);
  EXPECT_EQ(fitting_names.size(), 19u);
}

TEST_F(MatchApi, DevicesForAModelAreCaseStudyOneStyleWithNullLatencyWhenCoreUnknown) {
  json body = get("/api/match/devices", std::string("model=Visual_Alarm_Clock&include=all&reasons=true"));
  EXPECT_FALSE(body["model"].get<std::string>().empty());
  ASSERT_EQ(body["items"].size(), 6u);
  for (const auto& item : body["items"]) {
    ASSERT_TRUE(item["reasons"].is_array());
    if (item["iri"] == kSsiWeb) {
      // SSI-Web states no core: no estimate rather than a guess.
      EXPECT_TRUE(item["latency_ms"].is_null()) << item;
      EXPECT_TRUE(item["energy_mj"].is_null());
      EXPECT_TRUE(item["core"].is_null());
    } else {
      EXPECT_TRUE(item["latency_ms"].is_number()) << item;
    }
  }
  // Only the camera board (003) can run it.
  json fitting = get("/api/match/devices", "model=Visual_Alarm_Clock");
  ASSERT_EQ(fitting["items"].size(), 1u) << fitting.dump(1);
  EXPECT_EQ(fitting["items"][0]["iri"], kTinymlKit);
  EXPECT_EQ(fitting["items"][0]["fits"], true);
  EXPECT_EQ(fitting["items"][0]["core"], "Cortex-M4");
  EXPECT_EQ(fitting["items"][0]["clock_mhz"], 64);
}

TEST_F(MatchApi, SimilarModelsThatFitABoard) {
  json all = get("/api/match/similar", "model=Person_Detection&limit=5");
  ASSERT_EQ(all["items"].size(), 5u);
  double previous = 2;
  for (const auto& item : all["items"]) {
    EXPECT_NE(item["name"], kPersonDetection);
    double score = item["score"];
    EXPECT_LE(score, previous);
    previous = score;
  }
  // The Syntiant board has no camera: only models that fit it, with estimates on its M0+.
  json fits = get("/api/match/similar",
                  "model=Person_Detection&fits=Syntiant-TinyML-Board_1&limit=50");
  ASSERT_FALSE(fits["items"].empty());
  json fitting = get("/api/match/models", "device=Syntiant-TinyML-Board_1");
  std::set<std::string> fitting_names;
  for (const auto& item : fitting["items"]) fitting_names.insert(item["name"]);
  for (const auto& item : fits["items"]) {
    EXPECT_TRUE(fitting_names.count(item["name"])) << item["name"] << " does not fit";
    EXPECT_TRUE(item["latency_ms"].is_number());
  }
}

TEST_F(MatchApi, BadRequestsAreProblems) {
  get("/api/match/models", "", 400);
  get("/api/match/models", "device=no-such-board", 404);
  get("/api/match/models", "device=" + url_encode(kNano) + "&include=some", 400);
  get("/api/match/models", "device=" + url_encode(kNano) + "&reasons=yes", 400);
  get("/api/match/devices", "model=no-such-model", 404);
  get("/api/match/similar", "model=Person_Detection&limit=-1", 400);
  get("/api/match/similar", "model=Person_Detection&fits=no-such-board", 404);
}

TEST_F(MatchApi, AnswersFollowWritesToTheGraph) {
  json before = get("/api/match/models", "device=" + url_encode(kNano));
  ASSERT_EQ(before["items"].size(), 19u);
  // Shrink the board's RAM (inline integers: the quad count stays the same).
  auto updated = graph_->update(
      "PREFIX schema: <https://schema.org/>\n"
      "DELETE { ?p schema:value 172 } INSERT { ?p schema:value 1 } WHERE { <" + kNano +
      "/mcu/ram> schema:value 172 . BIND(<" + kNano + "/mcu/ram> AS ?p) }");
  ASSERT_TRUE(updated.ok()) << updated.error();
  json after = get("/api/match/models", "device=" + url_encode(kNano));
  EXPECT_TRUE(after["items"].empty()) << after.dump(1);
}

TEST_F(MatchApi, OnePairSaysWhyItDoesNotFit) {
  json refused = get("/api/match/fit", "model=ARM_MicroNet_VWW_3&device=" + url_encode(kNano));
  EXPECT_EQ(refused["device"], kNano);
  EXPECT_EQ(refused["fits"], false);
  EXPECT_EQ(refused["reasons"],
            json::array({"needs a Camera", "needs 206.96 kB RAM, board has 172 kB"}));
  // The same verdict as the board's list, with the same estimate.
  json fits = get("/api/match/fit", "model=Visual_Alarm_Clock&device=" + url_encode(kTinymlKit));
  EXPECT_EQ(fits["fits"], true);
  EXPECT_FALSE(fits["reasons"].empty());
  json listed = get("/api/match/devices", "model=Visual_Alarm_Clock");
  ASSERT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(fits["model"], listed["model"]);
  EXPECT_EQ(fits["latency_ms"], listed["items"][0]["latency_ms"]);
  get("/api/match/fit", "model=Visual_Alarm_Clock", 400);
  get("/api/match/fit", "model=no-such-model&device=" + url_encode(kNano), 404);
  get("/api/match/fit", "model=Visual_Alarm_Clock&device=no-such-board", 404);
}

TEST_F(MatchApi, OnePairFollowsWritesToTheGraph) {
  const std::string pair = "model=Person_Detection&device=" + url_encode(kTinymlKit);
  ASSERT_EQ(get("/api/match/fit", pair)["fits"], true);  // the catalog is loaded now
  auto updated = graph_->update(
      "PREFIX schema: <https://schema.org/>\n"
      "DELETE { ?p schema:value ?v } INSERT { ?p schema:value 2 } WHERE { <" + kTinymlKit +
      "/mcu/ram> schema:value ?v . BIND(<" + kTinymlKit + "/mcu/ram> AS ?p) }");
  ASSERT_TRUE(updated.ok()) << updated.error();
  json after = get("/api/match/fit", pair);
  EXPECT_EQ(after["fits"], false) << after.dump(1);
  ASSERT_FALSE(after["reasons"].empty());
  EXPECT_NE(after["reasons"][0].get<std::string>().find("board has 2 kB"), std::string::npos)
      << after.dump(1);
}

}  // namespace
}  // namespace tinykg::server::testing
