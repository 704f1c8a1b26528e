// tinykg update [TEXT | -f FILE.ru] [--timeout MS]
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"

namespace tinykg::cli {

void add_update(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "update", "Run a SPARQL 1.1 Update request as one transaction (all of it or nothing)");
  auto text = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto timeout_ms = std::make_shared<uint64_t>(0);
  cmd->add_option("update", *text, "SPARQL Update text");
  cmd->add_option("-f,--file", *file, "Read the update from a file");
  cmd->add_option("--timeout", *timeout_ms, "Stop after this many ms (0: no limit)");
  cmd->callback([&ctx, text, file, timeout_ms] {
    const std::string update = Context::text_or_file(*text, *file, "update");
    auto& graph = ctx.graph();
    const uint64_t before = graph.store().read().size();
    sparql::QueryOptions options;
    options.timeout_ms = *timeout_ms;
    Status st = graph.update(update, options);
    if (!st.ok()) throw CliError(st.error());
    const uint64_t after = graph.store().read().size();
    std::cout << fmt::format("update done: {} quads before, {} after\n", before, after);
  });
}

}  // namespace tinykg::cli
