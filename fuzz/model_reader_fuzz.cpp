// libFuzzer entry for the model analyzer: any byte string must produce either
// a ModelInfo or a Failure — never a crash, hang or sanitizer report.
// Seed it with ../shared/reference/models/*.tflite (see fuzz/model.cmake).
#include <cstddef>
#include <cstdint>
#include <span>

#include "model/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto info = tinykg::model::analyze_model_bytes(std::span<const uint8_t>(data, size));
  if (info.ok()) {
    // Exercise the JSON view too: it walks every tensor reference.
    (void)tinykg::model::model_info_to_json(*info).dump();
    // The other profile: temp tensors, CMSIS-NN scratch, other OpData paths.
    tinykg::model::AnalyzeOptions current;
    current.runtime = tinykg::model::Runtime::kTflmCurrent;
    current.arena_target = tinykg::model::ArenaTarget::kCortexM;
    current.target = "cortex-m4f-cmsis-nn";
    // The linear planner's offline-plan path (OfflineMemoryAllocation metadata).
    current.planner = tinykg::model::PlannerKind::kLinear;
    (void)tinykg::model::analyze_model_bytes(std::span<const uint8_t>(data, size), current);
  }
  return 0;
}
