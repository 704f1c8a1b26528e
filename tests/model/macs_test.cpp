// MACs: hand-computed counts on tiny graphs, and agreement with the reference
// graph's nnet:hasMultiplyAccumulateOps for all 23 reference models.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include "model/analyzer.h"
#include "reference_models.h"
#include "tiny_model.h"

namespace tinykg::model {
namespace {

using testing::TinyModel;

ModelInfo analyze(TinyModel& m, const std::vector<int>& in, const std::vector<int>& out) {
  auto info = analyze_model_bytes(m.finish(in, out));
  EXPECT_TRUE(info.ok()) << info.error();
  return std::move(info).value_or_throw();
}

TEST(Macs, Conv2d) {
  // 8x8x16 outputs, each a 3x3x3 window: 1024 * 27.
  TinyModel m;
  const int in = m.tensor({1, 8, 8, 3});
  const int w = m.constant({16, 3, 3, 3});
  const int bias = m.constant({16}, 2);
  const int out = m.tensor({1, 8, 8, 16});
  m.conv2d(in, w, bias, out);
  const ModelInfo info = analyze(m, {in}, {out});
  EXPECT_EQ(info.subgraphs[0].operators[0].macs, 27648u);
  EXPECT_EQ(info.macs_reference, 27648u);
  EXPECT_EQ(info.subgraphs[0].operators[0].activation, "RELU6");
}

TEST(Macs, GroupedConv2dDividesByGroups) {
  // 8 input channels in 2 groups: the filter's last dim is in_ch / groups = 4.
  TinyModel m;
  const int in = m.tensor({1, 4, 4, 8});
  const int w = m.constant({8, 3, 3, 4});
  const int out = m.tensor({1, 4, 4, 8});
  m.conv2d(in, w, -1, out);
  EXPECT_EQ(analyze(m, {in}, {out}).macs_reference, 4u * 4 * 8 * 3 * 3 * 8 / 2);
}

TEST(Macs, DepthwiseConv2d) {
  // Stride 2: 4x4x4 outputs, each one 3x3 window.
  TinyModel m;
  const int in = m.tensor({1, 8, 8, 4});
  const int w = m.constant({1, 3, 3, 4});
  const int out = m.tensor({1, 4, 4, 4});
  m.depthwise_conv2d(in, w, -1, out, 2);
  EXPECT_EQ(analyze(m, {in}, {out}).macs_reference, 64u * 9);
}

TEST(Macs, FullyConnected) {
  TinyModel m;
  const int in = m.tensor({1, 64});
  const int w = m.constant({10, 64});
  const int out = m.tensor({1, 10});
  m.fully_connected(in, w, -1, out);
  EXPECT_EQ(analyze(m, {in}, {out}).macs_reference, 640u);
}

TEST(Macs, ReferenceCountsOnlyConvAndFullyConnected) {
  // conv -> max pool -> fully connected -> softmax
  TinyModel m;
  const int in = m.tensor({1, 4, 4, 1});
  const int w = m.constant({2, 3, 3, 1});
  const int c = m.tensor({1, 4, 4, 2});
  const int p = m.tensor({1, 2, 2, 2});
  const int fw = m.constant({3, 8});
  const int f = m.tensor({1, 3});
  const int out = m.tensor({1, 3});
  m.conv2d(in, w, -1, c);
  m.max_pool(c, p, 2);
  m.fully_connected(p, fw, -1, f);
  m.op(25, {f}, {out});  // SOFTMAX
  const ModelInfo info = analyze(m, {in}, {out});
  const uint64_t conv = 32 * 9, fc = 3 * 8, pool = 8 * 4, softmax = 3;
  EXPECT_EQ(info.macs_reference, conv + fc);
  EXPECT_EQ(info.macs, conv + fc + pool + softmax);
  EXPECT_EQ(info.subgraphs[0].operators[1].macs, pool);
}

// ---- every computing operator family (conventions: src/model/README.md) ----

uint64_t op_macs(TinyModel& m, const std::vector<int>& in, const std::vector<int>& out) {
  return analyze(m, in, out).subgraphs[0].operators[0].macs;
}

TEST(Macs, TransposeConvScattersEachInputThroughTheFilter) {
  // 2x2x3 input, filter [out_ch 4, 3, 3, in_ch 3], stride 2 -> 4x4x4 output.
  // Each of the 12 input values is multiplied by 3 * 3 * 4 weights.
  TinyModel m;
  const int shape = m.constant({4}, 2);
  const int w = m.constant({4, 3, 3, 3});
  const int in = m.tensor({1, 2, 2, 3});
  const int out = m.tensor({1, 4, 4, 4});
  m.op(67, {shape, w, in}, {out});  // TRANSPOSE_CONV
  EXPECT_EQ(op_macs(m, {in}, {out}), 12u * 36);
}

TEST(Macs, Conv3d) {
  // filter [kd 3, kh 3, kw 3, in 2, out 5]; 4x4x4x5 outputs, 54 products each.
  TinyModel m;
  const int in = m.tensor({1, 4, 4, 4, 2});
  const int w = m.constant({3, 3, 3, 2, 5});
  const int out = m.tensor({1, 4, 4, 4, 5});
  m.op(132, {in, w}, {out});  // CONV_3D (extended code range)
  EXPECT_EQ(op_macs(m, {in}, {out}), 320u * 54);
}

TEST(Macs, BatchMatmulContractsTheSharedDimension) {
  // [2,3,4] x [2,4,5] -> [2,3,5]: 30 outputs, 4 products each.
  TinyModel m;
  const int x = m.tensor({2, 3, 4});
  const int y = m.tensor({2, 4, 5});
  const int out = m.tensor({2, 3, 5});
  m.batch_matmul(x, y, out);
  EXPECT_EQ(op_macs(m, {x, y}, {out}), 120u);

  // adj_x: x is stored transposed [2,4,3]; the contraction is still 4.
  TinyModel t;
  const int xt = t.tensor({2, 4, 3});
  const int yt = t.tensor({2, 4, 5});
  const int outt = t.tensor({2, 3, 5});
  t.batch_matmul(xt, yt, outt, /*adj_x=*/true);
  EXPECT_EQ(op_macs(t, {xt, yt}, {outt}), 120u);
}

TEST(Macs, SvdfCountsFeatureAndTimeWeightsPerBatch) {
  // batch 2, input 8, 6 filters (rank 2 -> 3 units), memory 10:
  // per batch 6*8 feature MACs + 6*10 time MACs.
  TinyModel m;
  const int in = m.tensor({2, 8});
  const int feature = m.constant({6, 8});
  const int time = m.constant({6, 10});
  const int bias = m.constant({3}, 2);
  const int state = m.variable({2, 60});
  const int out = m.tensor({2, 3});
  m.op(27, {in, feature, time, bias, state}, {out});  // SVDF
  EXPECT_EQ(op_macs(m, {in}, {out}), 2u * (48 + 60));
}

TEST(Macs, UnidirectionalSequenceLstmAppliesGateWeightsPerStep) {
  // batch 1, 5 time steps, 3 inputs, 4 cells, no peephole / projection:
  // per step 4 input matrices [4,3] + 4 recurrent matrices [4,4] = 112.
  TinyModel m;
  const int in = m.tensor({1, 5, 3});
  std::vector<int> inputs(24, -1);
  inputs[0] = in;
  for (int i = 1; i <= 4; ++i) inputs[static_cast<size_t>(i)] = m.constant({4, 3});
  for (int i = 5; i <= 8; ++i) inputs[static_cast<size_t>(i)] = m.constant({4, 4});
  for (int i = 12; i <= 15; ++i) inputs[static_cast<size_t>(i)] = m.constant({4}, 2);
  inputs[18] = m.variable({1, 4});  // output state
  inputs[19] = m.variable({1, 4});  // cell state
  const int out = m.tensor({1, 5, 4});
  m.op(44, inputs, {out});  // UNIDIRECTIONAL_SEQUENCE_LSTM
  EXPECT_EQ(op_macs(m, {in}, {out}), 5u * 112);
}

TEST(Macs, SequenceRnnAppliesInputAndRecurrentWeightsPerStep) {
  // The GRU-like family in the builtin set: 5 steps x ([4,3] + [4,4]).
  TinyModel m;
  const int in = m.tensor({1, 5, 3});
  const int w = m.constant({4, 3});
  const int r = m.constant({4, 4});
  const int bias = m.constant({4}, 2);
  const int state = m.variable({1, 4});
  const int out = m.tensor({1, 5, 4});
  m.op(35, {in, w, r, bias, state}, {out});  // UNIDIRECTIONAL_SEQUENCE_RNN
  EXPECT_EQ(op_macs(m, {in}, {out}), 5u * 28);
}

TEST(Macs, PoolingCountsTheWindowPerOutput) {
  // 2x2 windows over [1,4,4,2] -> 8 outputs x 4 values, for every pool kind.
  for (const int code : {1, 12, 17}) {  // AVERAGE, L2, MAX
    TinyModel m;
    const int in = m.tensor({1, 4, 4, 2});
    const int out = m.tensor({1, 2, 2, 2});
    m.pool(code, in, out, 2);
    EXPECT_EQ(op_macs(m, {in}, {out}), 32u) << "pool code " << code;
  }
}

TEST(Macs, ElementwiseAndActivationsCountOneOpPerOutput) {
  // ADD, MUL, SUB, LOGISTIC, TANH, RELU, HARD_SWISH, QUANTIZE: 10 outputs.
  for (const int code : {0, 18, 41, 14, 28, 19, 117, 114}) {
    TinyModel m;
    const int a = m.tensor({1, 10});
    const int b = m.tensor({1, 10});
    const int out = m.tensor({1, 10});
    m.op(code, {a, b}, {out});
    EXPECT_EQ(op_macs(m, {a, b}, {out}), 10u) << "code " << code;
  }
}

TEST(Macs, SoftmaxAndMeanCountOneOpPerInput) {
  TinyModel s;
  const int logits = s.tensor({1, 12});
  const int probs = s.tensor({1, 12});
  s.op(25, {logits}, {probs});  // SOFTMAX
  EXPECT_EQ(op_macs(s, {logits}, {probs}), 12u);

  // Global average: [1,4,4,8] -> [1,8] reads 128 values.
  TinyModel m;
  const int in = m.tensor({1, 4, 4, 8});
  const int axes = m.constant({2}, 2);
  const int out = m.tensor({1, 8});
  m.op(40, {in, axes}, {out});  // MEAN
  EXPECT_EQ(op_macs(m, {in}, {out}), 128u);
}

TEST(Macs, DataMovementCountsZero) {
  TinyModel m;
  const int in = m.tensor({1, 4, 4, 2});
  const int shape = m.constant({2}, 2);
  const int out = m.tensor({1, 32});
  m.op(22, {in, shape}, {out});  // RESHAPE
  EXPECT_EQ(op_macs(m, {in}, {out}), 0u);
}

TEST(Macs, ModelWrittenAsJsonText) {
  // tests/model/data/valid_conv.json, compiled by flatc at build time.
  auto info = analyze_model_file(TINYKG_MODEL_JSON_DIR "/valid_conv.tflite");
  ASSERT_TRUE(info.ok()) << info.error();
  const OperatorInfo& conv = info->subgraphs[0].operators[0];
  EXPECT_EQ(conv.type, "CONV_2D");  // from deprecated_builtin_code alone
  EXPECT_EQ(conv.version, 3);
  EXPECT_EQ(conv.activation, "RELU");
  EXPECT_EQ(conv.inputs, (std::vector<int>{0, 1, -1}));
  EXPECT_EQ(info->macs_reference, 3u * 3 * 4 * (3 * 3 * 2));
  EXPECT_EQ(info->params, 72u);
  EXPECT_EQ(info->subgraphs[0].tensors[1].quantization.scale.size(), 4u);
}

TEST(Macs, MatchReferenceGraphForAllModels) {
  TINYKG_REQUIRE_SHARED();
  const auto expected = testing::reference_macs();
  ASSERT_EQ(expected.size(), 23u) << "could not read MACs from tflite_models.ttl";
  // The Turtle prints doubles with 7 significant digits (18740192 is stored
  // as 1.874019e+07), so agreement means equal within that precision.
  int exact = 0, agree = 0;
  for (const auto& [name, macs] : expected) {
    auto info = analyze_model_file(testing::model_path(name));
    ASSERT_TRUE(info.ok()) << info.error();
    const double diff =
        std::abs(static_cast<double>(info->macs_reference) - static_cast<double>(macs));
    EXPECT_LE(diff, 5e-7 * static_cast<double>(macs) + 0.5) << name << ": " << info->macs_reference;
    EXPECT_GE(info->macs, info->macs_reference) << name;
    exact += info->macs_reference == macs;
    agree += diff <= 5e-7 * static_cast<double>(macs) + 0.5;
  }
  std::cout << "[ MACs ] reference agreement: " << agree << "/" << expected.size() << " (" << exact
            << " exact, the rest equal to the Turtle's 7 printed digits)\n";
}

TEST(Macs, CaseStudyFigures) {
  TINYKG_REQUIRE_SHARED();
  const std::map<std::string, uint64_t> documented = {{"Visual_Alarm_Clock", 7387976},
                                                      {"Person_Detection", 7158144},
                                                      {"Micro_Speech_Yes_No_2", 381824},
                                                      {"Micro_Speech_Yes_No_1", 336000}};
  for (const auto& [name, macs] : documented) {
    auto info = analyze_model_file(testing::model_path(name));
    ASSERT_TRUE(info.ok()) << info.error();
    EXPECT_EQ(info->macs_reference, macs) << name;
  }
}

}  // namespace
}  // namespace tinykg::model
