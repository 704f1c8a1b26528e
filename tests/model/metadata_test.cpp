// Model-level tables beyond the graph: metadata entries (min_runtime_version,
// the TFLM offline memory plan), signature defs, sparse tensors and control
// flow subgraphs — all on tiny models built in the test.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "model/analyzer.h"
#include "model/arena_planner.h"
#include "model/tflite_reader.h"
#include "reference_models.h"
#include "tiny_model.h"

namespace tinykg::model {
namespace {

using testing::TinyModel;

bool has_warning(const ModelInfo& info, const std::string& part) {
  for (const std::string& w : info.warnings)
    if (w.find(part) != std::string::npos) return true;
  return false;
}

// in -> RELU -> mid -> RELU -> out, 64 bytes each. Online greedy plan:
// in@0, mid@64, out@0 (in and out never live together): head 128.
TinyModel relu_chain(int* in, int* mid, int* out) {
  TinyModel m;
  *in = m.tensor({1, 64});
  *mid = m.tensor({1, 64});
  *out = m.tensor({1, 64});
  m.op(19, {*in}, {*mid});
  m.op(19, {*mid}, {*out});
  return m;
}

Result<ModelInfo> chain_with_plan(const std::vector<uint8_t>& plan,
                                  const AnalyzeOptions& options = {}) {
  int in = 0, mid = 0, out = 0;
  TinyModel m = relu_chain(&in, &mid, &out);
  m.metadata("OfflineMemoryAllocation", plan);
  return analyze_model_bytes(m.finish({in}, {out}), options);
}

TEST(Metadata, EntriesAndMinRuntimeVersion) {
  int in = 0, mid = 0, out = 0;
  TinyModel m = relu_chain(&in, &mid, &out);
  std::vector<uint8_t> version(16, 0);
  const std::string text = "1.14.0";
  std::copy(text.begin(), text.end(), version.begin());
  m.metadata("min_runtime_version", version);
  m.metadata("CONVERSION_METADATA", {1, 2, 3});
  auto info = analyze_model_bytes(m.finish({in}, {out}));
  ASSERT_TRUE(info.ok()) << info.error();
  ASSERT_EQ(info->metadata.size(), 2u);
  EXPECT_EQ(info->metadata[0].name, "min_runtime_version");
  EXPECT_EQ(info->metadata[0].size, 16u);
  EXPECT_EQ(info->metadata[1].name, "CONVERSION_METADATA");
  EXPECT_EQ(info->metadata[1].size, 3u);
  EXPECT_EQ(info->min_runtime_version, "1.14.0");
  EXPECT_EQ(info->memory_plan, "greedy");
  const auto j = model_info_to_json(*info);
  EXPECT_EQ(j["min_runtime_version"], "1.14.0");
  EXPECT_EQ(j["metadata"][1]["name"], "CONVERSION_METADATA");
  EXPECT_EQ(j["metadata"][1]["size"], 3);
  EXPECT_EQ(j["memory_plan"]["planner"], "greedy");
}

TEST(OfflinePlan, FixedOffsetsAndTheRestPlacedAroundThem) {
  // in fixed at 256; mid fits below it (0), out overlaps mid only -> 64.
  auto info = chain_with_plan(TinyModel::int32_bytes({1, 0, 3, 256, -1, -1}));
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_EQ(info->memory_plan, "offline+greedy");
  EXPECT_EQ(info->offline_planned_tensors, 1u);
  EXPECT_EQ(info->arena.planned_tensors, 320u);
  EXPECT_FALSE(has_warning(*info, "OfflineMemoryAllocation"));
  EXPECT_EQ(model_info_to_json(*info)["memory_plan"]["offline_planned_tensors"], 1);

  // A complete offline plan that aliases in and out, as the online plan does.
  auto full = chain_with_plan(TinyModel::int32_bytes({1, 0, 3, 0, 64, 0}));
  ASSERT_TRUE(full.ok()) << full.error();
  EXPECT_EQ(full->offline_planned_tensors, 3u);
  EXPECT_EQ(full->arena.planned_tensors, 128u);

  AnalyzeOptions linear;
  linear.planner = PlannerKind::kLinear;
  auto lin = chain_with_plan(TinyModel::int32_bytes({1, 0, 3, 256, -1, -1}), linear);
  ASSERT_TRUE(lin.ok()) << lin.error();
  EXPECT_EQ(lin->memory_plan, "offline+linear");
  EXPECT_EQ(lin->arena.planned_tensors, 320u + 128u);
}

TEST(OfflinePlan, GreedyPlannerHonoursOfflineOffsets) {
  std::vector<BufferRequest> buffers(3);
  buffers[0] = {64, 0, 1, 0, 100};  // fixed at 100
  buffers[1] = {128, 0, 1, 1, -1};  // does not fit below 100 -> above 164
  buffers[2] = {32, 0, 1, 2, -1};   // fits in [0, 100)
  const ArenaPlan plan = GreedyMemoryPlanner().plan(buffers);
  EXPECT_EQ(plan.offsets, (std::vector<uint64_t>{100, 164, 0}));
  EXPECT_EQ(plan.head_bytes, 292u);
}

TEST(OfflinePlan, HostilePlansWarnAndFallBackToTheOnlinePlan) {
  const std::vector<std::pair<std::string, std::vector<uint8_t>>> cases = {
      {"empty", {}},
      {"not a multiple of 4", {1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 7}},
      {"header only, wrong tensor count", TinyModel::int32_bytes({1, 0, 0})},
      {"too few offsets", TinyModel::int32_bytes({1, 0, 2, 0, 0})},
      {"declared count differs", TinyModel::int32_bytes({1, 0, 5, 0, 0, 0})},
      {"huge declared count", TinyModel::int32_bytes({1, 0, INT32_MAX, 0, 0, 0})},
      {"negative count", TinyModel::int32_bytes({1, 0, -3, 0, 0, 0})},
      {"unknown version", TinyModel::int32_bytes({2, 0, 3, 0, 64, 0})},
      {"missing subgraph", TinyModel::int32_bytes({1, 5, 3, 0, 64, 0})},
      {"negative subgraph", TinyModel::int32_bytes({1, -1, 3, 0, 64, 0})},
      {"negative offset", TinyModel::int32_bytes({1, 0, 3, -7, -1, -1})},
      {"INT32_MIN offset", TinyModel::int32_bytes({1, 0, 3, INT32_MIN, -1, -1})},
      {"overlapping live tensors", TinyModel::int32_bytes({1, 0, 3, 0, 32, -1})},
      {"beyond any sane arena", TinyModel::int32_bytes({1, 0, 3, INT32_MAX - 8, -1, -1})},
  };
  for (const auto& [what, plan] : cases) {
    SCOPED_TRACE(what);
    auto info = chain_with_plan(plan);
    ASSERT_TRUE(info.ok()) << info.error();
    EXPECT_TRUE(has_warning(*info, "OfflineMemoryAllocation ignored")) << what;
    EXPECT_EQ(info->memory_plan, "greedy");
    EXPECT_EQ(info->offline_planned_tensors, 0u);
    EXPECT_EQ(info->arena.planned_tensors, 128u);  // the online plan
  }
}

TEST(OfflinePlan, OffsetsOfUnplannedTensorsAreIgnored) {
  // The weights are constant (in Flash): their offset does not matter, as in TFLM.
  TinyModel m;
  const int in = m.tensor({1, 8});
  const int w = m.constant({4, 8});
  const int out = m.tensor({1, 4});
  m.fully_connected(in, w, -1, out);
  m.metadata("OfflineMemoryAllocation", TinyModel::int32_bytes({1, 0, 3, 0, 999999, 16}));
  auto info = analyze_model_bytes(m.finish({in}, {out}));
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_EQ(info->memory_plan, "offline+greedy");
  EXPECT_EQ(info->offline_planned_tensors, 2u);
  EXPECT_EQ(info->arena.planned_tensors, 32u);
}

TEST(SignatureDefs, NamesMapToTensorIndices) {
  int in = 0, mid = 0, out = 0;
  TinyModel m = relu_chain(&in, &mid, &out);
  m.signature("serving_default", {{"x", 0}}, {{"y", 2}});
  auto info = analyze_model_bytes(m.finish({in}, {out}));
  ASSERT_TRUE(info.ok()) << info.error();
  ASSERT_EQ(info->signature_defs.size(), 1u);
  const SignatureDefInfo& sig = info->signature_defs[0];
  EXPECT_EQ(sig.signature_key, "serving_default");
  EXPECT_EQ(sig.subgraph_index, 0);
  ASSERT_EQ(sig.inputs.size(), 1u);
  EXPECT_EQ(sig.inputs[0].name, "x");
  EXPECT_EQ(sig.inputs[0].tensor_index, 0);
  EXPECT_EQ(sig.outputs[0].tensor_index, 2);
  const auto j = model_info_to_json(*info);
  EXPECT_EQ(j["signature_defs"][0]["signature_key"], "serving_default");
  EXPECT_EQ(j["signature_defs"][0]["inputs"]["x"], 0);
  EXPECT_EQ(j["signature_defs"][0]["outputs"]["y"], 2);
}

TEST(SignatureDefs, BadIndicesAreRejected) {
  int in = 0, mid = 0, out = 0;
  TinyModel bad_tensor = relu_chain(&in, &mid, &out);
  bad_tensor.signature("s", {{"x", 7}}, {});
  auto a = read_tflite(bad_tensor.finish({in}, {out}));
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().find("signature input 'x' refers to tensor 7"), std::string::npos)
      << a.error();
  TinyModel bad_subgraph = relu_chain(&in, &mid, &out);
  bad_subgraph.signature("s", {}, {}, 3);
  auto b = read_tflite(bad_subgraph.finish({in}, {out}));
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().find("subgraph 3"), std::string::npos) << b.error();
}

TEST(SparseTensors, FlaggedAndCountedDenseAndStored) {
  for (const bool uint8_indices : {false, true}) {
    TinyModel m;
    const int in = m.tensor({1, 8}, TinyModel::kFloat32);
    const int w = m.constant({4, 8}, TinyModel::kFloat32);
    const int out = m.tensor({1, 4}, TinyModel::kFloat32);
    // 4 x 8 weights, 5 nonzeros: rows hold 2, 1, 0, 2.
    m.sparse_csr(w, 4, {0, 2, 3, 3, 5}, {1, 5, 0, 2, 7}, uint8_indices);
    m.fully_connected(in, w, -1, out);
    auto info = analyze_model_bytes(m.finish({in}, {out}));
    ASSERT_TRUE(info.ok()) << info.error();
    const TensorInfo& t = info->subgraphs[0].tensors[static_cast<size_t>(w)];
    EXPECT_TRUE(t.is_sparse);
    EXPECT_EQ(t.sparse_dim_formats, (std::vector<std::string>{"DENSE", "SPARSE_CSR"}));
    EXPECT_EQ(t.traversal_order, (std::vector<int>{0, 1}));
    EXPECT_EQ(t.stored_elements, 5u);
    EXPECT_EQ(info->params, 32u);         // dense size
    EXPECT_EQ(info->params_stored, 5u);   // what the buffer holds
    EXPECT_FALSE(info->subgraphs[0].tensors[static_cast<size_t>(in)].is_sparse);
    const auto j = model_info_to_json(*info);
    const auto& weights = j["operators"][0]["inputs"][1];
    EXPECT_EQ(weights["sparse"], true);
    EXPECT_EQ(weights["sparsity"]["dim_formats"][1], "SPARSE_CSR");
    EXPECT_EQ(weights["sparsity"]["dense_elements"], 32);
    EXPECT_EQ(weights["sparsity"]["stored_elements"], 5);
    EXPECT_EQ(j["operators"][0]["inputs"][0]["sparse"], false);
    EXPECT_EQ(j["params_stored"], 5);
  }
}

TEST(SparseTensors, StoredCountNeverExceedsTheDenseShape) {
  TinyModel m;
  const int in = m.tensor({1, 8});
  const int w = m.constant({2, 8});
  const int out = m.tensor({1, 2});
  // Claims 40 nonzero indices in a 2 x 8 tensor.
  m.sparse_csr(w, 2, {0, 20, 40}, std::vector<int32_t>(40, 1));
  m.fully_connected(in, w, -1, out);
  auto info = analyze_model_bytes(m.finish({in}, {out}));
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_EQ(info->subgraphs[0].tensors[static_cast<size_t>(w)].stored_elements, 16u);
}

// Adds a subgraph with one FULLY_CONNECTED of in_depth x units MACs.
void add_fc_subgraph(TinyModel& m, int in_depth, int units) {
  TinyModel s;
  const int in = s.tensor({1, in_depth});
  const int w = s.constant({units, in_depth});
  const int out = s.tensor({1, units});
  s.fully_connected(in, w, -1, out);
  m.subgraph(std::move(s), {in}, {out});
}

TEST(ControlFlow, WhileCountsConditionAndBodyOnceWithAWarning) {
  TinyModel m;
  const int x = m.tensor({1, 8});
  const int y = m.tensor({1, 8});
  m.while_op(1, 2, {x}, {y});
  add_fc_subgraph(m, 8, 1);  // cond: 8 MACs
  add_fc_subgraph(m, 8, 4);  // body: 32 MACs
  auto info = analyze_model_bytes(m.finish({x}, {y}));
  ASSERT_TRUE(info.ok()) << info.error();
  const OperatorInfo& op = info->subgraphs[0].operators[0];
  EXPECT_EQ(op.type, "WHILE");
  EXPECT_EQ(op.calls, (std::vector<int>{1, 2}));
  EXPECT_EQ(op.macs, 40u);
  EXPECT_EQ(info->macs, 40u);
  EXPECT_EQ(info->macs_reference, 40u);
  EXPECT_EQ(info->subgraphs[2].macs, 32u);
  EXPECT_TRUE(has_warning(*info, "iteration count unknown"));
  const auto j = model_info_to_json(*info);
  EXPECT_EQ(j["operators"][0]["calls"], (std::vector<int>{1, 2}));
  EXPECT_EQ(j["subgraphs"][0]["calls"], (std::vector<int>{1, 2}));
  EXPECT_EQ(j["subgraphs"][2]["macs"], 32);
}

TEST(ControlFlow, IfCountsTheCostlierBranchAndCallOnceItsInit) {
  TinyModel m;
  const int c = m.tensor({1}, TinyModel::kInt8);
  const int x = m.tensor({1, 8});
  const int y = m.tensor({1, 4});
  m.call_once(3);
  m.if_op(1, 2, {c, x}, {y});
  add_fc_subgraph(m, 8, 4);  // then: 32
  add_fc_subgraph(m, 8, 2);  // else: 16
  add_fc_subgraph(m, 2, 2);  // init: 4
  auto info = analyze_model_bytes(m.finish({c, x}, {y}));
  ASSERT_TRUE(info.ok()) << info.error();
  const auto& ops = info->subgraphs[0].operators;
  EXPECT_EQ(ops[0].type, "CALL_ONCE");
  EXPECT_EQ(ops[0].calls, (std::vector<int>{3}));
  EXPECT_EQ(ops[0].macs, 4u);
  EXPECT_EQ(ops[1].type, "IF");
  EXPECT_EQ(ops[1].calls, (std::vector<int>{1, 2}));
  EXPECT_EQ(ops[1].macs, 32u);
  EXPECT_EQ(info->macs, 36u);
  EXPECT_FALSE(has_warning(*info, "iteration count unknown"));
}

TEST(ControlFlow, RecursionIsCutWithAWarning) {
  TinyModel m;
  const int x = m.tensor({1, 8});
  const int y = m.tensor({1, 8});
  m.while_op(1, 1, {x}, {y});
  TinyModel self;  // subgraph 1 loops on itself
  const int a = self.tensor({1, 8});
  const int b = self.tensor({1, 8});
  self.while_op(1, 1, {a}, {b});
  m.subgraph(self, {a}, {b});
  auto info = analyze_model_bytes(m.finish({x}, {y}));
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_TRUE(has_warning(*info, "calls itself"));
  EXPECT_EQ(info->macs, 0u);
}

TEST(ControlFlow, CallToAMissingSubgraphIsRejected) {
  TinyModel m;
  const int x = m.tensor({1, 8});
  const int y = m.tensor({1, 8});
  m.while_op(1, 9, {x}, {y});
  auto info = read_tflite(m.finish({x}, {y}));
  ASSERT_FALSE(info.ok());
  EXPECT_NE(info.error().find("calls subgraph 1"), std::string::npos) << info.error();
}

}  // namespace
}  // namespace tinykg::model

namespace tinykg::model {
namespace {

TEST(Metadata, ReferenceModelsKeepTheOnlinePlan) {
  TINYKG_REQUIRE_SHARED();
  int with_version = 0;
  std::string example;
  for (const auto& [name, measured] : testing::measured_arenas()) {
    auto info = analyze_model_file(testing::model_path(name));
    ASSERT_TRUE(info.ok()) << info.error();
    EXPECT_EQ(info->memory_plan, "greedy") << name;
    EXPECT_EQ(info->params_stored, info->params) << name;  // none is sparse
    for (const MetadataEntry& m : info->metadata)
      if (m.name == "min_runtime_version") {
        EXPECT_FALSE(info->min_runtime_version.empty()) << name;
        ++with_version;
        if (example.empty()) example = name + " " + info->min_runtime_version;
      }
  }
  std::printf("reference models with min_runtime_version: %d (e.g. %s)\n", with_version,
              example.c_str());
}

}  // namespace
}  // namespace tinykg::model
