// tinykg rank: the models for a task, best first (case study 3).
//
//   tinykg rank --task yes/no --dataset speech_commands --sensor microphone --by accuracy
//   tinykg rank --sensor microphone --device Arduino-Nano-BLE-33_1 --order latency
// --task words must all appear in the description; --device keeps only the
// models that fit that board. Ranking by latency or energy estimates them on
// --device, or without one on the calibration platform (Cortex-M4, 120 MHz,
// CMSIS-NN), and adds latency_ms / energy_mJ columns.
#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli/context.h"
#include "match/matcher.h"
#include "match/report.h"

namespace tinykg::cli {

namespace {

struct RankArgs {
  std::string task, category, dataset, sensor, device, by = "accuracy", format = "table";
  bool explain = false;
};

}  // namespace

void add_rank(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<RankArgs>();
  auto* cmd = app.add_subcommand("rank", "Rank the models for a task");
  cmd->add_option("--task", args->task, "Keywords that must all appear in the description");
  cmd->add_option("--category", args->category, "Category (e.g. Classification)");
  cmd->add_option("--dataset", args->dataset, "Part of the training data set's IRI or name");
  cmd->add_option("--sensor", args->sensor, "Input sensor kind (e.g. microphone)");
  cmd->add_option("--device", args->device, "Only models that fit this board (IRI, title or tail)");
  cmd->add_option("--by,--order", args->by, "accuracy|macs|ram|flash|latency|energy")
      ->capture_default_str();
  cmd->add_flag("--explain", args->explain, "Add sensors, data set and description");
  cmd->add_option("--format", args->format, "table|json|csv")->capture_default_str();
  cmd->callback([&ctx, args] {
    match::TaskFilter filter;
    std::istringstream words(args->task);
    for (std::string w; words >> w;) filter.keywords.push_back(w);
    filter.category = args->category;
    filter.dataset = args->dataset;
    filter.sensor = args->sensor;
    match::RankOrder order = Context::take(match::parse_rank_order(args->by));

    auto source = match::source_for(ctx.graph(/*read_only=*/true));
    match::Matcher matcher(*source);
    std::optional<match::DeviceCapabilities> board;
    if (!args->device.empty()) board = Context::take(matcher.device(args->device));
    auto ranked = Context::take(matcher.rank(filter, order, board ? &*board : nullptr));
    const bool estimates = order == match::RankOrder::Latency ||
                           order == match::RankOrder::Energy || board.has_value();
    const match::BoardHardware hardware =
        board ? board->hardware : match::reference_platform();
    std::string text = Context::take(match::render(
        match::rank_report(ranked, args->explain, estimates ? &hardware : nullptr), args->format));
    if (args->format == "table") {
      std::cout << fmt::format(
          "Models ranked by {}{}{}:\n", match::to_string(order),
          board ? " that fit " + board->label() : "",
          estimates && !board ? " (estimated on Cortex-M4 at 120 MHz with CMSIS-NN)" : "");
    }
    std::cout << text;
  });
}

}  // namespace tinykg::cli
