// tinykg device add FILE.ttl
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"

namespace tinykg::cli {

void add_device_add(CLI::App& device, Context& ctx) {
  auto* cmd = device.add_subcommand("add", "Add a device description (Turtle)");
  auto file = std::make_shared<std::string>();
  cmd->add_option("file", *file, "Device description (.ttl)")->required();
  cmd->callback([&ctx, file] {
    auto report = Context::take(ctx.graph().add_device_file(*file));
    std::cout << fmt::format("added device description {}: {} triples ({} new)\n", *file,
                             report.quads_read, report.quads_added);
  });
}

}  // namespace tinykg::cli
