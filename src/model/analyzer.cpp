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

constexpr int kBuiltinIf = 118;
constexpr int kBuiltinWhile = 119;

// MACs of one run of each subgraph, called subgraphs included: CALL and
// CALL_ONCE add their subgraph, IF the costlier branch (which one runs is
// data-dependent), WHILE its cond + body once (the trip count is not in the
// file). Memoised; recursion (hostile or not) and nesting deeper than
// kMaxCallDepth contribute 0 with a warning.
class ControlFlowCost {
 public:
  static constexpr int kMaxCallDepth = 64;
  explicit ControlFlowCost(ModelInfo& info)
      : info_(info), state_(info.subgraphs.size(), State::kTodo),
        total_(info.subgraphs.size()) {}

  struct Cost {
    uint64_t macs = 0, reference = 0;
  };

  Cost subgraph(size_t s, int depth) {
    if (state_[s] == State::kDone) return total_[s];
    if (state_[s] == State::kActive) {
      warn(fmt::format("subgraph {} calls itself (directly or not); the recursive call is "
                       "counted as 0 MACs",
                       s));
      return {};
    }
    if (depth > kMaxCallDepth) {
      warn(fmt::format("control flow nests deeper than {} subgraphs; deeper calls counted as 0",
                       kMaxCallDepth));
      return {};
    }
    state_[s] = State::kActive;
    Cost total;
    SubgraphInfo& sg = info_.subgraphs[s];
    for (OperatorInfo& op : sg.operators) {
      Cost own{op.macs, counts_toward_reference_macs(op.builtin_code) ? op.macs : 0};
      if (!op.calls.empty()) {
        Cost called;
        for (const int c : op.calls) {
          const Cost sub = subgraph(static_cast<size_t>(c), depth + 1);
          if (op.builtin_code == kBuiltinIf) {
            if (sub.macs > called.macs) called = sub;
          } else {
            called.macs = saturating_add(called.macs, sub.macs);
            called.reference = saturating_add(called.reference, sub.reference);
          }
        }
        if (op.builtin_code == kBuiltinWhile)
          warn(fmt::format("WHILE operator {} of subgraph {}: iteration count unknown, its "
                           "condition and body subgraphs are counted once",
                           op.index, s));
        own.macs = saturating_add(own.macs, called.macs);
        own.reference = saturating_add(own.reference, called.reference);
        op.macs = own.macs;
      }
      total.macs = saturating_add(total.macs, own.macs);
      total.reference = saturating_add(total.reference, own.reference);
    }
    sg.macs = total.macs;
    total_[s] = total;
    state_[s] = State::kDone;
    return total;
  }

 private:
  enum class State { kTodo, kActive, kDone };
  void warn(std::string w) {
    if (std::find(info_.warnings.begin(), info_.warnings.end(), w) == info_.warnings.end())
      info_.warnings.push_back(std::move(w));
  }
  ModelInfo& info_;
  std::vector<State> state_;
  std::vector<Cost> total_;
};

void add_costs(ParsedModel& parsed) {
  ModelInfo& info = parsed.info;
  for (size_t s = 0; s < info.subgraphs.size(); ++s) {
    SubgraphInfo& sg = info.subgraphs[s];
    for (const TensorInfo& t : sg.tensors) {
      if (!t.is_constant) continue;
      // bytes / element size would lose sub-byte types; count elements.
      // Sparse tensors count at their dense size here; params_stored counts
      // what their buffer holds.
      uint64_t n = 1;
      for (const int32_t d : t.shape) {
        const uint64_t dim = d < 0 ? 1u : static_cast<uint64_t>(d);
        n = (dim != 0 && n > UINT64_MAX / dim) ? UINT64_MAX : n * dim;
      }
      info.params = saturating_add(info.params, n);
      info.params_stored = saturating_add(info.params_stored, t.stored_elements);
    }
    for (size_t i = 0; i < sg.operators.size(); ++i) {
      OperatorInfo& op = sg.operators[i];
      op.macs = operator_macs(op, parsed.options[s][i], sg.tensors);
    }
  }
  // One inference runs subgraph 0 and, through control flow, what it calls.
  ControlFlowCost cost(info);
  for (size_t s = 0; s < info.subgraphs.size(); ++s) cost.subgraph(s, 0);
  const ControlFlowCost::Cost main = cost.subgraph(0, 0);
  info.macs = main.macs;
  info.macs_reference = main.reference;
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
        "model has {} subgraphs; TFLite Micro 2.4 runs only the first, the arena estimate covers "
        "it alone",
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
  ModelInfo& info = parsed->info;
  info.warnings.insert(info.warnings.end(), parsed->warnings.begin(), parsed->warnings.end());
  add_costs(*parsed);
  info.runtime = std::string(runtime_name(options.runtime));
  info.struct_abi = std::string(struct_abi_name(options.arena_target));
  add_support_checks(info, options.runtime);

  const GreedyMemoryPlanner greedy;
  const LinearMemoryPlanner linear;
  const MemoryPlanner& planner =
      options.planner == PlannerKind::kLinear ? static_cast<const MemoryPlanner&>(linear) : greedy;
  RuntimeAbi abi = runtime_abi(options.runtime, options.arena_target);
  abi.cmsis_nn_dsp = target->cmsis_nn;
  // Offline plan (metadata OfflineMemoryAllocation), honoured as TFLM does
  // when it is well formed and sane; otherwise a warning and the online plan.
  const OfflineMemoryPlan& offline = parsed->offline_plan;
  const std::vector<int32_t>* offline_offsets = nullptr;
  if (offline.present && !offline.valid) {
    info.warnings.push_back(fmt::format(
        "OfflineMemoryAllocation ignored: {}; the online planner placed every tensor",
        offline.problem));
  } else if (offline.valid && offline.subgraph != 0) {
    info.warnings.push_back(fmt::format(
        "OfflineMemoryAllocation is for subgraph {}; only subgraph 0 is planned, so it is unused",
        offline.subgraph));
  } else if (offline.valid) {
    offline_offsets = &offline.offsets;
  }
  const ArenaEstimate arena = estimate_tensor_arena(info.subgraphs[0], parsed->options[0], abi,
                                                    planner, offline_offsets);
  const std::string online =
      options.planner == PlannerKind::kLinear ||
              arena.buffers.size() > kMaxGreedyBuffers
          ? "linear"
          : "greedy";
  const bool offline_used = offline_offsets != nullptr && arena.offline_problem.empty();
  if (offline_offsets != nullptr && !offline_used)
    info.warnings.push_back(fmt::format(
        "OfflineMemoryAllocation ignored: {}; the online planner placed every tensor",
        arena.offline_problem));
  info.memory_plan = offline_used ? "offline+" + online : online;
  info.offline_planned_tensors = arena.offline_tensors;
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

uint64_t dense_elements(const TensorInfo& t) {
  uint64_t n = 1;
  for (const int32_t d : t.shape) {
    const uint64_t dim = d < 0 ? 1u : static_cast<uint64_t>(d);
    n = (dim != 0 && n > UINT64_MAX / dim) ? UINT64_MAX : n * dim;
  }
  return n;
}

nlohmann::json tensor_ref(const SubgraphInfo& sg, int index) {
  if (index < 0 || static_cast<size_t>(index) >= sg.tensors.size())
    return nlohmann::json{{"index", index}};  // optional input absent
  const TensorInfo& t = sg.tensors[static_cast<size_t>(index)];
  nlohmann::json j = {{"index", index},
          {"name", t.name},
          {"shape", t.shape},
          {"dtype", t.dtype},
          {"constant", t.is_constant},
          {"sparse", t.is_sparse},
          {"quantization", quantization_json(t.quantization)}};
  if (t.is_sparse)
    j["sparsity"] = {{"traversal_order", t.traversal_order},
                     {"block_map", t.block_map},
                     {"dim_formats", t.sparse_dim_formats},
                     {"dense_elements", dense_elements(t)},
                     {"stored_elements", t.stored_elements}};
  return j;
}

// Distinct subgraphs the operators of `sg` call, in first-call order.
std::vector<int> subgraph_calls(const SubgraphInfo& sg) {
  std::vector<int> out;
  for (const OperatorInfo& op : sg.operators)
    for (const int c : op.calls)
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  return out;
}

}  // namespace

nlohmann::json model_info_to_json(const ModelInfo& info) {
  nlohmann::json j;
  j["schema_version"] = info.schema_version;
  j["description"] = info.description;
  j["macs"] = info.macs;
  j["macs_reference"] = info.macs_reference;
  j["params"] = info.params;
  j["params_stored"] = info.params_stored;
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
                         {"outputs", sg.outputs},
                         {"macs", sg.macs},
                         {"calls", subgraph_calls(sg)}});
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
                           {"calls", op.calls},
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
  nlohmann::json metadata = nlohmann::json::array();
  for (const MetadataEntry& m : info.metadata)
    metadata.push_back({{"name", m.name}, {"buffer", m.buffer}, {"size", m.size}});
  j["metadata"] = metadata;
  j["min_runtime_version"] = info.min_runtime_version;
  j["memory_plan"] = {{"planner", info.memory_plan},
                      {"offline_planned_tensors", info.offline_planned_tensors}};
  nlohmann::json signatures = nlohmann::json::array();
  for (const SignatureDefInfo& sig : info.signature_defs) {
    nlohmann::json inputs = nlohmann::json::object();
    nlohmann::json outputs = nlohmann::json::object();
    for (const SignatureTensor& t : sig.inputs) inputs[t.name] = t.tensor_index;
    for (const SignatureTensor& t : sig.outputs) outputs[t.name] = t.tensor_index;
    signatures.push_back({{"signature_key", sig.signature_key},
                          {"subgraph_index", sig.subgraph_index},
                          {"inputs", inputs},
                          {"outputs", outputs}});
  }
  j["signature_defs"] = signatures;
  j["warnings"] = info.warnings;
  return j;
}

}  // namespace tinykg::model
