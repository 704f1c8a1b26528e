// tinykg model inspect FILE.tflite [--json] [--runtime R] [--target T]
//                                  [--abi A] [--margin PCT]
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "model/analyzer.h"

namespace tinykg::cli {
namespace {

const model::TensorInfo* tensor_at(const model::SubgraphInfo& sg, int t) {
  if (t < 0 || static_cast<size_t>(t) >= sg.tensors.size()) return nullptr;
  return &sg.tensors[static_cast<size_t>(t)];
}

// Shapes of the activations (weights are not activations).
std::string shape_of(const model::SubgraphInfo& sg, const std::vector<int>& tensors) {
  std::string out;
  for (int t : tensors) {
    const auto* info = tensor_at(sg, t);
    if (info == nullptr || info->is_constant) continue;
    if (!out.empty()) out += " ";
    out += fmt::format("[{}]", fmt::join(info->shape, ","));
  }
  return out.empty() ? "-" : out;
}

// "INT8" or "FLOAT32>INT8": first activation input and first output.
std::string dtypes_of(const model::SubgraphInfo& sg, const model::OperatorInfo& op) {
  std::string in, out;
  for (int t : op.inputs)
    if (const auto* info = tensor_at(sg, t); info != nullptr && !info->is_constant) {
      in = info->dtype;
      break;
    }
  if (!op.outputs.empty())
    if (const auto* info = tensor_at(sg, op.outputs[0])) out = info->dtype;
  if (in.empty() || in == out) return out.empty() ? "-" : out;
  return in + ">" + (out.empty() ? "?" : out);
}

// Quantization of the weights when the operator has any, else of its output:
// "per-channel(16)", "per-tensor", or "-".
std::string quantization_of(const model::SubgraphInfo& sg, const model::OperatorInfo& op) {
  const model::TensorInfo* subject = nullptr;
  for (int t : op.inputs)
    if (const auto* info = tensor_at(sg, t); info != nullptr && info->is_constant &&
                                             !info->quantization.scale.empty()) {
      subject = info;
      break;
    }
  if (subject == nullptr && !op.outputs.empty()) subject = tensor_at(sg, op.outputs[0]);
  if (subject == nullptr || subject->quantization.scale.empty()) return "-";
  if (subject->quantization.per_channel())
    return fmt::format("per-channel({})", subject->quantization.scale.size());
  return "per-tensor";
}

void print_layers(const model::ModelInfo& info) {
  for (size_t i = 0; i < info.subgraphs.size(); ++i) {
    const auto& sg = info.subgraphs[i];
    std::cout << fmt::format("subgraph {} {} ({} tensors, {} operators)\n", i, sg.name,
                             sg.tensors.size(), sg.operators.size());
    const std::string row = "{:>4}  {:<26} {:>2}  {:<18} {:<18} {:<13} {:<16} {:<6} {:>12}\n";
    std::cout << fmt::format(fmt::runtime(row), "#", "operator", "v", "in", "out", "dtype",
                             "quantization", "act", "MACs");
    for (const auto& op : sg.operators) {
      std::cout << fmt::format(fmt::runtime(row), op.index, op.type, op.version,
                               shape_of(sg, op.inputs), shape_of(sg, op.outputs),
                               dtypes_of(sg, op), quantization_of(sg, op), op.activation, op.macs);
    }
  }
}

void print_summary(const model::ModelInfo& info) {
  const auto& a = info.arena;
  std::cout << fmt::format(
      "\nruntime {} (structs {}), target {}\n"
      "MACs: {} (reference convention: {})\nparameters: {}\n",
      info.runtime, info.struct_abi, info.flash.target, info.macs, info.macs_reference,
      info.params);
  std::cout << fmt::format(
      "RAM (tensor arena): {} bytes = {:.1f} kB\n"
      "  planned tensors (head)   {:>10}\n"
      "  kernel scratch (head)    {:>10}\n"
      "  persistent (tail)        {:>10}\n"
      "    tensor structs         {:>10}\n"
      "    quantization           {:>10}\n"
      "    node arrays + options  {:>10}\n"
      "    op data + variables    {:>10}\n"
      "    runtime objects        {:>10}\n"
      "  setup temp (released)    {:>10}\n"
      "  peak during setup        {:>10}\n"
      "  with safety margin {:>4g}% {:>10}\n",
      info.arena_bytes, info.arena_bytes / 1000.0, a.planned_tensors, a.scratch, a.persistent,
      a.persistent_tensors, a.persistent_quantization, a.persistent_node_arrays,
      a.persistent_op_data, a.persistent_runtime, a.temp_peak, a.peak, info.arena_margin_percent,
      info.arena_bytes_with_margin);
  std::cout << fmt::format(
      "Flash: {} bytes estimated (model file {} + runtime core {} + kernels {})\n",
      info.flash_bytes, info.flash.model, info.flash.runtime_core,
      info.flash_bytes - info.flash.model - info.flash.runtime_core);
  for (const auto& k : info.flash.kernels)
    std::cout << fmt::format("  {:<28} {:>8}\n", k.op, k.bytes);
  std::cout << "op resolver (MicroMutableOpResolver<" << info.op_resolver.size() << ">):\n";
  for (const auto& e : info.op_resolver)
    std::cout << fmt::format("  {:<32} // {} v{}, {}x\n", e.method + "();", e.op, e.max_version,
                             e.count);
  for (const auto& u : info.unsupported_details)
    std::cout << "unsupported: " << u.op << ": " << u.reason << "\n";
  for (const auto& w : info.warnings) std::cout << "warning: " << w << "\n";
}

}  // namespace

void add_model_inspect(CLI::App& model, Context& ctx) {
  (void)ctx;
  auto* cmd = model.add_subcommand("inspect", "Analyze a .tflite model without storing it");
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto runtime = std::make_shared<std::string>("tflm-2.4");
  auto target = std::make_shared<std::string>(std::string(model::kDefaultFlashTarget));
  auto abi = std::make_shared<std::string>("host-64");
  auto margin = std::make_shared<double>(0);
  cmd->add_option("file", *file, "Model file (.tflite)")->required();
  cmd->add_flag("--json", *json, "Print JSON instead of a table");
  cmd->add_option("--runtime", *runtime, "TFLite Micro version: tflm-2.4 (default), tflm-current");
  cmd->add_option("--target", *target,
                  "Flash target / kernel set: cortex-m4f-reference (default), "
                  "cortex-m4f-cmsis-nn, cortex-m7-cmsis-nn, cortex-m0plus-reference");
  cmd->add_option("--abi", *abi,
                  "Struct layout of the runtime build: host-64 (default, as measured), cortex-m");
  CLI::Option* margin_option =
      cmd->add_option("--margin", *margin, "Arena safety margin in percent (default: the target's)")
          ->check(CLI::Range(0.0, 1000.0));
  cmd->callback([=] {
    model::AnalyzeOptions options;
    const auto r = model::parse_runtime(*runtime);
    if (!r) throw CliError("unknown runtime '" + *runtime + "' (use tflm-2.4 or tflm-current)");
    options.runtime = *r;
    const auto a = model::parse_struct_abi(*abi);
    if (!a) throw CliError("unknown struct ABI '" + *abi + "' (use host-64 or cortex-m)");
    options.arena_target = *a;
    if (!model::find_flash_target(*target))
      throw CliError("unknown target '" + *target +
                     "' (use cortex-m4f-reference, cortex-m4f-cmsis-nn, cortex-m7-cmsis-nn or "
                     "cortex-m0plus-reference)");
    options.target = *target;
    if (margin_option->count() > 0) options.margin_percent = *margin;
    auto info = Context::take(model::analyze_model_file(*file, options));
    if (*json) {
      std::cout << model::model_info_to_json(info).dump(2) << "\n";
    } else {
      print_layers(info);
      print_summary(info);
    }
  });
}

}  // namespace tinykg::cli
