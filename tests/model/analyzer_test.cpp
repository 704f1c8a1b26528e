// The facade: JSON shape and the Flash figure.
#include <gtest/gtest.h>

#include "model/analyzer.h"
#include "model/flash_estimate.h"
#include "reference_models.h"
#include "tiny_model.h"

namespace tinykg::model {
namespace {

TEST(ModelInfoJson, HasTheDocumentedKeys) {
  testing::TinyModel m;
  const int in = m.tensor({1, 8});
  const int w = m.constant({4, 8});
  const int out = m.tensor({1, 4});
  m.fully_connected(in, w, -1, out);
  auto info = analyze_model_bytes(m.finish({in}, {out}));
  ASSERT_TRUE(info.ok()) << info.error();
  const nlohmann::json j = model_info_to_json(*info);
  for (const char* key : {"macs", "macs_reference", "params", "arena_bytes", "arena", "flash_bytes",
                          "flash_bytes_model", "operators", "subgraphs", "unsupported_operators",
                          "warnings", "schema_version"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["macs_reference"], 32);
  EXPECT_EQ(j["params"], 32);
  EXPECT_EQ(j["schema_version"], 3);
  const auto& op = j["operators"][0];
  EXPECT_EQ(op["index"], 0);
  EXPECT_EQ(op["type"], "FULLY_CONNECTED");
  EXPECT_EQ(op["version"], 1);
  EXPECT_EQ(op["activation"], "RELU");
  EXPECT_EQ(op["macs"], 32);
  EXPECT_EQ(op["inputs"][0]["shape"], nlohmann::json({1, 8}));
  EXPECT_EQ(op["inputs"][0]["dtype"], "INT8");
  EXPECT_EQ(op["inputs"][2]["index"], -1);
  EXPECT_EQ(op["outputs"][0]["shape"], nlohmann::json({1, 4}));
  EXPECT_TRUE(j["arena"].contains("planned_tensors"));
  EXPECT_TRUE(j["arena"].contains("persistent"));
  EXPECT_TRUE(j["arena"].contains("scratch"));
}

TEST(FlashEstimate, ModelPlusRuntimePlusDistinctKernels) {
  const FlashEstimate f = estimate_flash(1000, {"CONV_2D", "CONV_2D", "SOFTMAX"});
  EXPECT_EQ(f.model_bytes, 1000u);
  EXPECT_EQ(f.kernel_bytes, kernel_code_bytes("CONV_2D") + kernel_code_bytes("SOFTMAX"));
  EXPECT_EQ(f.total_bytes, 1000 + kTflmRuntimeCoreBytes + f.kernel_bytes);
}

TEST(FlashEstimate, ReferenceConventionIsTheFileSize) {
  TINYKG_REQUIRE_SHARED();
  auto info = analyze_model_file(testing::model_path("Visual_Alarm_Clock"));
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_EQ(info->flash_bytes_model, 531624u);
  EXPECT_GT(info->flash_bytes, info->flash_bytes_model);
}

}  // namespace
}  // namespace tinykg::model
