#include "model/flash_estimate.h"

#include <map>
#include <set>
#include <string_view>

namespace tinykg::model {
namespace {

// Estimated .text + .rodata per kernel, bytes, Cortex-M4F, -Os. Heavier
// kernels carry both float and int8 paths plus per-channel requantisation.
const std::map<std::string_view, uint64_t>& kernel_table() {
  static const std::map<std::string_view, uint64_t> table = {
      {"CONV_2D", 6144},          {"DEPTHWISE_CONV_2D", 6656}, {"FULLY_CONNECTED", 3072},
      {"TRANSPOSE_CONV", 5120},   {"AVERAGE_POOL_2D", 2560},   {"MAX_POOL_2D", 2048},
      {"SOFTMAX", 2560},          {"LOGISTIC", 2048},          {"TANH", 2048},
      {"ADD", 3072},              {"SUB", 3072},               {"MUL", 2560},
      {"QUANTIZE", 2048},         {"DEQUANTIZE", 1536},        {"RESHAPE", 512},
      {"SQUEEZE", 512},           {"PAD", 2048},               {"PADV2", 2048},
      {"MEAN", 3072},             {"CONCATENATION", 2048},     {"STRIDED_SLICE", 2048},
      {"RESIZE_NEAREST_NEIGHBOR", 1536},                       {"SVDF", 4096},
      {"RELU", 1024},             {"RELU6", 1024},             {"HARD_SWISH", 2048},
      {"L2_NORMALIZATION", 1536}, {"MAXIMUM", 1536},           {"MINIMUM", 1536},
      {"PACK", 1024},             {"UNPACK", 1024},            {"SPLIT", 1024},
      {"ARG_MAX", 1024},          {"ARG_MIN", 1024},           {"BATCH_MATMUL", 4096},
  };
  return table;
}

constexpr uint64_t kGenericKernelBytes = 2048;

}  // namespace

uint64_t kernel_code_bytes(const std::string& operator_type) {
  const auto& table = kernel_table();
  const auto it = table.find(operator_type);
  return it == table.end() ? kGenericKernelBytes : it->second;
}

FlashEstimate estimate_flash(uint64_t model_bytes, const std::vector<std::string>& operator_types) {
  FlashEstimate f;
  f.model_bytes = model_bytes;
  f.runtime_bytes = kTflmRuntimeCoreBytes;
  // Each kernel is linked once however often the model uses it.
  const std::set<std::string> distinct(operator_types.begin(), operator_types.end());
  for (const std::string& type : distinct) f.kernel_bytes += kernel_code_bytes(type);
  f.total_bytes = f.model_bytes + f.runtime_bytes + f.kernel_bytes;
  return f;
}

}  // namespace tinykg::model
