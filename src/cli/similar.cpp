// tinykg match similar: models close to a given one by task, input, operator
// mix and cost (match/similarity.h), to swap a model that does not fit a
// board for one that does.
//
//   tinykg match similar Person_Detection --fits Arduino-Nano-BLE-33_1 --limit 5
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/context.h"
#include "match/matcher.h"
#include "match/report.h"

namespace tinykg::cli {

namespace {

struct SimilarArgs {
  std::string model, fits, format = "table";
  size_t limit = 10;
};

void run_similar(Context& ctx, const SimilarArgs& args) {
  auto source = match::source_for(ctx.graph(/*read_only=*/true));
  match::Matcher matcher(*source);
  match::ModelEntry model = Context::take(matcher.model(args.model));
  std::optional<match::DeviceCapabilities> board;
  if (!args.fits.empty()) board = Context::take(matcher.device(args.fits));
  auto similar = Context::take(matcher.similar(model, board ? &*board : nullptr));
  if (similar.size() > args.limit) similar.resize(args.limit);
  std::string text = Context::take(match::render(
      match::similar_report(similar, board ? &board->hardware : nullptr), args.format));
  if (args.format == "table") {
    std::cout << fmt::format("Models similar to {}{} (score 1 = same task, input, mix and cost):\n",
                             model.requirements.label(),
                             board ? " that fit " + board->label() : "");
  }
  std::cout << text;
}

}  // namespace

void add_match_similar(CLI::App& match_cmd, Context& ctx) {
  auto args = std::make_shared<SimilarArgs>();
  auto* cmd = match_cmd.add_subcommand(
      "similar", "Models similar to a model (task, input, operator mix, cost), best first");
  cmd->add_option("model", args->model, "Model IRI, identifier (UUID) or name")->required();
  cmd->add_option("--fits", args->fits, "Only models that fit this board (IRI, title or tail)");
  cmd->add_option("--limit", args->limit, "At most this many models")->capture_default_str();
  cmd->add_option("--format", args->format, "table|json|csv")->capture_default_str();
  cmd->callback([&ctx, args] { run_similar(ctx, *args); });
}

}  // namespace tinykg::cli
