// FlashEstimate: program memory a Cortex-M4F target needs to run a model with
// TFLite Micro: the .tflite file (stored as a C array) plus the runtime core
// plus the code of each distinct kernel the model uses.
//
// The code sizes are ESTIMATES for arm-none-eabi-gcc -Os builds of TFLM 2.4
// reference kernels (int8 and float paths linked); they are documented in
// README.md and are meant for "does it fit" answers, not linker maps.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tinykg::model {

struct FlashEstimate {
  uint64_t model_bytes = 0;    // the .tflite file
  uint64_t runtime_bytes = 0;  // interpreter, allocator, planner, flatbuffer access
  uint64_t kernel_bytes = 0;   // sum over distinct kernels
  uint64_t total_bytes = 0;
};

// Runtime core without kernels (MicroInterpreter, MicroAllocator, planner,
// op resolver, error reporter, flatbuffers accessors).
inline constexpr uint64_t kTflmRuntimeCoreBytes = 24 * 1024;

// Estimated code size of one kernel by operator type name; a generic figure
// for kernels without an entry (and for custom operators).
uint64_t kernel_code_bytes(const std::string& operator_type);

FlashEstimate estimate_flash(uint64_t model_bytes, const std::vector<std::string>& operator_types);

}  // namespace tinykg::model
