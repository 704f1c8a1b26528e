// tinykg load FILE... [--graph IRI]
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"

namespace tinykg::cli {

void add_load(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "load", "Load RDF files (.ttl .nt .nq .trig) in one transaction: all or nothing");
  auto files = std::make_shared<std::vector<std::string>>();
  auto graph = std::make_shared<std::string>();
  cmd->add_option("files", *files, "RDF files")->required();
  cmd->add_option("--graph", *graph, "Load into this named graph instead of the default graph");
  cmd->callback([&ctx, files, graph] {
    auto start = std::chrono::steady_clock::now();
    auto report = Context::take(ctx.graph().load_files(*files, *graph));
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << fmt::format("loaded {} triples ({} new) from {} file(s) in {:.2f} s ({:.0f} triples/s)\n",
                             report.quads_read, report.quads_added, files->size(), secs,
                             secs > 0 ? report.quads_read / secs : 0.0);
  });
}

}  // namespace tinykg::cli
