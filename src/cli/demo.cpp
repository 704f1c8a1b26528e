// tinykg demo: builds the reference graph and answers the three case studies.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/output.h"
#include "kg/reference_data.h"

namespace tinykg::cli {

void add_demo(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "demo", "Import the reference models and boards, then answer the three case studies");
  auto format = std::make_shared<std::string>("table");
  cmd->add_option("--format", *format, "table|json|csv|tsv")->capture_default_str();
  cmd->callback([&ctx, format] {
    auto& graph = ctx.graph();
    auto start = std::chrono::steady_clock::now();
    auto report = Context::take(kg::import_reference_data(graph, ctx.data_dir));
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count();
    std::cout << fmt::format("Imported {} models and {} devices ({} triples) into {} in {:.0f} ms\n",
                             report.models, report.devices, report.triples,
                             ctx.location().to_string(), ms);
    for (const auto& study : kg::case_studies(ctx.data_dir)) {
      std::ifstream in(study.query_path);
      if (!in) throw CliError("cannot open query file '" + study.query_path + "'");
      std::stringstream text;
      text << in.rdbuf();
      std::cout << "\n" << study.title << "\n";
      print_results(Context::take(graph.query(text.str())), *format);
    }
  });
}

}  // namespace tinykg::cli
