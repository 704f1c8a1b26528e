#include "model/analyzer.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "model/arena_estimate.h"
#include "model/arena_planner.h"
#include "model/flash_estimate.h"
#include "model/kernel_footprint.h"
#include "model/macs.h"
#include "model/runtime_profile.h"
#include "model/tflite_reader.h"

namespace tinykg::model {
namespace {

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

void add_support_checks(ModelInfo& info, Runtime runtime) {
  RuntimeCheck check = check_runtime_support(info.subgraphs, runtime);
  info.op_resolver = std::move(check.op_resolver);
  info.unsupported_details = std::move(check.unsupported);
  std::set<std::string> unsupported;
  for (const UnsupportedOperator& u : info.unsupported_details) unsupported.insert(u.op);
  info.unsupported_operators.assign(unsupported.begin(), unsupported.end());
  if (!unsupported.empty())
    info.warnings.push_back(fmt::format(
        "{} operator type(s) cannot run on {} as shipped; see unsupported_operators",
        unsupported.size(), runtime_name(runtime)));
  if (info.subgraphs.size() > 1 && runtime == Runtime::kTflm24)
    info.warnings.push_back(fmt::format(
        "model has {} subgraphs; TFLite Micro 2.4 runs only the first, estimates cover it alone",
        info.subgraphs.size()));
  if (info.subgraphs.size() > 1 && runtime == Runtime::kTflmCurrent)
    info.warnings.push_back(fmt::format(
        "model has {} subgraphs; the arena estimate covers the first only (a floor)",
        info.subgraphs.size()));
}

// Rounded up to 16 bytes, the arena alignment.
uint64_t with_margin(uint64_t bytes, double percent) {
  const double scaled = std::ceil(static_cast<double>(bytes) * (100.0 + percent) / 100.0);
  // Saturate: hostile files can claim arenas near 2^64 bytes.
  if (!(scaled < 18446744073709549568.0)) return UINT64_MAX;
  const auto whole = static_cast<uint64_t>(scaled);
  return whole > UINT64_MAX - 15 ? UINT64_MAX : (whole + 15) / 16 * 16;
}

}  // namespace

Result<ModelInfo> analyze_model_bytes(std::span<const uint8_t> bytes,
                                      const AnalyzeOptions& options) {
  const std::optional<FlashTarget> target = find_flash_target(options.target);
  if (!target) {
    std::string known;
    for (const FlashTarget& t : flash_targets())
      known += (known.empty() ? "" : ", ") + std::string(t.name);
    return fail("unknown target '{}' (known: {})", options.target, known);
  }
  if (options.margin_percent && (*options.margin_percent < 0 || *options.margin_percent > 1000))
    return fail("safety margin {}% is out of range (0 to 1000)", *options.margin_percent);
  auto parsed = read_tflite(bytes);
  if (!parsed) return parsed.failure();
  add_costs(*parsed);
  ModelInfo& info = parsed->info;
  info.runtime = std::string(runtime_name(options.runtime));
  info.struct_abi = std::string(struct_abi_name(options.arena_target));
  add_support_checks(info, options.runtime);

  const GreedyMemoryPlanner greedy;
  const LinearMemoryPlanner linear;
  const MemoryPlanner& planner =
      options.planner == PlannerKind::kLinear ? static_cast<const MemoryPlanner&>(linear) : greedy;
  RuntimeAbi abi = runtime_abi(options.runtime, options.arena_target);
  abi.cmsis_nn_dsp = target->cmsis_nn;
  const ArenaEstimate arena =
      estimate_tensor_arena(info.subgraphs[0], parsed->options[0], abi, planner);
  info.arena = arena.breakdown;
  info.arena_bytes = arena.total_bytes;
  info.arena_margin_percent = options.margin_percent.value_or(target->default_margin_percent);
  info.arena_bytes_with_margin =
      with_margin(std::max(info.arena_bytes, info.arena.peak), info.arena_margin_percent);
  info.warnings.insert(info.warnings.end(), arena.warnings.begin(), arena.warnings.end());

  std::vector<std::string> types;
  for (const OperatorInfo& op : info.subgraphs[0].operators) types.push_back(op.type);
  info.flash_bytes_model = parsed->file_bytes;
  FlashEstimate flash = estimate_flash(parsed->file_bytes, types, *target);
  info.flash_bytes = flash.total_bytes;
  info.flash.target = std::string(target->name);
  info.flash.model = flash.model_bytes;
  info.flash.runtime_core = flash.runtime_bytes;
  info.flash.kernels = std::move(flash.kernels);
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

nlohmann::json quantization_json(const Quantization& q) {
  if (q.scale.empty()) return nullptr;
  nlohmann::json j = {{"kind", q.per_channel() ? "per-channel" : "per-tensor"},
                      {"channels", q.scale.size()}};
  if (q.per_channel()) {
    j["quantized_dimension"] = q.quantized_dimension;
  } else {
    j["scale"] = q.scale[0];
    if (!q.zero_point.empty()) j["zero_point"] = q.zero_point[0];
  }
  return j;
}

nlohmann::json tensor_ref(const SubgraphInfo& sg, int index) {
  if (index < 0 || static_cast<size_t>(index) >= sg.tensors.size())
    return nlohmann::json{{"index", index}};  // optional input absent
  const TensorInfo& t = sg.tensors[static_cast<size_t>(index)];
  return {{"index", index},
          {"name", t.name},
          {"shape", t.shape},
          {"dtype", t.dtype},
          {"constant", t.is_constant},
          {"quantization", quantization_json(t.quantization)}};
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
      {"temp_peak", info.arena.temp_peak},
      {"peak", info.arena.peak},
  };
  j["runtime"] = info.runtime;
  j["struct_abi"] = info.struct_abi;
  j["arena_margin_percent"] = info.arena_margin_percent;
  j["arena_bytes_with_margin"] = info.arena_bytes_with_margin;
  j["flash_bytes"] = info.flash_bytes;
  j["flash_bytes_model"] = info.flash_bytes_model;
  nlohmann::json kernels = nlohmann::json::array();
  for (const KernelFlash& k : info.flash.kernels) kernels.push_back({{"op", k.op}, {"bytes", k.bytes}});
  j["flash_breakdown"] = {{"target", info.flash.target},
                          {"model", info.flash.model},
                          {"runtime_core", info.flash.runtime_core},
                          {"kernels", kernels}};
  nlohmann::json resolver = nlohmann::json::array();
  for (const OpResolverEntry& e : info.op_resolver)
    resolver.push_back({{"op", e.op},
                        {"method", e.method},
                        {"builtin_code", e.builtin_code},
                        {"version", e.max_version},
                        {"count", e.count}});
  j["op_resolver"] = resolver;

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
  nlohmann::json details = nlohmann::json::array();
  for (const UnsupportedOperator& u : info.unsupported_details)
    details.push_back({{"op", u.op}, {"reason", u.reason}});
  j["unsupported_details"] = details;
  j["warnings"] = info.warnings;
  return j;
}

}  // namespace tinykg::model
