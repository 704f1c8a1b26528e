#include "model/analyzer.h"

#include <set>

#include "model/arena_estimate.h"
#include "model/arena_planner.h"
#include "model/flash_estimate.h"
#include "model/macs.h"
#include "model/tflite_reader.h"

namespace tinykg::model {
namespace {

// Builtin kernels registered by TFLite Micro 2.4's AllOpsResolver. Anything
// else (and every custom operator) needs a kernel the runtime does not ship.
const std::set<std::string>& tflm_24_kernels() {
  // clang-format off
  static const std::set<std::string> kernels = {
      "ABS", "ADD", "ARG_MAX", "ARG_MIN", "AVERAGE_POOL_2D", "CEIL", "CONCATENATION", "CONV_2D",
      "COS", "DEPTHWISE_CONV_2D", "DEQUANTIZE", "EQUAL", "FLOOR", "FULLY_CONNECTED", "GREATER",
      "GREATER_EQUAL", "HARD_SWISH", "L2_NORMALIZATION", "LESS", "LESS_EQUAL", "LOG",
      "LOGICAL_AND", "LOGICAL_NOT", "LOGICAL_OR", "LOGISTIC", "MAXIMUM", "MAX_POOL_2D", "MEAN",
      "MINIMUM", "MUL", "NEG", "NOT_EQUAL", "PACK", "PAD", "PADV2", "PRELU", "QUANTIZE",
      "REDUCE_MAX", "RELU", "RELU6", "RESHAPE", "RESIZE_NEAREST_NEIGHBOR", "ROUND", "RSQRT",
      "SHAPE", "SIN", "SOFTMAX", "SPLIT", "SPLIT_V", "SQRT", "SQUARE", "SQUEEZE", "STRIDED_SLICE",
      "SUB", "SVDF", "TANH", "UNPACK",
  };
  // clang-format on
  return kernels;
}

RuntimeAbi abi_for(ArenaTarget target) {
  return target == ArenaTarget::kCortexM ? cortex_m_abi() : host64_abi();
}

void add_costs(ParsedModel& parsed) {
  ModelInfo& info = parsed.info;
  for (size_t s = 0; s < info.subgraphs.size(); ++s) {
    SubgraphInfo& sg = info.subgraphs[s];
    for (const TensorInfo& t : sg.tensors) {
      if (!t.is_constant) continue;
      // bytes / element size would lose sub-byte types; count elements.
      uint64_t n = 1;
      for (const int32_t d : t.shape) {
        const uint64_t dim = d < 0 ? 1u : static_cast<uint64_t>(d);
        n = (dim != 0 && n > UINT64_MAX / dim) ? UINT64_MAX : n * dim;
      }
      info.params = saturating_add(info.params, n);
    }
    for (size_t i = 0; i < sg.operators.size(); ++i) {
      OperatorInfo& op = sg.operators[i];
      op.macs = operator_macs(op, parsed.options[s][i], sg.tensors);
      // Only the main graph runs once per inference; other subgraphs run
      // as often as control flow decides, so they are not summed.
      if (s != 0) continue;
      info.macs = saturating_add(info.macs, op.macs);
      if (counts_toward_reference_macs(op.builtin_code))
        info.macs_reference = saturating_add(info.macs_reference, op.macs);
    }
  }
}

void add_support_checks(ModelInfo& info) {
  std::set<std::string> unsupported;
  for (const SubgraphInfo& sg : info.subgraphs)
    for (const OperatorInfo& op : sg.operators)
      if (op.is_custom || !tflm_24_kernels().contains(op.type)) unsupported.insert(op.type);
  info.unsupported_operators.assign(unsupported.begin(), unsupported.end());
  if (!unsupported.empty())
    info.warnings.push_back(fmt::format(
        "{} operator type(s) have no TFLite Micro 2.4 kernel; a custom kernel is needed",
        unsupported.size()));
  if (info.subgraphs.size() > 1)
    info.warnings.push_back(fmt::format(
        "model has {} subgraphs; TFLite Micro 2.4 runs only the first, estimates cover it alone",
        info.subgraphs.size()));
}

}  // namespace

Result<ModelInfo> analyze_model_bytes(std::span<const uint8_t> bytes,
                                      const AnalyzeOptions& options) {
  auto parsed = read_tflite(bytes);
  if (!parsed) return parsed.failure();
  add_costs(*parsed);
  ModelInfo& info = parsed->info;
  add_support_checks(info);

  const GreedyMemoryPlanner greedy;
  const LinearMemoryPlanner linear;
  const MemoryPlanner& planner =
      options.planner == PlannerKind::kLinear ? static_cast<const MemoryPlanner&>(linear) : greedy;
  const ArenaEstimate arena = estimate_tensor_arena(info.subgraphs[0], parsed->options[0],
                                                    abi_for(options.arena_target), planner);
  info.arena = arena.breakdown;
  info.arena_bytes = arena.total_bytes;
  info.warnings.insert(info.warnings.end(), arena.warnings.begin(), arena.warnings.end());

  std::vector<std::string> types;
  for (const OperatorInfo& op : info.subgraphs[0].operators) types.push_back(op.type);
  info.flash_bytes_model = parsed->file_bytes;
  info.flash_bytes = estimate_flash(parsed->file_bytes, types).total_bytes;
  return std::move(parsed->info);
}

Result<ModelInfo> analyze_model_file(const std::string& path, const AnalyzeOptions& options) {
  auto bytes = read_model_file(path);
  if (!bytes) return bytes.failure();
  auto info = analyze_model_bytes(*bytes, options);
  if (!info) return fail("{}: {}", path, info.error());
  return info;
}

namespace {

nlohmann::json tensor_ref(const SubgraphInfo& sg, int index) {
  if (index < 0 || static_cast<size_t>(index) >= sg.tensors.size())
    return nlohmann::json{{"index", index}};  // optional input absent
  const TensorInfo& t = sg.tensors[static_cast<size_t>(index)];
  return {{"index", index},
          {"name", t.name},
          {"shape", t.shape},
          {"dtype", t.dtype},
          {"constant", t.is_constant}};
}

}  // namespace

nlohmann::json model_info_to_json(const ModelInfo& info) {
  nlohmann::json j;
  j["schema_version"] = info.schema_version;
  j["description"] = info.description;
  j["macs"] = info.macs;
  j["macs_reference"] = info.macs_reference;
  j["params"] = info.params;
  j["arena_bytes"] = info.arena_bytes;
  j["arena"] = {
      {"planned_tensors", info.arena.planned_tensors},
      {"scratch", info.arena.scratch},
      {"persistent", info.arena.persistent},
      {"persistent_tensors", info.arena.persistent_tensors},
      {"persistent_quantization", info.arena.persistent_quantization},
      {"persistent_node_arrays", info.arena.persistent_node_arrays},
      {"persistent_op_data", info.arena.persistent_op_data},
      {"persistent_runtime", info.arena.persistent_runtime},
  };
  j["flash_bytes"] = info.flash_bytes;
  j["flash_bytes_model"] = info.flash_bytes_model;

  nlohmann::json operators = nlohmann::json::array();
  nlohmann::json subgraphs = nlohmann::json::array();
  for (size_t s = 0; s < info.subgraphs.size(); ++s) {
    const SubgraphInfo& sg = info.subgraphs[s];
    subgraphs.push_back({{"index", s},
                         {"name", sg.name},
                         {"tensors", sg.tensors.size()},
                         {"operators", sg.operators.size()},
                         {"inputs", sg.inputs},
                         {"outputs", sg.outputs}});
    if (s != 0) continue;  // the operator list describes the main graph
    for (const OperatorInfo& op : sg.operators) {
      nlohmann::json inputs = nlohmann::json::array();
      nlohmann::json outputs = nlohmann::json::array();
      for (const int t : op.inputs) inputs.push_back(tensor_ref(sg, t));
      for (const int t : op.outputs) outputs.push_back(tensor_ref(sg, t));
      operators.push_back({{"index", op.index},
                           {"type", op.type},
                           {"builtin_code", op.builtin_code},
                           {"custom", op.is_custom},
                           {"version", op.version},
                           {"inputs", inputs},
                           {"outputs", outputs},
                           {"activation", op.activation},
                           {"macs", op.macs}});
    }
  }
  j["operators"] = operators;
  j["subgraphs"] = subgraphs;
  j["unsupported_operators"] = info.unsupported_operators;
  j["warnings"] = info.warnings;
  return j;
}

}  // namespace tinykg::model
