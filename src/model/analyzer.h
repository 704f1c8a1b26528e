// The model module's facade: everything tinykg derives from one .tflite file.
// The CLI (`model inspect`), kg/ (ModelInfo -> nnet RDF) and the match engine
// call these functions and nothing else in src/model/.
//
//   auto info = tinykg::model::analyze_model_file("person_detect.tflite");
//   if (!info) { std::cerr << info.error() << "\n"; return 1; }
//   std::cout << model_info_to_json(*info).dump(2);
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "model/model_info.h"

namespace tinykg::model {

// Which build of TFLite Micro the arena estimate describes. The reference
// measurements (arena-tflm-2.4.tsv) match the 64-bit host build; kCortexM
// rescales the runtime structs for a 32-bit microcontroller.
enum class ArenaTarget { kHost64, kCortexM };

enum class PlannerKind { kGreedy, kLinear };

struct AnalyzeOptions {
  ArenaTarget arena_target = ArenaTarget::kHost64;
  PlannerKind planner = PlannerKind::kGreedy;
};

Result<ModelInfo> analyze_model_file(const std::string& path, const AnalyzeOptions& options = {});
Result<ModelInfo> analyze_model_bytes(std::span<const uint8_t> bytes,
                                      const AnalyzeOptions& options = {});

// Stable JSON view of a ModelInfo (documented in README.md).
nlohmann::json model_info_to_json(const ModelInfo& info);

}  // namespace tinykg::model
