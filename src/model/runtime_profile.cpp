#include "model/runtime_profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace tinykg::model {
namespace {

// Builtin kernels per TFLM generation and the MicroMutableOpResolver method
// that registers each. Sources (README.md, "Op resolver"):
//  * in_24: TFLM 2.4's AllOpsResolver (the list the analyzer always used);
//  * in_current: tflite-micro's micro_mutable_op_resolver.h, read at commit
//    933f830 (2022), plus the later additions marked `later` (BATCH_MATMUL,
//    DIV, EMBEDDING_LOOKUP, LOG_SOFTMAX, REVERSE_V2, SELECT_V2,
//    SQUARED_DIFFERENCE, SUM), which are from release notes, not re-read.
struct OpSupport {
  std::string_view type;
  std::string_view method;
  bool in_24;
  bool in_current;
};

// clang-format off
constexpr std::array kOps = {
    OpSupport{"ABS", "AddAbs", true, true},
    OpSupport{"ADD", "AddAdd", true, true},
    OpSupport{"ADD_N", "AddAddN", false, true},
    OpSupport{"ARG_MAX", "AddArgMax", true, true},
    OpSupport{"ARG_MIN", "AddArgMin", true, true},
    OpSupport{"ASSIGN_VARIABLE", "AddAssignVariable", false, true},
    OpSupport{"AVERAGE_POOL_2D", "AddAveragePool2D", true, true},
    OpSupport{"BATCH_MATMUL", "AddBatchMatMul", false, true},  // later
    OpSupport{"BATCH_TO_SPACE_ND", "AddBatchToSpaceNd", false, true},
    OpSupport{"BROADCAST_ARGS", "AddBroadcastArgs", false, true},
    OpSupport{"BROADCAST_TO", "AddBroadcastTo", false, true},
    OpSupport{"CALL_ONCE", "AddCallOnce", false, true},
    OpSupport{"CAST", "AddCast", false, true},
    OpSupport{"CEIL", "AddCeil", true, true},
    OpSupport{"CONCATENATION", "AddConcatenation", true, true},
    OpSupport{"CONV_2D", "AddConv2D", true, true},
    OpSupport{"COS", "AddCos", true, true},
    OpSupport{"CUMSUM", "AddCumSum", false, true},
    OpSupport{"DEPTH_TO_SPACE", "AddDepthToSpace", false, true},
    OpSupport{"DEPTHWISE_CONV_2D", "AddDepthwiseConv2D", true, true},
    OpSupport{"DEQUANTIZE", "AddDequantize", true, true},
    OpSupport{"DIV", "AddDiv", false, true},  // later
    OpSupport{"ELU", "AddElu", false, true},
    OpSupport{"EMBEDDING_LOOKUP", "AddEmbeddingLookup", false, true},  // later
    OpSupport{"EQUAL", "AddEqual", true, true},
    OpSupport{"EXP", "AddExp", false, true},
    OpSupport{"EXPAND_DIMS", "AddExpandDims", false, true},
    OpSupport{"FILL", "AddFill", false, true},
    OpSupport{"FLOOR", "AddFloor", true, true},
    OpSupport{"FLOOR_DIV", "AddFloorDiv", false, true},
    OpSupport{"FLOOR_MOD", "AddFloorMod", false, true},
    OpSupport{"FULLY_CONNECTED", "AddFullyConnected", true, true},
    OpSupport{"GATHER", "AddGather", false, true},
    OpSupport{"GATHER_ND", "AddGatherNd", false, true},
    OpSupport{"GREATER", "AddGreater", true, true},
    OpSupport{"GREATER_EQUAL", "AddGreaterEqual", true, true},
    OpSupport{"HARD_SWISH", "AddHardSwish", true, true},
    OpSupport{"IF", "AddIf", false, true},
    OpSupport{"L2_NORMALIZATION", "AddL2Normalization", true, true},
    OpSupport{"L2_POOL_2D", "AddL2Pool2D", false, true},
    OpSupport{"LEAKY_RELU", "AddLeakyRelu", false, true},
    OpSupport{"LESS", "AddLess", true, true},
    OpSupport{"LESS_EQUAL", "AddLessEqual", true, true},
    OpSupport{"LOG", "AddLog", true, true},
    OpSupport{"LOG_SOFTMAX", "AddLogSoftmax", false, true},  // later
    OpSupport{"LOGICAL_AND", "AddLogicalAnd", true, true},
    OpSupport{"LOGICAL_NOT", "AddLogicalNot", true, true},
    OpSupport{"LOGICAL_OR", "AddLogicalOr", true, true},
    OpSupport{"LOGISTIC", "AddLogistic", true, true},
    OpSupport{"MAX_POOL_2D", "AddMaxPool2D", true, true},
    OpSupport{"MAXIMUM", "AddMaximum", true, true},
    OpSupport{"MEAN", "AddMean", true, true},
    OpSupport{"MINIMUM", "AddMinimum", true, true},
    OpSupport{"MIRROR_PAD", "AddMirrorPad", false, true},
    OpSupport{"MUL", "AddMul", true, true},
    OpSupport{"NEG", "AddNeg", true, true},
    OpSupport{"NOT_EQUAL", "AddNotEqual", true, true},
    OpSupport{"PACK", "AddPack", true, true},
    OpSupport{"PAD", "AddPad", true, true},
    OpSupport{"PADV2", "AddPadV2", true, true},
    OpSupport{"PRELU", "AddPrelu", true, true},
    OpSupport{"QUANTIZE", "AddQuantize", true, true},
    OpSupport{"READ_VARIABLE", "AddReadVariable", false, true},
    OpSupport{"REDUCE_MAX", "AddReduceMax", true, true},
    OpSupport{"RELU", "AddRelu", true, true},
    OpSupport{"RELU6", "AddRelu6", true, true},
    OpSupport{"RESHAPE", "AddReshape", true, true},
    OpSupport{"RESIZE_BILINEAR", "AddResizeBilinear", false, true},
    OpSupport{"RESIZE_NEAREST_NEIGHBOR", "AddResizeNearestNeighbor", true, true},
    OpSupport{"REVERSE_V2", "AddReverseV2", false, true},  // later
    OpSupport{"ROUND", "AddRound", true, true},
    OpSupport{"RSQRT", "AddRsqrt", true, true},
    OpSupport{"SELECT_V2", "AddSelectV2", false, true},  // later
    OpSupport{"SHAPE", "AddShape", true, true},
    OpSupport{"SIN", "AddSin", true, true},
    OpSupport{"SLICE", "AddSlice", false, true},
    OpSupport{"SOFTMAX", "AddSoftmax", true, true},
    OpSupport{"SPACE_TO_BATCH_ND", "AddSpaceToBatchNd", false, true},
    OpSupport{"SPACE_TO_DEPTH", "AddSpaceToDepth", false, true},
    OpSupport{"SPLIT", "AddSplit", true, true},
    OpSupport{"SPLIT_V", "AddSplitV", true, true},
    OpSupport{"SQRT", "AddSqrt", true, true},
    OpSupport{"SQUARE", "AddSquare", true, true},
    OpSupport{"SQUARED_DIFFERENCE", "AddSquaredDifference", false, true},  // later
    OpSupport{"SQUEEZE", "AddSqueeze", true, true},
    OpSupport{"STRIDED_SLICE", "AddStridedSlice", true, true},
    OpSupport{"SUB", "AddSub", true, true},
    OpSupport{"SUM", "AddSum", false, true},  // later
    OpSupport{"SVDF", "AddSvdf", true, true},
    OpSupport{"TANH", "AddTanh", true, true},
    OpSupport{"TRANSPOSE", "AddTranspose", false, true},
    OpSupport{"TRANSPOSE_CONV", "AddTransposeConv", false, true},
    OpSupport{"UNIDIRECTIONAL_SEQUENCE_LSTM", "AddUnidirectionalSequenceLSTM", false, true},
    OpSupport{"UNPACK", "AddUnpack", true, true},
    OpSupport{"VAR_HANDLE", "AddVarHandle", false, true},
    OpSupport{"WHILE", "AddWhile", false, true},
    OpSupport{"ZEROS_LIKE", "AddZerosLike", false, true},
};
// clang-format on

const OpSupport* find_op(std::string_view type) {
  for (const OpSupport& op : kOps)
    if (op.type == type) return &op;
  return nullptr;
}

// Tensor types no TFLM kernel computes with (both generations).
bool type_never_supported(std::string_view dtype) {
  static const std::set<std::string_view> types = {"FLOAT16", "FLOAT64", "COMPLEX64",
                                                   "COMPLEX128", "STRING", "UINT16",
                                                   "UINT32", "UINT64", "BFLOAT16"};
  return types.contains(dtype);
}

// Packed int4 weights are read by the current conv / depthwise / fully
// connected kernels only; TFLM 2.4 predates int4.
bool int4_supported(Runtime runtime, std::string_view op) {
  return runtime == Runtime::kTflmCurrent &&
         (op == "CONV_2D" || op == "DEPTHWISE_CONV_2D" || op == "FULLY_CONNECTED");
}

// int16 activations (16x8 quantization): the int16 reference paths of these
// kernels were added after the 2.4 release, so 2.4 is flagged for them.
bool int16_missing_in_24(std::string_view op) {
  return op == "CONV_2D" || op == "DEPTHWISE_CONV_2D" || op == "FULLY_CONNECTED" ||
         op == "AVERAGE_POOL_2D" || op == "MAX_POOL_2D" || op == "TRANSPOSE_CONV" ||
         op == "SVDF";
}

// Asymmetric uint8 quantization: supported by TFLM 2.4's kernels, removed
// from the compute kernels of later TFLM (int8 is the only 8-bit scheme);
// data movement and QUANTIZE / DEQUANTIZE are not flagged.
bool uint8_removed_in_current(std::string_view op) {
  static const std::set<std::string_view> ops = {
      "CONV_2D",  "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "AVERAGE_POOL_2D", "MAX_POOL_2D",
      "SOFTMAX",  "ADD",               "SUB",             "MUL",             "LOGISTIC",
      "TANH",     "SVDF",              "MEAN",            "TRANSPOSE_CONV",  "L2_NORMALIZATION",
      "PRELU",    "HARD_SWISH",        "RELU",            "RELU6"};
  return ops.contains(op);
}

std::string dtype_problem(Runtime runtime, const OperatorInfo& op, const SubgraphInfo& sg) {
  auto check = [&](int index) -> std::string {
    if (index < 0 || static_cast<size_t>(index) >= sg.tensors.size()) return {};
    const TensorInfo& t = sg.tensors[static_cast<size_t>(index)];
    // No tensor names: one line per operator type and problem.
    if (type_never_supported(t.dtype)) return fmt::format("{} tensors", t.dtype);
    if (t.dtype == "INT4" && !int4_supported(runtime, op.type)) return "INT4 tensors";
    if (t.dtype == "INT16" && !t.is_constant && runtime == Runtime::kTflm24 &&
        int16_missing_in_24(op.type))
      return "INT16 activations";
    if (t.dtype == "UINT8" && runtime == Runtime::kTflmCurrent &&
        uint8_removed_in_current(op.type))
      return "UINT8 tensors (asymmetric quantization, removed after 2.4)";
    return {};
  };
  for (const int t : op.inputs)
    if (auto p = check(t); !p.empty()) return p;
  for (const int t : op.outputs)
    if (auto p = check(t); !p.empty()) return p;
  return {};
}

}  // namespace

std::string_view runtime_name(Runtime runtime) {
  return runtime == Runtime::kTflmCurrent ? "tflm-current" : "tflm-2.4";
}

std::optional<Runtime> parse_runtime(std::string_view name) {
  if (name == "tflm-2.4") return Runtime::kTflm24;
  if (name == "tflm-current") return Runtime::kTflmCurrent;
  return std::nullopt;
}

std::string_view struct_abi_name(ArenaTarget abi) {
  return abi == ArenaTarget::kCortexM ? "cortex-m" : "host-64";
}

std::optional<ArenaTarget> parse_struct_abi(std::string_view name) {
  if (name == "host-64") return ArenaTarget::kHost64;
  if (name == "cortex-m") return ArenaTarget::kCortexM;
  return std::nullopt;
}

std::string_view op_resolver_method(std::string_view builtin_type) {
  const OpSupport* op = find_op(builtin_type);
  return op == nullptr ? std::string_view{} : op->method;
}

bool runtime_has_kernel(Runtime runtime, std::string_view builtin_type) {
  const OpSupport* op = find_op(builtin_type);
  if (op == nullptr) return false;
  return runtime == Runtime::kTflm24 ? op->in_24 : op->in_current;
}

std::string_view custom_op_resolver_method(Runtime runtime, std::string_view custom_code) {
  // Custom kernels TFLM ships with its own registration helpers.
  if (runtime != Runtime::kTflmCurrent) return {};
  if (custom_code == "TFLite_Detection_PostProcess") return "AddDetectionPostprocess";
  if (custom_code == "CIRCULAR_BUFFER") return "AddCircularBuffer";
  return {};
}

RuntimeCheck check_runtime_support(const std::vector<SubgraphInfo>& subgraphs, Runtime runtime) {
  RuntimeCheck out;
  std::map<std::string, OpResolverEntry> entries;  // sorted by op name
  std::set<std::pair<std::string, std::string>> problems;
  for (const SubgraphInfo& sg : subgraphs) {
    for (const OperatorInfo& op : sg.operators) {
      std::string_view method;
      std::string reason;
      if (op.is_custom) {
        method = custom_op_resolver_method(runtime, op.type);
        if (op.type.starts_with("Flex"))
          reason = "flex operator (a TensorFlow kernel; TFLM has no flex delegate)";
        else if (op.type == "ethos-u")
          reason = "accelerator-specific custom operator (needs an Arm Ethos-U NPU)";
        else if (method.empty())
          reason = "custom operator: the firmware must provide and register its kernel";
      } else {
        if (runtime_has_kernel(runtime, op.type))
          method = op_resolver_method(op.type);
        else
          reason = fmt::format("no builtin kernel in {}", runtime_name(runtime));
      }
      if (reason.empty()) {
        const std::string dtype = dtype_problem(runtime, op, sg);
        if (!dtype.empty())
          reason = fmt::format("{} kernel has no path for {}", runtime_name(runtime), dtype);
      }
      if (!reason.empty()) problems.insert({op.type, reason});
      if (method.empty()) continue;
      OpResolverEntry& e = entries[op.type];
      e.op = op.type;
      e.method = std::string(method);
      e.builtin_code = op.builtin_code;
      e.max_version = std::max(e.count == 0 ? op.version : e.max_version, op.version);
      ++e.count;
    }
  }
  for (auto& [name, entry] : entries) out.op_resolver.push_back(std::move(entry));
  for (const auto& [op, reason] : problems) out.unsupported.push_back({op, reason});
  return out;
}

}  // namespace tinykg::model
