// tinykg demo: builds the reference graph and answers the three case studies
// with the match engine (match/case_studies.h).
#include <chrono>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "deploy/artifact.h"
#include "kg/reference_data.h"
#include "match/case_studies.h"

namespace tinykg::cli {

void add_demo(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "demo", "Import the reference models and boards, then answer the three case studies");
  auto format = std::make_shared<std::string>("table");
  cmd->add_option("--format", *format, "table|csv|json (json: one document with every answer)")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->callback([&ctx, format] {
    auto& graph = ctx.graph();
    auto start = std::chrono::steady_clock::now();
    auto report = Context::take(kg::import_reference_data(graph, ctx.data_dir));
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count();
    std::string imported =
        fmt::format("Imported {} models and {} devices ({} triples) into {} in {:.0f} ms",
                    report.models, report.devices, report.triples, ctx.location().to_string(), ms);
    // Keep the .tflite bytes so the demo's models can be deployed at once
    // (the embedded store keeps artifacts beside the database; docs/deploy.md).
    if (!graph.is_remote()) {
      deploy::ArtifactStore artifacts(graph);
      for (const auto& [iri, path] : report.model_files) Context::take(artifacts.put_file(iri, path));
    }

    auto source = match::source_for(graph);
    match::Matcher matcher(*source);
    auto answers = Context::take(match::answer_case_studies(matcher));
    if (*format == "json") {
      nlohmann::json doc{{"imported", imported}, {"case_studies", nlohmann::json::array()}};
      for (const auto& answer : answers) {
        doc["case_studies"].push_back(
            {{"title", answer.title},
             {"rows", nlohmann::json::parse(Context::take(match::render(answer.report, "json")))}});
      }
      std::cout << doc.dump(2) << "\n";
      return;
    }
    std::cout << imported << "\n";
    for (const auto& answer : answers) {
      std::cout << "\n" << answer.title << "\n"
                << Context::take(match::render(answer.report, *format));
    }
  });
}

}  // namespace tinykg::cli
