// tinykg device validate FILE...     W3C WoT Thing Descriptions: schema + semantic checks
// tinykg device export IRI [-o FILE]   a stored device as a compact TD 1.1 JSON-LD document
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/context.h"
#include "kg/td/thing_description.h"
#include "kg/td/validation.h"

namespace tinykg::cli {
namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CliError(fmt::format("cannot read {}", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

void add_device_validate(CLI::App& device, Context& /*ctx*/) {
  auto* cmd = device.add_subcommand(
      "validate", "Check Thing Descriptions (TD 1.1 JSON Schema and the rules beyond it)");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("files", *files, "Thing Description files (.jsonld / .json)")->required();
  cmd->callback([files] {
    size_t invalid = 0;
    for (const std::string& file : *files) {
      kg::td::TdValidation v = kg::td::validate_td_text(read_text(file));
      if (v.ok()) {
        std::cout << fmt::format("{}: valid ({})\n", file, v.document.value("title", ""));
        continue;
      }
      ++invalid;
      std::cout << fmt::format("{}: {} problem{}\n", file, v.problems.size(),
                               v.problems.size() == 1 ? "" : "s");
      for (const kg::td::TdProblem& p : v.problems) {
        // A JSON pointer of "" is the whole document.
        std::cout << fmt::format("  {}: {}\n", p.pointer.empty() ? "(document)" : p.pointer,
                                 p.message);
      }
    }
    if (invalid > 0) {
      throw CliError(fmt::format("{} of {} Thing Descriptions are invalid", invalid, files->size()));
    }
  });
}

void add_device_export(CLI::App& device, Context& ctx) {
  auto* cmd = device.add_subcommand("export", "Write a stored device as a TD 1.1 JSON-LD document");
  auto iri = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  cmd->add_option("iri", *iri, "The device IRI (the TD's id)")->required();
  cmd->add_option("-o,--output", *output, "Write to this file instead of stdout");
  cmd->callback([&ctx, iri, output] {
    nlohmann::json td = Context::take(kg::td::export_td(ctx.graph(/*read_only=*/true), *iri));
    const std::string text = td.dump(2) + "\n";
    if (output->empty()) {
      std::cout << text;
      return;
    }
    std::ofstream out(*output, std::ios::binary);
    out << text;
    if (!out) throw CliError(fmt::format("cannot write {}", *output));
    std::cerr << fmt::format("wrote {}\n", *output);
  });
}

}  // namespace tinykg::cli
