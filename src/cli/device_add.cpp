// tinykg device add FILE.ttl | FILE.td.jsonld
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/context.h"
#include "kg/td/thing_description.h"

namespace tinykg::cli {

void add_device_add(CLI::App& device, Context& ctx) {
  auto* cmd = device.add_subcommand(
      "add", "Add a device description (Turtle, or a W3C WoT Thing Description in JSON-LD)");
  auto file = std::make_shared<std::string>();
  cmd->add_option("file", *file, "Device description (.ttl, or .jsonld / .json for a TD)")
      ->required();
  cmd->callback([&ctx, file] {
    if (file->ends_with(".jsonld") || file->ends_with(".json")) {
      std::ifstream in(*file, std::ios::binary);
      if (!in) throw CliError(fmt::format("cannot read {}", *file));
      std::ostringstream text;
      text << in.rdbuf();
      // Invalid TDs store nothing; the message lists pointer and fault.
      auto imported = kg::td::import_td(ctx.graph(), text.str());
      if (!imported.ok()) throw CliError(fmt::format("{}: {}", *file, imported.error()));
      std::cout << fmt::format("added Thing Description {} as <{}>: {} triples ({} new){}\n",
                               *file, imported->device, imported->report.quads_read,
                               imported->report.quads_added,
                               imported->replaced ? ", replacing its previous description" : "");
      return;
    }
    auto report = Context::take(ctx.graph().add_device_file(*file));
    std::cout << fmt::format("added device description {}: {} triples ({} new)\n", *file,
                             report.quads_read, report.quads_added);
  });
}

}  // namespace tinykg::cli
