#include "model/flash_estimate.h"

#include <map>
#include <set>
#include <string_view>

namespace tinykg::model {
namespace {

// Estimated .text + .rodata per kernel, bytes, Cortex-M4F, -Os, reference kernels. Heavier
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

// Extra code CMSIS-NN adds next to the reference kernel it wraps (the float
// and non-int8 paths stay linked): arm_convolve_s8 + 1x1 fast + 1xN +
// wrapper + mat-mult kernels for CONV_2D, the s8 / s8_opt / 3x3 depthwise
// variants, arm_fully_connected_s8, pooling, softmax and elementwise s8.
const std::map<std::string_view, uint64_t>& cmsis_nn_extra() {
  static const std::map<std::string_view, uint64_t> table = {
      {"CONV_2D", 8192},        {"DEPTHWISE_CONV_2D", 6144}, {"FULLY_CONNECTED", 1536},
      {"AVERAGE_POOL_2D", 1536}, {"MAX_POOL_2D", 1024},      {"SOFTMAX", 1024},
      {"ADD", 1536},            {"MUL", 1024},               {"SVDF", 2048},
      {"TRANSPOSE_CONV", 4096}, {"BATCH_MATMUL", 2048},
      {"UNIDIRECTIONAL_SEQUENCE_LSTM", 4096},
  };
  return table;
}

}  // namespace

// Sources and reasoning per target: README.md, "Flash".
const std::vector<FlashTarget>& flash_targets() {
  static const std::vector<FlashTarget> targets = {
      {"cortex-m4f-reference", "Cortex-M4F (ARMv7E-M, FPv4-SP), TFLM reference kernels",
       kTflmRuntimeCoreBytes, 1.0, false, 10.0},
      {"cortex-m4f-cmsis-nn", "Cortex-M4F (ARMv7E-M, DSP, FPv4-SP), CMSIS-NN kernels",
       kTflmRuntimeCoreBytes, 1.0, true, 15.0},
      {"cortex-m7-cmsis-nn", "Cortex-M7 (ARMv7E-M, DSP, FPv5), CMSIS-NN kernels",
       kTflmRuntimeCoreBytes, 1.0, true, 15.0},
      // ARMv6-M: Thumb-1 only, no divide, no FPU: float kernels pull in the
      // soft-float library (counted in the core) and code grows ~15 %.
      {"cortex-m0plus-reference", "Cortex-M0+ (ARMv6-M, no FPU), TFLM reference kernels",
       kTflmRuntimeCoreBytes * 115 / 100 + 6 * 1024, 1.15, false, 10.0},
  };
  return targets;
}

std::optional<FlashTarget> find_flash_target(std::string_view name) {
  for (const FlashTarget& t : flash_targets())
    if (t.name == name) return t;
  return std::nullopt;
}

uint64_t kernel_code_bytes(const std::string& operator_type) {
  const auto& table = kernel_table();
  const auto it = table.find(operator_type);
  return it == table.end() ? kGenericKernelBytes : it->second;
}

uint64_t kernel_code_bytes(const std::string& operator_type, const FlashTarget& target) {
  uint64_t bytes = kernel_code_bytes(operator_type);
  if (target.cmsis_nn) {
    const auto it = cmsis_nn_extra().find(operator_type);
    if (it != cmsis_nn_extra().end()) bytes += it->second;
  }
  // Round to 16 bytes so scaled figures stay readable.
  return (static_cast<uint64_t>(static_cast<double>(bytes) * target.kernel_scale) + 15) / 16 * 16;
}

FlashEstimate estimate_flash(uint64_t model_bytes, const std::vector<std::string>& operator_types) {
  return estimate_flash(model_bytes, operator_types, *find_flash_target(kDefaultFlashTarget));
}

FlashEstimate estimate_flash(uint64_t model_bytes, const std::vector<std::string>& operator_types,
                             const FlashTarget& target) {
  FlashEstimate f;
  f.model_bytes = model_bytes;
  f.runtime_bytes = target.runtime_core_bytes;
  // Each kernel is linked once however often the model uses it.
  const std::set<std::string> distinct(operator_types.begin(), operator_types.end());
  for (const std::string& type : distinct) {
    const uint64_t bytes = kernel_code_bytes(type, target);
    f.kernels.push_back({type, bytes});
    f.kernel_bytes += bytes;
  }
  f.total_bytes = f.model_bytes + f.runtime_bytes + f.kernel_bytes;
  return f;
}

}  // namespace tinykg::model
