// tinykg match devices|models|matrix|counts: which boards run a model, which
// models fit a board, and the whole fleet at once (src/match/).
//
//   tinykg match devices --model ID [--ram KB] [--flash KB] [--sensor KIND]...
//   tinykg match devices --sensor accelerometer --sensor gyroscope --ram 116 --flash 531
//   tinykg match models  --device ID | [--ram KB] [--flash KB] [--sensor KIND]...
//   tinykg match matrix | counts
//   tinykg match similar MODEL [--fits ID] [--limit N]            (similar.cpp)
// Tables for a stored model or board add the estimated latency and energy of
// one inference (match/latency.h; empty where the board's core is not stated).
// Options given with --model / --device replace that fact of the stored
// description (what-if questions); without an id they describe an ad-hoc
// model or board and what they leave out is not constrained.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/context.h"
#include "match/matcher.h"
#include "match/report.h"

namespace tinykg::cli {

namespace {

// Options shared by `match devices` and `match models`.
struct MatchArgs {
  std::string id;
  std::optional<double> ram, flash;
  std::vector<std::string> sensors;
  bool all = false, explain = false;
  std::string format = "table";

  bool has_overrides() const { return ram || flash || !sensors.empty(); }
  match::MatchOptions options() const {
    return {all ? match::MatchOptions::Include::All : match::MatchOptions::Include::Fits, explain};
  }
};

void add_common(CLI::App* cmd, MatchArgs& args) {
  cmd->add_option("--ram", args.ram, "RAM in kB (overrides the stored figure)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--flash", args.flash, "Flash in kB (overrides the stored figure)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--sensor", args.sensors,
                  "Sensor kind, repeatable: camera, microphone, accelerometer, ... or an IRI "
                  "(replaces the stored sensors)");
  cmd->add_flag("--all", args.all, "List every pair with its verdict, not only those that fit");
  cmd->add_flag("--explain", args.explain, "Add the reasons, with numbers");
  cmd->add_option("--format", args.format, "table|json|csv")->capture_default_str();
}

match::MemoryFigure figure(std::optional<double> kb) {
  return kb ? match::MemoryFigure::value(*kb) : match::MemoryFigure::any();
}

void print(const match::Report& report, const std::string& format, const std::string& heading) {
  std::string text = Context::take(match::render(report, format));
  if (format == "table" && !heading.empty()) std::cout << heading << "\n";
  std::cout << text;
}

std::string describe(const match::ModelRequirements& m) {
  std::vector<std::string> parts;
  for (const auto& k : m.sensor_kinds) parts.push_back(match::local_name(k));
  if (m.ram.known()) parts.push_back(match::format_kilobytes(m.ram.kilobytes) + " kB RAM");
  if (m.flash.known()) parts.push_back(match::format_kilobytes(m.flash.kilobytes) + " kB Flash");
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string describe(const match::DeviceCapabilities& d) {
  std::vector<std::string> parts;
  for (const auto& k : d.sensors.kinds) parts.push_back(match::local_name(k));
  if (d.ram.known()) parts.push_back(match::format_kilobytes(d.ram.kilobytes) + " kB RAM");
  if (d.flash.known()) parts.push_back(match::format_kilobytes(d.flash.kilobytes) + " kB Flash");
  return fmt::format("{}", fmt::join(parts, ", "));
}

void run_devices(Context& ctx, const MatchArgs& args) {
  if (args.id.empty() && !args.has_overrides()) {
    throw CliError("give --model ID, or describe the model with --ram, --flash and --sensor");
  }
  auto source = match::source_for(ctx.graph(/*read_only=*/true));
  match::Matcher matcher(*source);
  match::ModelRequirements needs;
  std::optional<match::Workload> workload;
  if (!args.id.empty()) {
    match::ModelEntry entry = Context::take(matcher.model(args.id));
    needs = std::move(entry.requirements);
    workload = std::move(entry.facts.workload);
    if (args.ram) needs.ram = match::MemoryFigure::value(*args.ram);
    if (args.flash) needs.flash = match::MemoryFigure::value(*args.flash);
  } else {
    needs.ram = figure(args.ram);
    needs.flash = figure(args.flash);
  }
  if (!args.sensors.empty()) {
    needs.sensor_kinds.clear();
    for (const auto& s : args.sensors) needs.sensor_kinds.push_back(match::sensor_kind_iri(s));
  }
  auto matches = Context::take(matcher.devices_for(needs, args.options()));
  print(match::devices_report(matches, args.explain, workload ? &*workload : nullptr), args.format,
        fmt::format("Boards for {} (needs {}):", needs.label(), describe(needs)));
}

void run_models(Context& ctx, const MatchArgs& args) {
  if (args.id.empty() && !args.has_overrides()) {
    throw CliError("give --device ID, or describe the board with --ram, --flash and --sensor");
  }
  auto source = match::source_for(ctx.graph(/*read_only=*/true));
  match::Matcher matcher(*source);
  match::DeviceCapabilities board;
  if (!args.id.empty()) {
    board = Context::take(matcher.device(args.id));
    if (args.ram) board.ram = match::MemoryFigure::value(*args.ram);
    if (args.flash) board.flash = match::MemoryFigure::value(*args.flash);
  } else {
    board.ram = figure(args.ram);
    board.flash = figure(args.flash);
    board.sensors.any = args.sensors.empty();
  }
  if (!args.sensors.empty()) {
    board.sensors = {};
    for (const auto& s : args.sensors) board.sensors.add(match::sensor_kind_iri(s));
  }
  auto matches = Context::take(matcher.models_for(board, args.options()));
  print(match::models_report(matches, args.explain, args.id.empty() ? nullptr : &board.hardware),
        args.format,
        fmt::format("Models for {} ({}):", board.label(), describe(board)));
}

}  // namespace

void add_rank(CLI::App& app, Context& ctx);                 // rank.cpp
void add_match_similar(CLI::App& match_cmd, Context& ctx);  // similar.cpp

void add_match(CLI::App& app, Context& ctx) {
  add_rank(app, ctx);
  auto* match_cmd = app.add_subcommand("match", "Fit models and boards: which runs where, and why");
  match_cmd->require_subcommand(1);

  auto devices = std::make_shared<MatchArgs>();
  auto* dev_cmd = match_cmd->add_subcommand("devices", "Boards that can run a model");
  dev_cmd->add_option("--model", devices->id, "Model IRI, identifier (UUID) or name");
  add_common(dev_cmd, *devices);
  dev_cmd->callback([&ctx, devices] { run_devices(ctx, *devices); });

  auto models = std::make_shared<MatchArgs>();
  auto* mod_cmd = match_cmd->add_subcommand("models", "Models that fit a board");
  mod_cmd->add_option("--device", models->id,
                      "Board IRI, title, or IRI tail (e.g. 003 or nano_33-322-000-000-003)");
  add_common(mod_cmd, *models);
  mod_cmd->callback([&ctx, models] { run_models(ctx, *models); });

  auto matrix = std::make_shared<MatchArgs>();
  auto* mat_cmd = match_cmd->add_subcommand("matrix", "Every model against every board");
  mat_cmd->add_flag("--explain", matrix->explain, "One row per pair, with the reasons");
  mat_cmd->add_option("--format", matrix->format, "table|json|csv")->capture_default_str();
  mat_cmd->callback([&ctx, matrix] {
    auto source = match::source_for(ctx.graph(/*read_only=*/true));
    match::Matcher matcher(*source);
    auto fit = Context::take(matcher.fit_matrix());
    print(matrix->explain ? match::matrix_pairs_report(fit) : match::matrix_report(fit),
          matrix->format, "");
  });

  auto counts = std::make_shared<MatchArgs>();
  auto* cnt_cmd = match_cmd->add_subcommand(
      "counts", "For every model, how many boards it fits, may fit (unknown) and does not fit");
  cnt_cmd->add_option("--format", counts->format, "table|json|csv")->capture_default_str();
  cnt_cmd->callback([&ctx, counts] {
    auto source = match::source_for(ctx.graph(/*read_only=*/true));
    match::Matcher matcher(*source);
    print(match::counts_report(Context::take(matcher.fit_counts())), counts->format, "");
  });

  add_match_similar(*match_cmd, ctx);
}

}  // namespace tinykg::cli
