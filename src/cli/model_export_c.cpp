// tinykg model export-c MODEL -o FILE.h [--symbol NAME]
// The model's .tflite (its stored artifact, or --file) as a C array plus the
// MicroMutableOpResolver registrations a TFLite Micro firmware needs.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/context.h"
#include "deploy/artifact.h"
#include "deploy/c_export.h"
#include "deploy/fleet_targets.h"

namespace tinykg::cli {

void add_model_export_c(CLI::App& model, Context& ctx) {
  auto* cmd = model.add_subcommand(
      "export-c", "Write a model as a C header (array + TFLite Micro op resolver) for firmware");
  auto id = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto symbol = std::make_shared<std::string>();
  cmd->add_option("model", *id, "Model: identifier (UUID), name or IRI")->required();
  cmd->add_option("-o,--output", *out, "Header file to write")->required();
  cmd->add_option("--file", *file, "The model's .tflite, when the graph has no artifact for it");
  cmd->add_option("--symbol", *symbol, "C identifier prefix (default: from the model name)");
  cmd->callback([&ctx, id, out, file, symbol] {
    auto& graph = ctx.graph();
    auto model = Context::take(deploy::resolve_model(graph, *id));
    deploy::ArtifactStore artifacts(graph);
    deploy::Artifact artifact;
    if (!file->empty()) {
      std::ifstream in(*file, std::ios::binary);
      if (!in) throw CliError("cannot read " + *file);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      artifact = Context::take(artifacts.put(model.iri, bytes.str()));
    } else {
      artifact = Context::take(artifacts.get(model.iri));
    }
    std::string header = Context::take(deploy::export_c_header(
        artifact.bytes, {*symbol, model.name, artifact.sha256}));
    std::ofstream o(*out, std::ios::trunc);
    o << header;
    if (!o) throw CliError("cannot write " + *out);
    std::cout << fmt::format("wrote {} ({} bytes of model as {}_tflite)\n", *out, artifact.size(),
                             deploy::c_identifier(symbol->empty() ? model.name : *symbol));
  });
}

}  // namespace tinykg::cli
