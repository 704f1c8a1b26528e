// Reading boards and models out of a graph: shapes (IRIs and blank nodes),
// units and literal types, partial descriptions, and id resolution.
#include <gtest/gtest.h>

#include "match/graph_reader.h"
#include "match_graph.h"

namespace tinykg::match {
namespace {

using testing::board_ttl;
using testing::kSox;
using testing::MatchGraph;
using testing::model_ttl;

DeviceCapabilities only_device(MatchGraph& g) {
  auto devices = read_devices(g.source());
  EXPECT_TRUE(devices.ok()) << devices.error();
  EXPECT_EQ(devices->size(), 1u);
  return devices->front();
}

TEST(ReadDevices, ReferenceShape) {
  MatchGraph g(board_ttl("http://example.org/b1", {"Accelerometer", "Camera"}, "172", "628",
                         "om:kilobyte") +
               "<http://example.org/b1> td:title \"Board one\" .");
  DeviceCapabilities d = only_device(g);
  EXPECT_EQ(d.iri, "http://example.org/b1");
  EXPECT_EQ(d.title, "Board one");
  EXPECT_EQ(d.sensors.kinds, (std::vector<std::string>{kSox + "Accelerometer", kSox + "Camera"}));
  EXPECT_EQ(d.mcu, "http://example.org/b1/mcu");
  EXPECT_EQ(d.ram, MemoryFigure::value(172));
  EXPECT_EQ(d.flash, MemoryFigure::value(628));
}

TEST(ReadDevices, BlankNodeSensorsAndMcuAsInTheSyntheticFleet) {
  MatchGraph g(R"(
    ex:d1 a s3n:SmartSensor ; ssn:hasSubSystem _:s1, _:s2, _:m .
    _:s1 a sox:Microphone . _:s2 a sox:Gyroscope .
    _:m a s3n:MicroController ; s3n:hasSystemCapability _:c .
    _:c sys:hasSystemProperty _:r, _:f .
    _:r a s3x:RAM ; schema:value "256"^^xsd:integer ; schema:unitCode om:kilobyte .
    _:f a s3x:Flash ; schema:value "1024"^^xsd:integer ; schema:unitCode om:kilobyte .
  )");
  DeviceCapabilities d = only_device(g);
  EXPECT_EQ(d.sensors.kinds, (std::vector<std::string>{kSox + "Gyroscope", kSox + "Microphone"}));
  EXPECT_EQ(d.ram, MemoryFigure::value(256));
  EXPECT_EQ(d.flash, MemoryFigure::value(1024));
}

TEST(ReadDevices, NormalisesUnitsAndLiteralTypes) {
  MatchGraph g(board_ttl("http://example.org/bytes", {"Camera"}, "\"196608\"^^xsd:long", "1048576",
                         "om:byte") +
               board_ttl("http://example.org/kib", {"Camera"}, "192", "1024.0", "om:kibibyte") +
               board_ttl("http://example.org/mb", {"Camera"}, "\"0.25E0\"^^xsd:double", "2.0",
                         "om:megabyte") +
               board_ttl("http://example.org/plain", {"Camera"}, "96", "245.5"));
  auto devices = read_devices(g.source());
  ASSERT_TRUE(devices.ok()) << devices.error();
  ASSERT_EQ(devices->size(), 4u);  // sorted by IRI: bytes, kib, mb, plain
  EXPECT_DOUBLE_EQ((*devices)[0].ram.kilobytes, 196.608);
  EXPECT_DOUBLE_EQ((*devices)[0].flash.kilobytes, 1048.576);
  EXPECT_DOUBLE_EQ((*devices)[1].ram.kilobytes, 196.608);
  EXPECT_DOUBLE_EQ((*devices)[1].flash.kilobytes, 1048.576);
  EXPECT_DOUBLE_EQ((*devices)[2].ram.kilobytes, 250);
  EXPECT_DOUBLE_EQ((*devices)[2].flash.kilobytes, 2000);
  EXPECT_DOUBLE_EQ((*devices)[3].ram.kilobytes, 96);
  EXPECT_DOUBLE_EQ((*devices)[3].flash.kilobytes, 245.5);
}

TEST(ReadDevices, PartialDescriptionsStayPartial) {
  MatchGraph g(board_ttl("http://example.org/noram", {"Camera"}, "", "576") +
               board_ttl("http://example.org/nosensors", {}, "127", "576") +
               board_ttl("http://example.org/badunit", {"Camera"}, "127", "576", "om:metre") +
               "ex:bare a s3n:SmartSensor .");
  auto devices = read_devices(g.source());
  ASSERT_TRUE(devices.ok()) << devices.error();
  ASSERT_EQ(devices->size(), 4u);  // badunit, bare, noram, nosensors
  const auto& badunit = (*devices)[0];
  const auto& bare = (*devices)[1];
  const auto& noram = (*devices)[2];
  const auto& nosensors = (*devices)[3];
  EXPECT_EQ(badunit.ram.state, MemoryFigure::State::NotUnderstood);
  EXPECT_EQ(bare.ram.state, MemoryFigure::State::NotStated);
  EXPECT_FALSE(bare.sensors.stated());
  EXPECT_EQ(noram.ram.state, MemoryFigure::State::NotStated);
  EXPECT_EQ(noram.flash, MemoryFigure::value(576));
  EXPECT_FALSE(nosensors.sensors.stated());

  // And they answer "unknown", never "fits".
  MatchGraph models(model_ttl("http://example.org/m", "cam", {"Camera"}, "10", "10"));
  models.add(board_ttl("http://example.org/noram", {"Camera"}, "", "576") +
             board_ttl("http://example.org/nosensors", {}, "127", "576") +
             board_ttl("http://example.org/badunit", {"Camera"}, "127", "576", "om:metre"));
  MatchOptions all{MatchOptions::Include::All, true};
  auto matches = models.matcher().devices_for_model("cam", all);
  ASSERT_TRUE(matches.ok()) << matches.error();
  ASSERT_EQ(matches->size(), 3u);
  for (const auto& m : *matches) {
    EXPECT_EQ(m.verdict, FitVerdict::Unknown) << m.device->iri;
  }
  EXPECT_EQ((*matches)[0].explanation.reasons[1].text,
            "RAM of the board is not understood: unit "
            "<http://www.ontology-of-units-of-measure.org/resource/om-2/metre> is not a memory "
            "unit tinykg knows");
  EXPECT_EQ((*matches)[1].explanation.summary(), "RAM of the board is not stated");
  EXPECT_EQ((*matches)[2].explanation.summary(),
            "needs a Camera, the board's sensors are not stated");
}

TEST(ReadDevices, ConflictingFiguresReadCautiously) {
  MatchGraph g(board_ttl("http://example.org/b", {"Camera"}, "128", "512") +
               "<http://example.org/b/cap> sys:hasSystemProperty ex:ram2 .\n"
               "ex:ram2 a s3x:RAM ; schema:value 64 .");
  EXPECT_EQ(only_device(g).ram, MemoryFigure::value(64));  // the board: the smaller
}

TEST(ReadModels, RequirementsAndFacts) {
  MatchGraph g(model_ttl("http://example.org/m1", "yes_no", {"Microphone"}, "8.08",
                         "\"18712\"^^xsd:integer",
                         " ; schema:description \"speech yes/no\" ; nnet:hasCategory nnet:Classification"
                         " ; nnet:trainingDataset <http://example.org/speech_commands.tar.gz>"
                         " ; nnet:hasMultiplyAccumulateOps 336000"
                         " ; schema:runtimePlatform \"TFLite Micro\""
                         " ; nnet:hasMetric [ a nnet:Top_1_accuracy ; nnet:hasMetricValue 0.921 ]"
                         " ; nnet:middleLayer [ nnet:hasType nnet:Conv2D ]"
                         " ; nnet:inputLayer [ a nnet:Layer ; nnet:hasOperatorCode \"CONV_2D\" ]"
                         " ; nnet:outputLayer [ a nnet:Layer ; nnet:hasOperatorCode \"MyOp\" ;"
                         "     nnet:isCustomOperator true ]") +
               "<http://example.org/m1> s3n:hasProcedureFeature [ sys:inCondition "
               "[ a s3x:Flash ; schema:minValue \"18712\"^^xsd:integer ; schema:unitCode om:byte ] ] .");
  auto models = read_models(g.source());
  ASSERT_TRUE(models.ok()) << models.error();
  ASSERT_EQ(models->size(), 1u);
  const ModelEntry& m = models->front();
  EXPECT_EQ(m.requirements.name, "yes_no");
  EXPECT_EQ(m.requirements.identifier, "id-yes_no");
  EXPECT_EQ(m.requirements.ram, MemoryFigure::value(8.08));
  // Two Flash conditions (18712 kB and 18.712 kB): the model keeps the larger need.
  EXPECT_EQ(m.requirements.flash, MemoryFigure::value(18712));
  EXPECT_EQ(m.requirements.sensor_kinds, std::vector<std::string>{kSox + "Microphone"});
  EXPECT_EQ(m.requirements.operators, std::vector<std::string>{"Conv2D"});
  EXPECT_EQ(m.requirements.runtime, "TFLite Micro");
  EXPECT_EQ(m.requirements.operator_codes, (std::vector<std::string>{"CONV_2D", "MyOp"}));
  EXPECT_EQ(m.requirements.custom_operator_codes, std::vector<std::string>{"MyOp"});
  EXPECT_EQ(m.facts.category, "Classification");
  EXPECT_EQ(m.facts.accuracy, 0.921);
  EXPECT_EQ(m.facts.macs, 336000.0);
  EXPECT_EQ(m.facts.description, "speech yes/no");
}

TEST(ResolveModel, ByIriIdentifierOrName) {
  MatchGraph g(model_ttl("http://example.org/m1", "alpha", {}, "1", "1") +
               model_ttl("http://example.org/m2", "beta", {}, "1", "1"));
  EXPECT_EQ(*resolve_model(g.source(), "http://example.org/m2"), "http://example.org/m2");
  EXPECT_EQ(*resolve_model(g.source(), "id-alpha"), "http://example.org/m1");
  EXPECT_EQ(*resolve_model(g.source(), "beta"), "http://example.org/m2");
  auto missing = resolve_model(g.source(), "gamma");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error(),
            "no model with IRI, identifier or name 'gamma' (see `tinykg model list`)");
}

TEST(ResolveModel, ASharedNameIsAmbiguous) {
  MatchGraph g(model_ttl("http://example.org/m1", "same", {}, "1", "1") +
               "ex:m2 a nnet:NeuralNetwork ; schema:name \"same\" .");
  auto r = resolve_model(g.source(), "same");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "2 models have the name 'same' (http://example.org/m1, "
                       "http://example.org/m2); give the identifier or the IRI");
}

TEST(ResolveDevice, ByIriTitleOrTail) {
  MatchGraph g(board_ttl("http://example.org/demo/nano-322-000-000-002", {}, "1", "1") +
               board_ttl("http://example.org/demo/kit-322-000-000-003", {}, "1", "1") +
               board_ttl("http://example.org/fleet/device/7", {}, "1", "1") +
               "<http://example.org/fleet/device/7> td:title \"Line 7 sensor\" .");
  auto source = [&]() -> const SparqlSource& { return g.source(); };
  EXPECT_EQ(*resolve_device(source(), "http://example.org/fleet/device/7"),
            "http://example.org/fleet/device/7");
  EXPECT_EQ(*resolve_device(source(), "Line 7 sensor"), "http://example.org/fleet/device/7");
  EXPECT_EQ(*resolve_device(source(), "7"), "http://example.org/fleet/device/7");
  EXPECT_EQ(*resolve_device(source(), "003"), "http://example.org/demo/kit-322-000-000-003");
  EXPECT_EQ(*resolve_device(source(), "nano-322-000-000-002"),
            "http://example.org/demo/nano-322-000-000-002");
  // A tail must start after '/', '-' or '#': "02" is not a tail of "…-002".
  EXPECT_FALSE(resolve_device(source(), "02").ok());
}

TEST(ResolveDevice, AmbiguousTailAndUnknownIdAreErrors) {
  MatchGraph g(board_ttl("http://example.org/a-322-000-000-002", {}, "1", "1") +
               board_ttl("http://example.org/b-322-000-000-002", {}, "1", "1"));
  auto ambiguous = resolve_device(g.source(), "000-002");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_EQ(ambiguous.error(),
            "'000-002' is the end of 2 board IRIs (http://example.org/a-322-000-000-002, "
            "http://example.org/b-322-000-000-002); give more of the IRI");
  auto missing = resolve_device(g.source(), "009");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error(),
            "no board with IRI, title or IRI tail '009' (see `tinykg device list`)");
}

TEST(ReadDevices, OneBoardThatIsNoBoardIsAnError) {
  MatchGraph g("ex:thing a ex:Toaster .");
  auto r = read_devices(g.source(), templates::Scope{"http://example.org/thing"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "<http://example.org/thing> is not a board (no s3n:SmartSensor)");
}

TEST(Templates, RefuseIrisThatWouldChangeTheQuery) {
  EXPECT_FALSE(templates::checked_iri("http://x/> } DELETE {").ok());
  EXPECT_TRUE(templates::checked_iri("http://example.org/fleet/device/7").ok());
}

}  // namespace
}  // namespace tinykg::match

namespace tinykg::match {
namespace {

TEST(ResolveDevice, LoadedFleetFollowsTheSameRules) {
  MatchGraph g(board_ttl("http://example.org/demo/nano-322-000-000-002", {}, "1", "1") +
               board_ttl("http://example.org/demo/kit-322-000-000-002", {}, "1", "1") +
               board_ttl("http://example.org/fleet/device/7", {}, "1", "1") +
               "<http://example.org/fleet/device/7> td:title \"Line 7 sensor\" .");
  auto fleet = read_devices(g.source());
  ASSERT_TRUE(fleet.ok()) << fleet.error();
  for (std::string id : {"http://example.org/fleet/device/7", "Line 7 sensor", "7", "002",
                         "nano-322-000-000-002", "02", "009"}) {
    auto from_graph = resolve_device(g.source(), id);
    auto from_fleet = resolve_device(*fleet, id);
    ASSERT_EQ(from_graph.ok(), from_fleet.ok()) << id;
    EXPECT_EQ(from_graph.ok() ? *from_graph : from_graph.error(),
              from_fleet.ok() ? *from_fleet : from_fleet.error())
        << id;
  }
}

}  // namespace
}  // namespace tinykg::match
