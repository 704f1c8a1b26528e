// Limits of the TFLite reader (docs/limits.md): a model that exceeds one is
// refused with a one-line error that names the limit, before any analysis.
#include <gtest/gtest.h>

#include <string>

#include "model/analyzer.h"
#include "model/tflite_reader.h"
#include "tiny_model.h"

namespace tinykg::model {
namespace {

void expect_limit_error(const Result<ModelInfo>& r, const std::string& fragment) {
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find(fragment), std::string::npos) << r.error();
  EXPECT_EQ(r.error().find('\n'), std::string::npos) << r.error();
}

TEST(ModelLimits, TensorRankAboveTheLimitIsRefused) {
  testing::TinyModel m;
  std::vector<int32_t> shape(kMaxTensorRank + 1, 1);
  int in = m.tensor(shape);
  int out = m.tensor(shape);
  m.op(19, {in}, {out});  // RELU
  expect_limit_error(analyze_model_bytes(m.finish({in}, {out})),
                     "has rank 17 (limit 16)");
}

TEST(ModelLimits, TensorRankAtTheLimitIsRead) {
  testing::TinyModel m;
  std::vector<int32_t> shape(kMaxTensorRank, 1);
  int in = m.tensor(shape);
  int out = m.tensor(shape);
  m.op(19, {in}, {out});  // RELU
  auto info = analyze_model_bytes(m.finish({in}, {out}));
  ASSERT_TRUE(info.ok()) << info.error();
}

TEST(ModelLimits, GarbageAndEmptyBytesAreOneLineErrors) {
  expect_limit_error(analyze_model_bytes(std::vector<uint8_t>{}), "empty");
  std::vector<uint8_t> garbage(4096, 0xff);
  ASSERT_FALSE(analyze_model_bytes(garbage).ok());
}

}  // namespace
}  // namespace tinykg::model
