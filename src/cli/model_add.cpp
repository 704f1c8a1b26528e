// tinykg model add FILE.tflite [--card CARD.json] [--tag T]...
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "deploy/artifact.h"

namespace tinykg::cli {

void add_model_add(CLI::App& model, Context& ctx) {
  auto* cmd = model.add_subcommand("add", "Analyze a .tflite model and add it to the graph");
  auto file = std::make_shared<std::string>();
  auto card = std::make_shared<std::string>();
  auto tags = std::make_shared<std::vector<std::string>>();
  cmd->add_option("file", *file, "Model file (.tflite)")->required();
  cmd->add_option("--card", *card, "Model card (JSON) with the hand-entered facts");
  cmd->add_option("--tag", *tags, "Label such as 'production' (repeatable; added to the card's tags)")
      ->take_all()->expected(1)->allow_extra_args(false);
  cmd->callback([&ctx, file, card, tags] {
    auto import = Context::take(ctx.graph().add_model_file(*file, *card, *tags));
    // Keep the bytes for deployment campaigns and export-c (docs/deploy.md).
    Context::take(deploy::ArtifactStore(ctx.graph()).put_file(import.iri, *file));
    std::cout << fmt::format(
        "added model {} version {} <{}>: {} operators, {} MACs (reference), RAM {:.1f} kB, Flash {:.1f} kB, "
        "{} triples\n",
        import.name, import.version, import.iri,
        import.info.subgraphs.empty() ? 0 : import.info.subgraphs[0].operators.size(),
        import.info.macs_reference, import.info.arena_bytes / 1000.0,
        import.info.flash_bytes_model / 1000.0, import.quads_added);
  });
}

}  // namespace tinykg::cli
