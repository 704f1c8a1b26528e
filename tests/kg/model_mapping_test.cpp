#include "kg/model_mapping.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "kg/content_id.h"
#include "kg/nnet_names.h"
#include "kg/vocabulary.h"
#include "print_terms.h"

namespace tinykg::kg {
namespace {

using rdf::Quad;
using rdf::Term;
using namespace vocab;

constexpr std::string_view kUuid = "aa7c697c-9b8f-4067-82e5-53cfc12caf6b";

Term nn(std::string_view part) {
  return Term::iri(std::string(kNeuralNetworkBase) + std::string(part) + "_" + std::string(kUuid));
}
Term model() { return Term::iri(model_iri(kUuid)); }
Term type() { return Term::iri(std::string(rdf::kRdfType)); }
Term integer(int64_t v) { return Term::literal(std::to_string(v), std::string(rdf::xsd::kInteger)); }
Term decimal(std::string lexical) { return Term::literal(std::move(lexical), std::string(rdf::xsd::kDecimal)); }

model::TensorInfo tensor(int index, std::string dtype, std::vector<int32_t> shape) {
  model::TensorInfo t;
  t.index = index;
  t.dtype = std::move(dtype);
  t.shape = std::move(shape);
  return t;
}

model::OperatorInfo op(int index, std::string type, std::vector<int> inputs, std::vector<int> outputs,
                       std::string activation = "NONE", uint64_t macs = 0) {
  model::OperatorInfo o;
  o.index = index;
  o.type = std::move(type);
  o.inputs = std::move(inputs);
  o.outputs = std::move(outputs);
  o.activation = std::move(activation);
  o.macs = macs;
  return o;
}

// Micro_Speech_Yes_No_2 in miniature, plus an operator the name table does
// not know and a custom one.
model::ModelInfo yes_no_info() {
  model::SubgraphInfo g;
  g.tensors = {tensor(0, "INT8", {1, 1960}),     tensor(1, "INT32", {4}),
               tensor(2, "INT8", {1, 49, 40, 1}), tensor(3, "INT8", {1, 10, 8, 1}),
               tensor(4, "INT32", {8}),           tensor(5, "INT8", {1, 25, 20, 8}),
               tensor(6, "INT8", {4, 4000}),      tensor(7, "INT8", {1, 4}),
               tensor(8, "INT8", {1, 4}),         tensor(9, "INT8", {1, 4}),
               tensor(10, "INT8", {1, 4})};
  g.operators = {op(0, "RESHAPE", {0, 1}, {2}),
                 op(1, "DEPTHWISE_CONV_2D", {2, 3, 4}, {5}, "RELU", 320000),
                 op(2, "FULLY_CONNECTED", {5, 6, -1}, {7}, "NONE", 16000),
                 op(3, "BATCH_MATMUL", {7, 7}, {8}),
                 op(4, "MyCustomOp", {8}, {9}),
                 op(5, "SOFTMAX", {9}, {10})};
  g.operators[4].is_custom = true;
  g.operators[1].version = 2;
  g.inputs = {0};
  g.outputs = {10};
  model::ModelInfo info;
  info.subgraphs = {g};
  info.macs_reference = 381824;
  info.macs = 381904;
  info.params = 16000;
  info.arena_bytes = 8800;
  info.arena = {6000, 2500, 300};
  info.flash_bytes_model = 8864;
  info.flash_bytes = 52000;
  info.unsupported_operators = {"MyCustomOp"};
  return info;
}

ModelCard yes_no_card() {
  ModelCard card;
  card.name = "Micro_Speech_Yes_No_2";
  card.identifier = std::string(kUuid);
  card.description = "a NN for speech commands recognition yes/no";
  card.category = "Classification";
  card.metric = MetricCard{"Top_1_accuracy", 0.823};
  card.dataset = "http://download.tensorflow.org/data/speech_commands_v0.02.tar.gz";
  card.input.info = "MFCC features";
  card.input.sensors = {SensorCard{{"Microphone"}, "tested on MP34DT05"}};
  card.output.info = "0: silence, 1: unknown, 2: yes, 3: no";
  card.date_created = "2021-12-12";
  card.citation = "https://github.com/tensorflow/tflite-micro";
  card.runtime_platform = "TFLite Micro";
  return card;
}

class ModelMapping : public ::testing::Test {
 protected:
  std::vector<Quad> quads = model_to_quads(yes_no_info(), yes_no_card());

  bool has(const Term& s, const Term& p, const Term& o) const {
    return std::any_of(quads.begin(), quads.end(), [&](const Quad& q) {
      return q.subject == s && q.predicate == p && q.object == o;
    });
  }
  std::vector<Term> objects(const Term& s, const Term& p) const {
    std::vector<Term> out;
    for (const Quad& q : quads) {
      if (q.subject == s && q.predicate == p) out.push_back(q.object);
    }
    return out;
  }
};

TEST_F(ModelMapping, NetworkFactsFromTheCard) {
  EXPECT_TRUE(has(model(), type(), term(kNnet, "NeuralNetwork")));
  EXPECT_TRUE(has(model(), term(kSchema, "identifier"), Term::literal(std::string(kUuid))));
  EXPECT_TRUE(has(model(), term(kSchema, "name"), Term::literal("Micro_Speech_Yes_No_2")));
  EXPECT_TRUE(has(model(), term(kNnet, "hasCategory"), term(kNnet, "Classification")));
  EXPECT_TRUE(has(model(), term(kNnet, "trainingDataset"),
                  Term::iri("http://download.tensorflow.org/data/speech_commands_v0.02.tar.gz")));
  EXPECT_TRUE(has(model(), term(kSchema, "dateCreated"),
                  Term::literal("2021-12-12", std::string(rdf::xsd::kDate))));
  EXPECT_TRUE(has(model(), term(kSchema, "citation"), Term::iri("https://github.com/tensorflow/tflite-micro")));
  // Facts the card leaves empty produce no triple.
  EXPECT_TRUE(objects(model(), term(kSchema, "creator")).empty());
  EXPECT_TRUE(objects(model(), term(kSchema, "codeRepository")).empty());
}

TEST_F(ModelMapping, MacsAreIntegers) {
  EXPECT_TRUE(has(model(), term(kNnet, "hasMultiplyAccumulateOps"), integer(381824)));
  EXPECT_TRUE(has(model(), term(kNnet, "hasTotalMultiplyAccumulateOps"), integer(381904)));
  EXPECT_TRUE(has(model(), term(kNnet, "hasParameterCount"), integer(16000)));
}

TEST_F(ModelMapping, MetricIsTypedAndAFraction) {
  EXPECT_TRUE(has(model(), term(kNnet, "hasMetric"), nn("metric_1")));
  EXPECT_TRUE(has(nn("metric_1"), type(), term(kNnet, "Metric")));
  EXPECT_TRUE(has(nn("metric_1"), type(), term(kNnet, "Top_1_accuracy")));
  EXPECT_TRUE(has(nn("metric_1"), term(kNnet, "hasMetricValue"), decimal("0.823")));
}

TEST_F(ModelMapping, RamAndFlashAreDecimalKilobyteConditions) {
  // RAM: arena 8800 bytes -> 8.8 kB; Flash: file 8864 bytes -> 8.864 kB.
  EXPECT_TRUE(has(model(), term(kS3n, "hasProcedureFeature"), nn("procedureFeature_2")));
  EXPECT_TRUE(has(nn("procedureFeature_2"), term(kSsnSystem, "inCondition"), nn("condition_2")));
  EXPECT_TRUE(has(nn("condition_2"), type(), term(kS3nExtend, "RAM")));
  EXPECT_TRUE(has(nn("condition_2"), type(), term(kS3n, "Memory")));
  EXPECT_TRUE(has(nn("condition_2"), term(kSchema, "minValue"), decimal("8.8")));
  EXPECT_TRUE(has(nn("condition_2"), term(kSchema, "unitCode"), term(kOm, "kilobyte")));
  EXPECT_TRUE(has(nn("condition_2"), term(kNnet, "hasPlannedTensorBytes"), integer(6000)));

  EXPECT_TRUE(has(model(), term(kS3n, "hasProcedureFeature"), nn("procedureFeature_1")));
  EXPECT_TRUE(has(nn("procedureFeature_1"), term(kSsnSystem, "inCondition"), nn("condition_1")));
  EXPECT_TRUE(has(nn("condition_1"), type(), term(kS3nExtend, "Flash")));
  EXPECT_TRUE(has(nn("condition_1"), term(kSchema, "minValue"), decimal("8.864")));
}

TEST_F(ModelMapping, SensorFeedsTheInput) {
  EXPECT_TRUE(has(model(), term(kSsn, "hasInput"), nn("input")));
  EXPECT_TRUE(has(nn("input"), type(), term(kNnet, "NetworkInput")));
  EXPECT_TRUE(has(nn("input"), term(kNnet, "hasInputInfo"), Term::literal("MFCC features")));
  EXPECT_TRUE(has(nn("input"), term(kNnet, "hasShape"), Term::literal("[1, 1960]")));
  EXPECT_TRUE(has(nn("input"), term(kNnet, "hasDataType"), term(kNnet, "Int8")));
  EXPECT_TRUE(has(nn("sensor_1"), type(), term(kSosaExtend, "Microphone")));
  EXPECT_TRUE(has(nn("sensor_1"), type(), term(kSchema, "Sensor")));
  EXPECT_TRUE(has(nn("sensor_1"), term(kSsnExtend, "provideInput"), nn("input")));
  EXPECT_TRUE(has(nn("sensor_1"), term(kSosaExtend, "hasSensorInfo"), Term::literal("tested on MP34DT05")));
  EXPECT_TRUE(has(model(), term(kSsn, "hasOutput"), nn("output")));
  EXPECT_TRUE(has(nn("output"), term(kNnet, "hasOutputInfo"),
                  Term::literal("0: silence, 1: unknown, 2: yes, 3: no")));
}

TEST_F(ModelMapping, OneLayerPerOperatorInTheReferenceRoles) {
  EXPECT_EQ(objects(model(), term(kNnet, "inputLayer")), std::vector<Term>{nn("inputLayer")});
  EXPECT_EQ(objects(model(), term(kNnet, "outputLayer")), std::vector<Term>{nn("outputLayer")});
  EXPECT_EQ(objects(model(), term(kNnet, "middleLayer")).size(), 4u);

  EXPECT_TRUE(has(nn("inputLayer"), term(kNnet, "hasType"), term(kNnet, "Reshape")));
  EXPECT_TRUE(has(nn("inputLayer"), term(kNnet, "hasIndex"), integer(1)));
  EXPECT_TRUE(has(nn("inputLayer"), term(kNnet, "shapeIn"), Term::literal("[1, 1960]")));

  const Term dw = nn("middleLayer_1");
  EXPECT_TRUE(has(dw, type(), term(kNnet, "Layer")));
  EXPECT_TRUE(has(dw, term(kNnet, "hasIndex"), integer(2)));
  EXPECT_TRUE(has(dw, term(kNnet, "hasType"), term(kNnet, "DepthwiseConv2D")));
  EXPECT_TRUE(has(dw, term(kNnet, "hasActivation"), term(kNnet, "Relu")));
  EXPECT_TRUE(has(dw, term(kNnet, "hasQuantization"), term(kNnet, "Int8")));
  EXPECT_TRUE(has(dw, term(kNnet, "shapeOut"), Term::literal("[1, 25, 20, 8]")));
  EXPECT_TRUE(has(dw, term(kNnet, "hasOperatorVersion"), integer(2)));
  EXPECT_TRUE(has(dw, term(kNnet, "hasMultiplyAccumulateOps"), integer(320000)));

  // No activation triple for NONE.
  EXPECT_TRUE(objects(nn("middleLayer_2"), term(kNnet, "hasActivation")).empty());
  EXPECT_TRUE(has(nn("outputLayer"), term(kNnet, "hasType"), term(kNnet, "Softmax")));
  EXPECT_TRUE(has(nn("outputLayer"), term(kNnet, "hasIndex"), integer(6)));
}

TEST_F(ModelMapping, UnknownAndCustomOperatorsAreKept) {
  EXPECT_TRUE(has(nn("middleLayer_3"), term(kNnet, "hasType"), term(kNnet, "BatchMatmul")));
  EXPECT_TRUE(has(nn("middleLayer_3"), term(kNnet, "hasOperatorCode"), Term::literal("BATCH_MATMUL")));
  EXPECT_TRUE(has(nn("middleLayer_4"), term(kNnet, "hasType"), term(kNnet, "Custom_MyCustomOp")));
  EXPECT_TRUE(has(nn("middleLayer_4"), term(kNnet, "isCustomOperator"), Term::boolean(true)));
  EXPECT_TRUE(has(model(), term(kNnet, "hasUnsupportedOperator"), Term::literal("MyCustomOp")));
}

TEST_F(ModelMapping, NoBlankNodesAndNoUntypedNumbers) {
  // Stable IRIs make a re-import idempotent; typed numbers make FILTERs work.
  for (const Quad& q : quads) {
    EXPECT_FALSE(q.subject.is_blank());
    EXPECT_FALSE(q.object.is_blank());
    EXPECT_TRUE(q.in_default_graph());
    if (q.object.is_literal() && q.object.datatype.empty() && q.object.lang.empty()) {
      const std::string& v = q.object.value;
      bool numeric = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
      });
      EXPECT_FALSE(numeric) << "plain literal that looks like a number: " << q.predicate.value;
    }
  }
  EXPECT_EQ(model_to_quads(yes_no_info(), yes_no_card()), quads);
}

TEST(ModelMappingGraph, QuadsGoToTheGivenGraph) {
  const Term g = Term::iri("http://example.org/graph");
  for (const Quad& q : model_to_quads(yes_no_info(), yes_no_card(), g)) EXPECT_EQ(q.graph, g);
}

TEST(ModelMappingGraph, MetricWithoutValueHasNoValueTriple) {
  ModelCard card = yes_no_card();
  card.metric->value.reset();
  for (const Quad& q : model_to_quads(yes_no_info(), card)) {
    EXPECT_NE(q.predicate, term(kNnet, "hasMetricValue"));
  }
}

TEST(ModelMappingGraph, ZeroEstimatesWriteNoMemoryCondition) {
  model::ModelInfo info = yes_no_info();
  info.arena_bytes = 0;
  for (const Quad& q : model_to_quads(info, yes_no_card())) {
    EXPECT_NE(q.object, term(kS3nExtend, "RAM"));
  }
}

TEST(ModelWithoutCard, IdentityComesFromTheFileBytes) {
  const std::string bytes = "TFL3 pretend model bytes";
  ModelCard card = card_for_file("Hello_World", bytes);
  EXPECT_EQ(card.name, "Hello_World");
  EXPECT_EQ(card.identifier, content_uuid(bytes));
  EXPECT_TRUE(validate_model_card(card, "default").ok());

  auto quads = model_to_quads(yes_no_info(), "Hello_World", bytes);
  EXPECT_EQ(quads, model_to_quads(yes_no_info(), "Hello_World", bytes));
  const Term iri = Term::iri(model_iri(content_uuid(bytes)));
  EXPECT_TRUE(std::any_of(quads.begin(), quads.end(), [&](const Quad& q) {
    return q.subject == iri && q.predicate == term(kSchema, "name") &&
           q.object == Term::literal("Hello_World");
  }));
  // No card: no category, metric or sensor, but the derived facts are there.
  for (const Quad& q : quads) {
    EXPECT_NE(q.predicate, term(kNnet, "hasCategory"));
    EXPECT_NE(q.predicate, term(kNnet, "hasMetric"));
    EXPECT_NE(q.predicate, term(kSsnExtend, "provideInput"));
  }
}

TEST(Kilobytes, ExactDecimalText) {
  EXPECT_EQ(kilobytes_text(8800), "8.8");
  EXPECT_EQ(kilobytes_text(8864), "8.864");
  EXPECT_EQ(kilobytes_text(94128), "94.128");
  EXPECT_EQ(kilobytes_text(2000), "2.0");
  EXPECT_EQ(kilobytes_text(5), "0.005");
  EXPECT_EQ(kilobytes_text(0), "0.0");
}

TEST(NnetNames, FollowTheReferenceGraph) {
  auto layer = [](std::string type, bool custom = false) {
    model::OperatorInfo o;
    o.type = std::move(type);
    o.is_custom = custom;
    return layer_type_name(o);
  };
  EXPECT_EQ(layer("CONV_2D"), "Conv2D");
  EXPECT_EQ(layer("DEPTHWISE_CONV_2D"), "DepthwiseConv2D");
  EXPECT_EQ(layer("FULLY_CONNECTED"), "FullyConnected");
  EXPECT_EQ(layer("AVERAGE_POOL_2D"), "AvgPool2D");
  EXPECT_EQ(layer("MAX_POOL_2D"), "MaxPool2D");
  EXPECT_EQ(layer("RESIZE_NEAREST_NEIGHBOR"), "ResizeNearestNeighbor");
  EXPECT_EQ(layer("L2_NORMALIZATION"), "L2Normalization");
  EXPECT_EQ(layer("CONV_3D_TRANSPOSE"), "Conv3DTranspose");
  EXPECT_EQ(layer("BUILTIN_250"), "Builtin250");
  EXPECT_EQ(layer("TFLite_Detection_PostProcess", true), "Custom_TFLite_Detection_PostProcess");
  EXPECT_EQ(layer("my op/v2", true), "Custom_my_op_v2");
  EXPECT_EQ(data_type_name("INT8"), "Int8");
  EXPECT_EQ(data_type_name("UINT8"), "Uint8");
  EXPECT_EQ(data_type_name("FLOAT32"), "Float32");
  EXPECT_EQ(activation_name("RELU6"), "Relu6");
  EXPECT_EQ(activation_name("RELU_N1_TO_1"), "ReluN1To1");
  EXPECT_EQ(activation_name("NONE"), "");
}

}  // namespace
}  // namespace tinykg::kg
