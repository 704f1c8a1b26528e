// Analysis time for the reference models: the full facade (read, verify,
// MACs, arena plan, Flash) and the reader alone. Models are loaded into
// memory first so file I/O is not measured.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "model/analyzer.h"
#include "model/tflite_reader.h"

namespace {

struct LoadedModel {
  std::string name;
  std::vector<uint8_t> bytes;
};

const std::vector<LoadedModel>& reference_models() {
  static const std::vector<LoadedModel> models = [] {
    std::vector<LoadedModel> out;
    const std::filesystem::path dir = std::filesystem::path(TINYKG_SHARED_DIR) / "reference/models";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".tflite") continue;
      auto bytes = tinykg::model::read_model_file(entry.path().string());
      if (bytes) out.push_back({entry.path().stem().string(), std::move(*bytes)});
    }
    return out;
  }();
  return models;
}

// Arg 0: tflm-2.4 (default profile); arg 1: tflm-current, cortex-m structs,
// CMSIS-NN target (the profile with the most work: temp tensors, scratch).
void BM_AnalyzeAllReferenceModels(benchmark::State& state) {
  const auto& models = reference_models();
  if (models.empty()) {
    state.SkipWithError("reference models not found under " TINYKG_SHARED_DIR);
    return;
  }
  tinykg::model::AnalyzeOptions options;
  if (state.range(0) == 1) {
    options.runtime = tinykg::model::Runtime::kTflmCurrent;
    options.arena_target = tinykg::model::ArenaTarget::kCortexM;
    options.target = "cortex-m4f-cmsis-nn";
  }
  state.SetLabel(state.range(0) == 1 ? "tflm-current/cortex-m/cmsis-nn" : "tflm-2.4");
  uint64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& m : models) {
      auto info = tinykg::model::analyze_model_bytes(m.bytes, options);
      benchmark::DoNotOptimize(info);
      bytes += m.bytes.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["models"] = static_cast<double>(models.size());
}
BENCHMARK(BM_AnalyzeAllReferenceModels)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_ReadAllReferenceModels(benchmark::State& state) {
  const auto& models = reference_models();
  if (models.empty()) {
    state.SkipWithError("reference models not found under " TINYKG_SHARED_DIR);
    return;
  }
  for (auto _ : state) {
    for (const auto& m : models) {
      auto parsed = tinykg::model::read_tflite(m.bytes);
      benchmark::DoNotOptimize(parsed);
    }
  }
}
BENCHMARK(BM_ReadAllReferenceModels)->Unit(benchmark::kMicrosecond);

// The largest graph (ARM_MicroNet_VWW_3, 185 tensors) bounds per-model latency.
void BM_AnalyzeLargestModel(benchmark::State& state) {
  const auto& models = reference_models();
  const LoadedModel* largest = nullptr;
  for (const auto& m : models)
    if (largest == nullptr || m.bytes.size() > largest->bytes.size()) largest = &m;
  if (largest == nullptr) {
    state.SkipWithError("reference models not found under " TINYKG_SHARED_DIR);
    return;
  }
  state.SetLabel(largest->name);
  for (auto _ : state) {
    auto info = tinykg::model::analyze_model_bytes(largest->bytes);
    benchmark::DoNotOptimize(info);
  }
}
BENCHMARK(BM_AnalyzeLargestModel)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
