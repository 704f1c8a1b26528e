// The hand-written data files: six boards and the nnet ontology. Read with
// the project's own Turtle reader, checked against the reference facts
// (CASE-STUDIES.md table; the reference Turtle is the source of truth).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "kg/vocabulary.h"
#include "print_terms.h"
#include "rdf/serd_io.h"
#include "test_support.h"

namespace tinykg::kg {
namespace {

namespace fs = std::filesystem;
using rdf::Quad;
using rdf::Term;
using namespace vocab;

fs::path data_dir() { return fs::path(testing::source_dir()) / "data"; }

std::vector<Quad> read_turtle(const fs::path& path) {
  std::vector<Quad> quads;
  rdf::ReadOptions opts;
  opts.blank_prefix = "b_";  // fixed, so that two reads can be compared
  Status st = rdf::read_rdf_file(path.string(), rdf::Syntax::Turtle,
                                 [&](const Quad& q) { quads.push_back(q); }, opts);
  EXPECT_TRUE(st.ok()) << st.error();
  return quads;
}

std::vector<Term> objects(const std::vector<Quad>& quads, const Term& s, const Term& p) {
  std::vector<Term> out;
  for (const Quad& q : quads) {
    if (q.subject == s && q.predicate == p) out.push_back(q.object);
  }
  return out;
}

bool has_type(const std::vector<Quad>& quads, const Term& s, const Term& cls) {
  auto types = objects(quads, s, Term::iri(std::string(rdf::kRdfType)));
  return std::find(types.begin(), types.end(), cls) != types.end();
}

struct Board {
  std::string file;
  std::string iri_tail;
  int64_t ram_kb;
  int64_t flash_kb;
  std::set<std::string> sensors;
};

const std::vector<Board>& reference_boards() {
  static const std::vector<Board> boards = {
      {"ssi_web.ttl", "SSI_Web-322-000-000-001", 86, 348, {"Thermometer", "Accelerometer", "Gyroscope"}},
      {"arduino_nano_ble_33.ttl", "arduino_nano_ble_33-322-000-000-002", 172, 628,
       {"Thermometer", "Accelerometer", "Gyroscope", "Magnetometer", "Microphone"}},
      {"arduino_nano_ble_33_tinyml_kit.ttl", "arduino_nano_ble_33_tinyml_kit-322-000-000-003", 187, 785,
       {"Thermometer", "Accelerometer", "Gyroscope", "Magnetometer", "Microphone", "Camera"}},
      {"syntiant_tinyml.ttl", "syntiant_tinyml-322-000-000-004", 25, 1883,
       {"Accelerometer", "Gyroscope", "Microphone"}},
      {"adafruit_pybadge.ttl", "adafruit_pybadge-322-000-000-005", 109, 385, {"Accelerometer"}},
      {"adafruit_tflite_micro_kit.ttl", "adafruit_tflite_micro_kit-322-000-000-006", 96, 245,
       {"Accelerometer", "Microphone"}},
  };
  return boards;
}

// Walks the shape of case-study query 1: board -> subsystems -> MCU ->
// capability -> RAM/Flash properties with integer kB values.
TEST(ReferenceBoards, HaveTheReferenceSensorsAndMemory) {
  const Term type = Term::iri(std::string(rdf::kRdfType));
  for (const Board& b : reference_boards()) {
    SCOPED_TRACE(b.file);
    auto quads = read_turtle(data_dir() / "reference" / "devices" / b.file);
    const Term board = Term::iri("http://tinyml-schema.org/tinyml-demo/" + b.iri_tail);
    ASSERT_TRUE(has_type(quads, board, term(kS3n, "SmartSensor")));
    EXPECT_FALSE(objects(quads, board, term(kTd, "title")).empty());
    EXPECT_FALSE(objects(quads, board, term(kTd, "description")).empty());

    std::set<std::string> sensors;
    std::map<std::string, Term> memory;
    int mcus = 0;
    for (const Term& part : objects(quads, board, term(kSsn, "hasSubSystem"))) {
      for (const Term& t : objects(quads, part, type)) {
        if (t.value.rfind(kSosaExtend, 0) == 0) sensors.insert(t.value.substr(kSosaExtend.size()));
      }
      if (!has_type(quads, part, term(kS3n, "MicroController"))) continue;
      ++mcus;
      EXPECT_EQ(part.value, board.value + "/mcu");
      for (const Term& cap : objects(quads, part, term(kS3n, "hasSystemCapability"))) {
        for (const Term& prop : objects(quads, cap, term(kSsnSystem, "hasSystemProperty"))) {
          auto values = objects(quads, prop, term(kSchema, "value"));
          ASSERT_EQ(values.size(), 1u);
          EXPECT_EQ(objects(quads, prop, term(kSchema, "unitCode")),
                    std::vector<Term>{term(kOm, "kilobyte")});
          if (has_type(quads, prop, term(kS3nExtend, "RAM"))) memory.emplace("RAM", values[0]);
          if (has_type(quads, prop, term(kS3nExtend, "Flash"))) memory.emplace("Flash", values[0]);
        }
      }
    }
    EXPECT_EQ(mcus, 1);
    EXPECT_EQ(sensors, b.sensors);
    const std::string integer(rdf::xsd::kInteger);
    EXPECT_EQ(memory.at("RAM"), Term::literal(std::to_string(b.ram_kb), integer));
    EXPECT_EQ(memory.at("Flash"), Term::literal(std::to_string(b.flash_kb), integer));

    // Property affordances carry forms; security is declared.
    auto affordances = objects(quads, board, term(kTd, "hasPropertyAffordance"));
    EXPECT_FALSE(affordances.empty());
    for (const Term& a : affordances) {
      auto forms = objects(quads, a, term(kTd, "hasForm"));
      ASSERT_EQ(forms.size(), 1u);
      EXPECT_EQ(objects(quads, forms[0], term(kHctl, "hasTarget")).size(), 1u);
    }
    EXPECT_FALSE(objects(quads, board, term(kTd, "hasSecurityConfiguration")).empty());
  }
}

TEST(ReferenceBoards, UseNoBlankNodesSoReimportIsIdempotent) {
  for (const Board& b : reference_boards()) {
    auto quads = read_turtle(data_dir() / "reference" / "devices" / b.file);
    for (const Quad& q : quads) {
      EXPECT_FALSE(q.subject.is_blank()) << b.file;
      EXPECT_FALSE(q.object.is_blank()) << b.file;
    }
    EXPECT_EQ(quads, read_turtle(data_dir() / "reference" / "devices" / b.file));
  }
}

TEST(ReferenceBoards, CaseStudyOneSelectsBoardsTwoAndThree) {
  // Accelerometer + gyroscope, RAM >= 116 kB, Flash >= 531 kB.
  std::vector<std::string> fitting;
  for (const Board& b : reference_boards()) {
    if (b.sensors.count("Accelerometer") && b.sensors.count("Gyroscope") && b.ram_kb >= 116 &&
        b.flash_kb >= 531) {
      fitting.push_back(b.iri_tail.substr(b.iri_tail.size() - 3));
    }
  }
  EXPECT_EQ(fitting, (std::vector<std::string>{"002", "003"}));
}

TEST(Ontology, ParsesAndDeclaresTheReferenceTerms) {
  auto quads = read_turtle(data_dir() / "ontology" / "nnet.ttl");
  std::set<std::string> subjects;
  for (const Quad& q : quads) subjects.insert(q.subject.value);
  for (std::string_view local :
       {"NeuralNetwork", "Layer", "Metric", "Top_1_accuracy", "Other_metric", "NetworkInput",
        "NetworkOutput", "Classification", "Unsupervised", "OtherCategory", "Conv2D",
        "DepthwiseConv2D", "FullyConnected", "AvgPool2D", "MaxPool2D", "Int8", "Uint8", "Int32",
        "Float32", "Relu", "Relu6", "hasIndex", "hasType", "shapeIn", "shapeOut", "hasActivation",
        "hasQuantization", "hasMultiplyAccumulateOps", "hasMetric", "hasMetricValue",
        "hasCategory", "trainingDataset", "inputLayer", "middleLayer", "outputLayer",
        "hasInputInfo", "hasOutputInfo", "hasParameterCount", "hasOperatorVersion"}) {
    EXPECT_TRUE(subjects.count(std::string(kNnet) + std::string(local))) << local;
  }
  for (std::string_view iri :
       {"http://tinyml-schema.org/s3n_extend/RAM", "http://tinyml-schema.org/s3n_extend/Flash",
        "http://tinyml-schema.org/sosa_extend/Microphone", "http://tinyml-schema.org/sosa_extend/Camera",
        "http://tinyml-schema.org/sosa_extend/hasSensorInfo",
        "http://tinyml-schema.org/ssn_extend/provideInput"}) {
    EXPECT_TRUE(subjects.count(std::string(iri))) << iri;
  }
}

}  // namespace
}  // namespace tinykg::kg
