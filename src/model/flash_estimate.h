// FlashEstimate: program memory a named Cortex-M target needs to run a model
// with TFLite Micro: the .tflite file (stored as a C array) plus the runtime
// core plus the code of each distinct kernel the model uses.
//
// All code sizes are ESTIMATES (arm-none-eabi-gcc -Os, int8 and float paths
// linked), not linker-map figures; README.md ("Flash") documents where each
// number comes from. They are meant for "does it fit" answers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model_info.h"

namespace tinykg::model {

// A named build target: core, kernel set and the per-target defaults.
struct FlashTarget {
  std::string_view name;            // "cortex-m4f-cmsis-nn"
  std::string_view description;
  uint64_t runtime_core_bytes = 0;  // interpreter, allocator, planner, resolver
  double kernel_scale = 1.0;        // code density relative to Cortex-M4F (Thumb-2)
  bool cmsis_nn = false;            // CMSIS-NN kernels linked (and their scratch buffers)
  double default_margin_percent = 0;  // arena safety margin (README.md, "Safety margin")
};

inline constexpr std::string_view kDefaultFlashTarget = "cortex-m4f-reference";

const std::vector<FlashTarget>& flash_targets();
std::optional<FlashTarget> find_flash_target(std::string_view name);

struct FlashEstimate {
  uint64_t model_bytes = 0;    // the .tflite file
  uint64_t runtime_bytes = 0;  // interpreter, allocator, planner, flatbuffer access
  uint64_t kernel_bytes = 0;   // sum over distinct kernels
  uint64_t total_bytes = 0;
  std::vector<KernelFlash> kernels;  // distinct kernels, sorted by name
};

// Runtime core without kernels on the reference target (Cortex-M4F).
inline constexpr uint64_t kTflmRuntimeCoreBytes = 24 * 1024;

// Estimated code size of one kernel on the reference target (Cortex-M4F,
// reference kernels), by operator type; a generic figure for kernels without
// an entry (and for custom operators).
uint64_t kernel_code_bytes(const std::string& operator_type);

// Estimated code size of one kernel on `target`.
uint64_t kernel_code_bytes(const std::string& operator_type, const FlashTarget& target);

FlashEstimate estimate_flash(uint64_t model_bytes, const std::vector<std::string>& operator_types);
FlashEstimate estimate_flash(uint64_t model_bytes, const std::vector<std::string>& operator_types,
                             const FlashTarget& target);

}  // namespace tinykg::model
