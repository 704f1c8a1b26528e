// tinykg backup DIR
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"

namespace tinykg::cli {

void add_backup(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "backup", "Copy the database (compacted, consistent) into DIR while it stays in use");
  auto dir = std::make_shared<std::string>();
  cmd->add_option("dir", *dir, "Empty or new directory for the copy")->required();
  cmd->callback([&ctx, dir] {
    auto& graph = ctx.graph(/*read_only=*/true);
    Status st = graph.store().backup(*dir);
    if (!st.ok()) throw CliError(st.error());
    std::cout << fmt::format("backed up {} quads to {} (open it with --db {})\n",
                             graph.store().read().size(), *dir, *dir);
  });
}

}  // namespace tinykg::cli
