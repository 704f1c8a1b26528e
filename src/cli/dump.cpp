// tinykg dump [--format nquads|trig] [-o FILE]
#include <fstream>
#include <iostream>

#include "cli/context.h"
#include "store/dump.h"

namespace tinykg::cli {

void add_dump(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "dump", "Write the whole graph (all named graphs) as N-Quads or TriG, streaming");
  auto format = std::make_shared<std::string>("nquads");
  auto output = std::make_shared<std::string>();
  cmd->add_option("--format", *format, "nquads|trig")->capture_default_str();
  cmd->add_option("-o,--output", *output, "Write to FILE instead of stdout");
  cmd->callback([&ctx, format, output] {
    auto syntax = rdf::syntax_from_name(*format);
    if (!syntax || (*syntax != rdf::Syntax::NQuads && *syntax != rdf::Syntax::TriG)) {
      throw CliError("unknown dump format '" + *format + "' (use nquads or trig)");
    }
    auto& graph = ctx.graph(/*read_only=*/true);
    store::ReadTxn txn = graph.store().read();  // one snapshot, writers go on
    std::ofstream file;
    if (!output->empty()) {
      file.open(*output, std::ios::binary);
      if (!file) throw CliError("cannot create '" + *output + "'");
    }
    std::ostream& out = output->empty() ? std::cout : file;
    Context::take(store::dump_quads(txn, out, *syntax));
    out.flush();
    if (!out) throw CliError("write error while dumping (disk full?)");
  });
}

}  // namespace tinykg::cli
