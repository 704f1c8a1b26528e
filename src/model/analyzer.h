// The model module's facade: everything tinykg derives from one .tflite file.
// The CLI (`model inspect`), kg/ (ModelInfo -> nnet RDF) and the match engine
// call these functions and nothing else in src/model/.
//
//   auto info = tinykg::model::analyze_model_file("person_detect.tflite");
//   if (!info) { std::cerr << info.error() << "\n"; return 1; }
//   std::cout << model_info_to_json(*info).dump(2);
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "model/flash_estimate.h"
#include "model/model_info.h"
#include "model/runtime_profile.h"

namespace tinykg::model {

enum class PlannerKind { kGreedy, kLinear };

// Three independent choices (README.md, "Runtime profiles"):
//  * runtime — which TFLite Micro allocator and kernels (tflm-2.4 is what the
//    reference arenas measured; tflm-current is today's MicroAllocator);
//  * arena_target — the struct ABI (runtime_profile.h): host-64, the 64-bit
//    desktop build the reference measured, or cortex-m (32-bit structs);
//  * target — the named Flash target (flash_estimate.h), which also selects
//    the kernel set (reference / CMSIS-NN scratch buffers) and the default
//    arena safety margin.
struct AnalyzeOptions {
  ArenaTarget arena_target = ArenaTarget::kHost64;
  PlannerKind planner = PlannerKind::kGreedy;
  Runtime runtime = Runtime::kTflm24;
  std::string target = std::string(kDefaultFlashTarget);
  std::optional<double> margin_percent;  // unset: the target's default margin
};

Result<ModelInfo> analyze_model_file(const std::string& path, const AnalyzeOptions& options = {});
Result<ModelInfo> analyze_model_bytes(std::span<const uint8_t> bytes,
                                      const AnalyzeOptions& options = {});

// Stable JSON view of a ModelInfo (documented in README.md).
nlohmann::json model_info_to_json(const ModelInfo& info);

}  // namespace tinykg::model
