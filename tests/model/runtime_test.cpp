// Runtime profiles (tflm-2.4 / tflm-current), named Flash targets, the arena
// breakdown and safety margin, the op resolver list and the runtime check.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "model/analyzer.h"
#include "model/flash_estimate.h"
#include "reference_models.h"
#include "tiny_model.h"

namespace tinykg::model {
namespace {

using testing::TinyModel;

// conv 3x3 (8 -> 16 channels) -> fully connected -> softmax, int8.
std::vector<uint8_t> small_cnn() {
  TinyModel m;
  const int in = m.tensor({1, 8, 8, 8});
  const int w = m.constant({16, 3, 3, 8});
  m.quantize(w, 16);
  const int c = m.tensor({1, 8, 8, 16});
  const int fw = m.constant({4, 1024});
  const int f = m.tensor({1, 4});
  const int out = m.tensor({1, 4});
  m.conv2d(in, w, -1, c);
  m.fully_connected(c, fw, -1, f);
  m.op(25, {f}, {out});
  return m.finish({in}, {out});
}

ModelInfo analyze(const std::vector<uint8_t>& bytes, const AnalyzeOptions& options = {}) {
  auto info = analyze_model_bytes(bytes, options);
  EXPECT_TRUE(info.ok()) << info.error();
  return std::move(info).value_or_throw();
}

void expect_consistent_breakdown(const ModelInfo& info) {
  const ArenaBreakdown& a = info.arena;
  EXPECT_EQ(info.arena_bytes, a.planned_tensors + a.scratch + a.persistent);
  EXPECT_EQ(a.persistent, a.persistent_tensors + a.persistent_quantization +
                              a.persistent_node_arrays + a.persistent_op_data +
                              a.persistent_runtime);
  EXPECT_GE(a.peak, info.arena_bytes);
  EXPECT_GE(info.arena_bytes_with_margin, a.peak);
  EXPECT_EQ(info.arena_bytes_with_margin % 16, 0u);
}

TEST(RuntimeProfile, Tflm24IsTheDefault) {
  const ModelInfo info = analyze(small_cnn());
  EXPECT_EQ(info.runtime, "tflm-2.4");
  EXPECT_EQ(info.struct_abi, "host-64");
  EXPECT_EQ(info.flash.target, "cortex-m4f-reference");
  expect_consistent_breakdown(info);
}

TEST(RuntimeProfile, CurrentUsesEvalTensorsAndKeepsTheSamePlan) {
  AnalyzeOptions current;
  current.runtime = Runtime::kTflmCurrent;
  const ModelInfo old = analyze(small_cnn());
  const ModelInfo now = analyze(small_cnn(), current);
  EXPECT_EQ(now.runtime, "tflm-current");
  expect_consistent_breakdown(now);
  // The head (activations) does not depend on the runtime generation...
  EXPECT_EQ(now.arena.planned_tensors, old.arena.planned_tensors);
  // ...but 6 x 24-byte TfLiteEvalTensors + 2 I/O TfLiteTensors (72) are far
  // below 6 full 112-byte TfLiteTensors.
  EXPECT_EQ(now.arena.persistent_tensors, 6u * 24 + 2 * 72);
  EXPECT_EQ(old.arena.persistent_tensors, 6u * 112);
  // Prepare needs temporary TfLiteTensors; 2.4 keeps them all persistent.
  EXPECT_GT(now.arena.temp_peak, 0u);
}

TEST(RuntimeProfile, StructAbiIsOrthogonalToTheRuntime) {
  for (const Runtime runtime : {Runtime::kTflm24, Runtime::kTflmCurrent}) {
    AnalyzeOptions host, mcu;
    host.runtime = mcu.runtime = runtime;
    mcu.arena_target = ArenaTarget::kCortexM;
    const ModelInfo h = analyze(small_cnn(), host);
    const ModelInfo m = analyze(small_cnn(), mcu);
    EXPECT_EQ(m.struct_abi, "cortex-m");
    EXPECT_EQ(h.arena.planned_tensors, m.arena.planned_tensors);
    EXPECT_LT(m.arena.persistent, h.arena.persistent) << runtime_name(runtime);
  }
}

TEST(ArenaMargin, DefaultsToTheTargetAndNeverChangesArenaBytes) {
  const ModelInfo plain = analyze(small_cnn());
  EXPECT_DOUBLE_EQ(plain.arena_margin_percent, 10.0);
  AnalyzeOptions options;
  options.margin_percent = 25.0;
  const ModelInfo wide = analyze(small_cnn(), options);
  EXPECT_EQ(wide.arena_bytes, plain.arena_bytes);
  const uint64_t base = std::max(wide.arena_bytes, wide.arena.peak);
  const auto expected = static_cast<uint64_t>(std::ceil(static_cast<double>(base) * 1.25));
  EXPECT_EQ(wide.arena_bytes_with_margin, (expected + 15) / 16 * 16);

  options.margin_percent = -1.0;
  EXPECT_FALSE(analyze_model_bytes(small_cnn(), options).ok());
}

TEST(FlashTarget, BreakdownAddsUpAndNamesEachKernel) {
  const ModelInfo info = analyze(small_cnn());
  uint64_t kernels = 0;
  std::vector<std::string> ops;
  for (const KernelFlash& k : info.flash.kernels) {
    kernels += k.bytes;
    ops.push_back(k.op);
  }
  EXPECT_EQ(ops, (std::vector<std::string>{"CONV_2D", "FULLY_CONNECTED", "SOFTMAX"}));
  EXPECT_EQ(info.flash.model, info.flash_bytes_model);
  EXPECT_EQ(info.flash_bytes, info.flash.model + info.flash.runtime_core + kernels);
  // The default target keeps the figures the analyzer always reported.
  EXPECT_EQ(info.flash_bytes,
            estimate_flash(info.flash_bytes_model, {"CONV_2D", "FULLY_CONNECTED", "SOFTMAX"})
                .total_bytes);
}

TEST(FlashTarget, CmsisNnAndThumb1CostMoreCode) {
  auto flash_for = [](const char* target) {
    AnalyzeOptions options;
    options.target = target;
    return analyze(small_cnn(), options).flash_bytes;
  };
  const uint64_t m4 = flash_for("cortex-m4f-reference");
  EXPECT_GT(flash_for("cortex-m4f-cmsis-nn"), m4);
  EXPECT_EQ(flash_for("cortex-m7-cmsis-nn"), flash_for("cortex-m4f-cmsis-nn"));  // same ISA
  EXPECT_GT(flash_for("cortex-m0plus-reference"), m4);

  AnalyzeOptions unknown;
  unknown.target = "cortex-a53";
  auto r = analyze_model_bytes(small_cnn(), unknown);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("unknown target 'cortex-a53'"), std::string::npos) << r.error();
}

TEST(ArenaScratch, CmsisNnConvRequestsAnIm2colBuffer) {
  // int8 3x3 conv over 8 input channels: 2 columns x 8 x 3 x 3 int16 = 288 B.
  AnalyzeOptions cmsis;
  cmsis.target = "cortex-m4f-cmsis-nn";
  EXPECT_EQ(analyze(small_cnn()).arena.scratch, 0u);
  const ModelInfo info = analyze(small_cnn(), cmsis);
  EXPECT_EQ(info.arena.scratch, 288u);
  expect_consistent_breakdown(info);
}

TEST(ArenaScratch, CountsWhatScratchAddsToTheHeadNotTheSum) {
  // Two int8 3x3 convs under CMSIS-NN: 288 B scratch at op 0, 576 B at op 1.
  // They never live together; the head grows by the larger one only.
  TinyModel m;
  const int in = m.tensor({1, 8, 8, 8});
  const int w1 = m.constant({16, 3, 3, 8});
  const int c1 = m.tensor({1, 8, 8, 16});
  const int w2 = m.constant({16, 3, 3, 16});
  const int c2 = m.tensor({1, 8, 8, 16});
  m.conv2d(in, w1, -1, c1);
  m.conv2d(c1, w2, -1, c2);
  AnalyzeOptions cmsis;
  cmsis.target = "cortex-m4f-cmsis-nn";
  const ModelInfo info = analyze(m.finish({in}, {c2}), cmsis);
  EXPECT_EQ(info.arena.planned_tensors, 2048u);
  EXPECT_EQ(info.arena.scratch, 576u);
  expect_consistent_breakdown(info);
}

TEST(OpResolver, ListsEachBuiltinOnceWithItsHighestVersion) {
  TinyModel m;
  const int in = m.tensor({1, 4});
  const int a = m.tensor({1, 4});
  const int b = m.tensor({1, 4});
  const int out = m.tensor({1, 4});
  m.op(19, {in}, {a}, 1);   // RELU v1
  m.op(19, {a}, {b}, 2);    // RELU v2
  m.op(25, {b}, {out}, 1);  // SOFTMAX
  const ModelInfo info = analyze(m.finish({in}, {out}));
  ASSERT_EQ(info.op_resolver.size(), 2u);
  EXPECT_EQ(info.op_resolver[0].method, "AddRelu");
  EXPECT_EQ(info.op_resolver[0].max_version, 2);
  EXPECT_EQ(info.op_resolver[0].count, 2);
  EXPECT_EQ(info.op_resolver[1].method, "AddSoftmax");
  const nlohmann::json j = model_info_to_json(info);
  EXPECT_EQ(j["op_resolver"][0]["method"], "AddRelu");
  EXPECT_EQ(j["op_resolver"][0]["version"], 2);
}

TEST(RuntimeCheck, FlagsCustomFlexAndMissingKernelsPerRuntime) {
  TinyModel m;
  const int in = m.tensor({1, 2, 2, 3});
  const int shape = m.constant({4}, 2);
  const int w = m.constant({4, 3, 3, 3});
  const int t = m.tensor({1, 4, 4, 4});
  const int c = m.tensor({1, 4, 4, 4});
  const int out = m.tensor({1, 4, 4, 4});
  m.op(67, {shape, w, in}, {t});  // TRANSPOSE_CONV: not in 2.4, in current
  m.custom("FlexErf", {t}, {c});
  m.custom("MyAccelOp", {c}, {out});
  const auto bytes = m.finish({in}, {out});

  const ModelInfo old = analyze(bytes);
  EXPECT_EQ(old.unsupported_operators,
            (std::vector<std::string>{"FlexErf", "MyAccelOp", "TRANSPOSE_CONV"}));
  AnalyzeOptions current;
  current.runtime = Runtime::kTflmCurrent;
  const ModelInfo now = analyze(bytes, current);
  EXPECT_EQ(now.unsupported_operators, (std::vector<std::string>{"FlexErf", "MyAccelOp"}));
  ASSERT_EQ(now.op_resolver.size(), 1u);
  EXPECT_EQ(now.op_resolver[0].method, "AddTransposeConv");
  for (const UnsupportedOperator& u : now.unsupported_details)
    if (u.op == "FlexErf") EXPECT_NE(u.reason.find("flex"), std::string::npos);
}

TEST(RuntimeCheck, FlagsTensorTypesWithoutKernels) {
  TinyModel m;
  const int in = m.tensor({1, 8}, TinyModel::kFloat16);
  const int out = m.tensor({1, 8}, TinyModel::kFloat16);
  m.op(19, {in}, {out});  // RELU on float16
  const ModelInfo info = analyze(m.finish({in}, {out}));
  ASSERT_EQ(info.unsupported_details.size(), 1u);
  EXPECT_EQ(info.unsupported_details[0].op, "RELU");
  EXPECT_NE(info.unsupported_details[0].reason.find("FLOAT16"), std::string::npos);

  // int16 activations in FULLY_CONNECTED: a kernel path added after 2.4.
  TinyModel f;
  const int x = f.tensor({1, 8}, TinyModel::kInt16);
  const int wt = f.constant({4, 8});
  const int y = f.tensor({1, 4}, TinyModel::kInt16);
  f.fully_connected(x, wt, -1, y);
  const auto bytes = f.finish({x}, {y});
  EXPECT_EQ(analyze(bytes).unsupported_operators, (std::vector<std::string>{"FULLY_CONNECTED"}));
  AnalyzeOptions current;
  current.runtime = Runtime::kTflmCurrent;
  EXPECT_TRUE(analyze(bytes, current).unsupported_operators.empty());

  // uint8 (asymmetric) quantization: fine for 2.4, gone from today's kernels.
  TinyModel u;
  const int ux = u.tensor({1, 8}, TinyModel::kUInt8);
  const int uw = u.constant({4, 8}, TinyModel::kUInt8);
  const int uy = u.tensor({1, 4}, TinyModel::kUInt8);
  u.fully_connected(ux, uw, -1, uy);
  const auto ubytes = u.finish({ux}, {uy});
  EXPECT_TRUE(analyze(ubytes).unsupported_operators.empty());
  EXPECT_EQ(analyze(ubytes, current).unsupported_operators,
            (std::vector<std::string>{"FULLY_CONNECTED"}));
}

TEST(ModelInfoJson, HasTheBreakdownKeys) {
  const nlohmann::json j = model_info_to_json(analyze(small_cnn()));
  for (const char* key : {"runtime", "struct_abi", "arena_bytes_with_margin",
                          "arena_margin_percent", "flash_breakdown", "op_resolver",
                          "unsupported_details"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["flash_breakdown"]["kernels"][0]["op"], "CONV_2D");
  EXPECT_TRUE(j["arena"].contains("peak"));
  const auto& w = j["operators"][0]["inputs"][1]["quantization"];
  EXPECT_EQ(w["kind"], "per-channel");
  EXPECT_EQ(w["channels"], 16);
  EXPECT_EQ(j["operators"][0]["inputs"][0]["quantization"]["kind"], "per-tensor");
}

// Prints the per-model table for both runtimes (the report's source) and
// checks what must hold whatever the generation: tflm-current needs less
// persistent memory than the 2.4 host build, the activations are shared.
TEST(ArenaEstimate, ReferenceModelsUnderBothRuntimes) {
  TINYKG_REQUIRE_SHARED();
  const auto measured = testing::measured_arenas();
  ASSERT_EQ(measured.size(), 23u);
  AnalyzeOptions current;
  current.runtime = Runtime::kTflmCurrent;
  AnalyzeOptions current_mcu = current;
  current_mcu.arena_target = ArenaTarget::kCortexM;
  std::printf("%-38s %9s %9s %9s %9s\n", "model", "measured", "tflm-2.4", "current",
              "cur-m32");
  for (const auto& [name, facts] : measured) {
    auto old = analyze_model_file(testing::model_path(name));
    auto now = analyze_model_file(testing::model_path(name), current);
    auto m32 = analyze_model_file(testing::model_path(name), current_mcu);
    ASSERT_TRUE(old.ok() && now.ok() && m32.ok());
    std::printf("%-38s %9lu %9lu %9lu %9lu\n", name.c_str(),
                static_cast<unsigned long>(facts.arena_bytes),
                static_cast<unsigned long>(old->arena_bytes),
                static_cast<unsigned long>(now->arena_bytes),
                static_cast<unsigned long>(m32->arena_bytes));
    // Same activations; tflm-current may add scratch (int8 MEAN), which the
    // planner can tuck into gaps, so only the head as a whole is comparable.
    const uint64_t old_head = old->arena.planned_tensors + old->arena.scratch;
    const uint64_t now_head = now->arena.planned_tensors + now->arena.scratch;
    if (now->arena.scratch == old->arena.scratch)
      EXPECT_EQ(now_head, old_head) << name;
    else
      EXPECT_GE(now_head, old_head) << name;
    EXPECT_LT(now->arena.persistent, old->arena.persistent) << name;
    expect_consistent_breakdown(*now);
    expect_consistent_breakdown(*old);
  }
}

}  // namespace
}  // namespace tinykg::model
