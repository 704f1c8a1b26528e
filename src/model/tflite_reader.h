// TfliteReader: turns the bytes of a .tflite file into the graph part of a
// ModelInfo (subgraphs, tensors, operators) plus the few builtin options the
// cost model needs. Nothing is read before flatbuffers::Verifier has accepted
// the whole buffer, and every index read from the file is range-checked, so
// hostile input yields a Failure, never a crash.
//
// Called by analyzer.cpp; other modules should use the analyzer facade.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/model_info.h"

namespace tinykg::model {

// Builtin options that influence cost, decoded from the BuiltinOptions union.
// Fields keep their neutral defaults when the operator has no such option.
struct OperatorOptions {
  int builtin_code = -1;           // effective code (see tflite_enums.h)
  int stride_w = 1, stride_h = 1;
  int filter_w = 0, filter_h = 0;  // pooling window
  int depth_multiplier = 0;
  bool adj_x = false, adj_y = false;
  uint32_t builtin_options_type = 0;  // union type index, 0 = none
  uint64_t custom_options_bytes = 0;
};

// Metadata "OfflineMemoryAllocation" (TFLM format, int32 little-endian:
// [version, subgraph, nbr_tensors, offset_0 ... offset_n], -1 = online).
// The reader checks the header and length; offsets are checked against the
// tensors' sizes and lifetimes by the arena estimate.
struct OfflineMemoryPlan {
  bool present = false;            // the metadata entry exists
  bool valid = false;              // header and length are well formed
  int32_t version = 0;
  int32_t subgraph = 0;
  std::vector<int32_t> offsets;    // one per tensor of `subgraph`
  std::string problem;             // why it is not valid (for the warning)
};

struct ParsedModel {
  ModelInfo info;  // graph fields filled; analysis fields left at zero
  std::vector<std::vector<OperatorOptions>> options;  // [subgraph][operator]
  uint64_t file_bytes = 0;
  OfflineMemoryPlan offline_plan;
  std::vector<std::string> warnings;  // non-fatal problems (bad metadata, ...)
};

// Hard limits that keep analysis time and memory bounded on hostile input.
// Real TFLite Micro models are orders of magnitude below these.
inline constexpr size_t kMaxTensorsPerSubgraph = 1u << 20;
inline constexpr size_t kMaxOperatorsPerSubgraph = 1u << 20;
inline constexpr size_t kMaxTensorRank = 16;

Result<ParsedModel> read_tflite(std::span<const uint8_t> bytes);

// Reads a whole file; "cannot open model file 'X': <reason>" on failure.
Result<std::vector<uint8_t>> read_model_file(const std::string& path);

}  // namespace tinykg::model
