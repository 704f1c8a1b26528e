// ModelInfo: everything tinykg derives from one .tflite file.
// Produced by model::analyze_model_*(); consumed by kg/ (model -> nnet RDF),
// the CLI (`model inspect`) and later the match engine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tinykg::model {

struct Quantization {
  std::vector<float> scale;        // one per tensor, or one per channel
  std::vector<int64_t> zero_point;
  int quantized_dimension = 0;
  bool per_channel() const { return scale.size() > 1; }
};

struct TensorInfo {
  int index = 0;
  std::string name;
  std::string dtype;               // TFLite TensorType name: "INT8", "FLOAT32", ...
  std::vector<int32_t> shape;
  Quantization quantization;
  bool is_constant = false;        // backed by a non-empty buffer (weights)
  bool is_variable = false;
  uint64_t bytes = 0;              // element count * dtype size
};

struct OperatorInfo {
  int index = 0;                   // position in the execution order
  std::string type;                // builtin name: "CONV_2D", or custom code
  int builtin_code = -1;           // effective BuiltinOperator code (32 = CUSTOM)
  int version = 1;
  bool is_custom = false;
  std::vector<int> inputs;         // tensor indices (-1 = optional input absent)
  std::vector<int> outputs;
  std::string activation = "NONE"; // fused activation: NONE, RELU, RELU6, ...
  uint64_t macs = 0;               // our count for this operator
};

struct SubgraphInfo {
  std::string name;
  std::vector<TensorInfo> tensors;
  std::vector<OperatorInfo> operators;
  std::vector<int> inputs;
  std::vector<int> outputs;
};

// Parts of the tensor arena, named after TFLite Micro's recording allocator.
struct ArenaBreakdown {
  uint64_t planned_tensors = 0;    // non-persistent (head) memory from the planner
  uint64_t persistent = 0;         // tail: runtime structs, quantization, op data
  uint64_t scratch = 0;            // kernel scratch buffers
  // Split of `persistent` by the recording allocator's categories.
  uint64_t persistent_tensors = 0;       // TfLiteTensor / TfLiteEvalTensor structs
  uint64_t persistent_quantization = 0;  // TfLiteAffineQuantization + zero points
  uint64_t persistent_node_arrays = 0;   // NodeAndRegistration array + builtin data
  uint64_t persistent_op_data = 0;       // kernel OpData, per-channel params, variables
  uint64_t persistent_runtime = 0;       // allocator objects, alignment padding
};

struct ModelInfo {
  uint32_t schema_version = 0;
  std::string description;
  std::vector<SubgraphInfo> subgraphs;  // subgraphs[0] is the main graph
  uint64_t macs = 0;               // all operators (our figure)
  uint64_t macs_reference = 0;     // CONV_2D + DEPTHWISE_CONV_2D + FULLY_CONNECTED
  uint64_t params = 0;             // elements of constant tensors
  uint64_t arena_bytes = 0;        // estimated TFLite Micro tensor arena
  ArenaBreakdown arena;
  uint64_t flash_bytes = 0;        // estimated Flash for the target
  uint64_t flash_bytes_model = 0;  // size of the .tflite file (reference convention)
  std::vector<std::string> unsupported_operators;
  std::vector<std::string> warnings;
};

}  // namespace tinykg::model
