// tinykg model inspect FILE.tflite [--json]
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "model/analyzer.h"

namespace tinykg::cli {
namespace {

std::string shape_of(const model::SubgraphInfo& sg, const std::vector<int>& tensors) {
  std::string out;
  for (int t : tensors) {
    if (t < 0 || static_cast<size_t>(t) >= sg.tensors.size()) continue;
    const auto& info = sg.tensors[static_cast<size_t>(t)];
    if (info.is_constant) continue;  // weights are not activations
    if (!out.empty()) out += " ";
    out += fmt::format("[{}]", fmt::join(info.shape, ","));
  }
  return out;
}

void print_text(const model::ModelInfo& info) {
  for (size_t i = 0; i < info.subgraphs.size(); ++i) {
    const auto& sg = info.subgraphs[i];
    std::cout << fmt::format("subgraph {} {}\n", i, sg.name);
    std::cout << fmt::format("{:>4}  {:<28} {:>3}  {:<8} {:<20} {:<20} {:>12}\n", "#", "operator",
                             "v", "act", "in", "out", "MACs");
    for (const auto& op : sg.operators) {
      std::cout << fmt::format("{:>4}  {:<28} {:>3}  {:<8} {:<20} {:<20} {:>12}\n", op.index,
                               op.type, op.version, op.activation, shape_of(sg, op.inputs),
                               shape_of(sg, op.outputs), op.macs);
    }
  }
  std::cout << fmt::format(
      "\nMACs: {} (reference convention: {})\nparameters: {}\n"
      "RAM (tensor arena): {} bytes = {:.1f} kB (planned {} + persistent {} + scratch {})\n"
      "Flash: {} bytes estimated, model file {} bytes\n",
      info.macs, info.macs_reference, info.params, info.arena_bytes, info.arena_bytes / 1000.0,
      info.arena.planned_tensors, info.arena.persistent, info.arena.scratch, info.flash_bytes,
      info.flash_bytes_model);
  for (const auto& op : info.unsupported_operators) std::cout << "unsupported: " << op << "\n";
  for (const auto& w : info.warnings) std::cout << "warning: " << w << "\n";
}

}  // namespace

void add_model_inspect(CLI::App& model, Context& ctx) {
  auto* cmd = model.add_subcommand("inspect", "Analyze a .tflite model without storing it");
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("file", *file, "Model file (.tflite)")->required();
  cmd->add_flag("--json", *json, "Print JSON instead of a table");
  cmd->callback([file, json] {
    auto info = Context::take(model::analyze_model_file(*file));
    if (*json) {
      std::cout << model::model_info_to_json(info).dump(2) << "\n";
    } else {
      print_text(info);
    }
  });
}

}  // namespace tinykg::cli
