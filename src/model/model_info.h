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
  uint64_t bytes = 0;              // element count * dtype size (dense)
  // Sparse tensors (Tensor.sparsity): the shape is the dense shape; the
  // buffer stores only the values the dim_metadata walk reaches.
  bool is_sparse = false;
  std::vector<int> traversal_order;
  std::vector<int> block_map;
  std::vector<std::string> sparse_dim_formats;  // per traversed dim: "DENSE" / "SPARSE_CSR"
  uint64_t stored_elements = 0;    // values the buffer holds (= dense count unless sparse)
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
  uint64_t macs = 0;               // our count for this operator (control flow:
                                   // the called subgraphs, see README "Control flow")
  std::vector<int> calls;          // subgraphs called: CALL / IF (then, else) /
                                   // WHILE (cond, body) / CALL_ONCE (init)
};

struct SubgraphInfo {
  std::string name;
  std::vector<TensorInfo> tensors;
  std::vector<OperatorInfo> operators;
  std::vector<int> inputs;
  std::vector<int> outputs;
  uint64_t macs = 0;               // one run, called subgraphs included
};

// Parts of the tensor arena, named after TFLite Micro's recording allocator.
struct ArenaBreakdown {
  uint64_t planned_tensors = 0;    // head the activations alone need (planned without scratch)
  uint64_t persistent = 0;         // tail: runtime structs, quantization, op data
  uint64_t scratch = 0;            // what kernel scratch buffers add to the head
  // Split of `persistent` by the recording allocator's categories.
  uint64_t persistent_tensors = 0;       // TfLiteTensor / TfLiteEvalTensor structs
  uint64_t persistent_quantization = 0;  // TfLiteAffineQuantization + zero points
  uint64_t persistent_node_arrays = 0;   // NodeAndRegistration array + builtin data
  uint64_t persistent_op_data = 0;       // kernel OpData, per-channel params, variables
  uint64_t persistent_runtime = 0;       // allocator objects, alignment padding
  // Temporary head memory while the interpreter is set up (TfLiteTensors a
  // kernel's Prepare asks for, the planner's bookkeeping). It is released
  // before inference but must fit: peak = persistent + max(head, temp_peak).
  uint64_t temp_peak = 0;
  uint64_t peak = 0;
};

// Flash figure split into the parts a firmware links (flash_estimate.h).
struct KernelFlash {
  std::string op;                  // operator type
  uint64_t bytes = 0;              // estimated code size of its kernel
};
struct FlashBreakdown {
  std::string target;              // e.g. "cortex-m4f-reference"
  uint64_t model = 0;              // the .tflite file as a C array
  uint64_t runtime_core = 0;       // interpreter, allocator, planner, resolver
  std::vector<KernelFlash> kernels;  // one entry per distinct kernel
};

// One builtin the firmware's MicroMutableOpResolver must register.
struct OpResolverEntry {
  std::string op;                  // "CONV_2D"
  std::string method;              // "AddConv2D"
  int builtin_code = -1;
  int max_version = 1;             // highest operator version the model uses
  int count = 0;                   // operators of this type (all subgraphs)
};

// An operator the chosen runtime cannot run, and why.
struct UnsupportedOperator {
  std::string op;                  // type name, or custom code
  std::string reason;              // "custom operator", "no kernel in tflm-2.4", ...
};

// One entry of Model.metadata.
struct MetadataEntry {
  std::string name;                // "min_runtime_version", "OfflineMemoryAllocation", ...
  uint32_t buffer = 0;             // index into Model.buffers
  uint64_t size = 0;               // bytes of that buffer
};

// One input or output of a signature: name -> tensor index.
struct SignatureTensor {
  std::string name;
  int tensor_index = -1;
};
struct SignatureDefInfo {
  std::string signature_key;
  int subgraph_index = 0;
  std::vector<SignatureTensor> inputs;
  std::vector<SignatureTensor> outputs;
};

struct ModelInfo {
  uint32_t schema_version = 0;
  std::string description;
  std::vector<SubgraphInfo> subgraphs;  // subgraphs[0] is the main graph
  uint64_t macs = 0;               // all operators (our figure)
  uint64_t macs_reference = 0;     // CONV_2D + DEPTHWISE_CONV_2D + FULLY_CONNECTED
  uint64_t params = 0;             // elements of constant tensors (dense count,
                                   // sparse tensors included at their dense size)
  uint64_t params_stored = 0;      // elements the constant buffers hold (sparse: nonzeros)
  uint64_t arena_bytes = 0;        // estimated TFLite Micro tensor arena
  ArenaBreakdown arena;
  double arena_margin_percent = 0; // safety margin applied below
  uint64_t arena_bytes_with_margin = 0;  // max(arena_bytes, peak) + margin, 16-aligned
  std::string runtime;             // "tflm-2.4" or "tflm-current"
  std::string struct_abi;          // "host-64" or "cortex-m"
  uint64_t flash_bytes = 0;        // estimated Flash for the target
  uint64_t flash_bytes_model = 0;  // size of the .tflite file (reference convention)
  FlashBreakdown flash;
  std::vector<OpResolverEntry> op_resolver;
  std::vector<std::string> unsupported_operators;   // distinct names, for kg/
  std::vector<UnsupportedOperator> unsupported_details;
  std::vector<MetadataEntry> metadata;
  std::string min_runtime_version; // metadata "min_runtime_version", empty if absent
  std::vector<SignatureDefInfo> signature_defs;
  // Which plan placed the head: "greedy", "linear", or "offline+greedy" /
  // "offline+linear" when a valid OfflineMemoryAllocation was honoured.
  std::string memory_plan;
  uint64_t offline_planned_tensors = 0;  // tensors placed at offline offsets
  std::vector<std::string> warnings;
};

}  // namespace tinykg::model
