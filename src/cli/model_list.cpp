// tinykg model list [--format F]
#include "cli/context.h"
#include "cli/output.h"

namespace tinykg::cli {

void add_model_list(CLI::App& model, Context& ctx) {
  auto* cmd = model.add_subcommand("list", "List the models in the graph");
  auto format = std::make_shared<std::string>("table");
  cmd->add_option("--format", *format, "table|json|csv|tsv")->capture_default_str();
  cmd->callback([&ctx, format] {
    print_results(Context::take(ctx.graph(/*read_only=*/true).list_models()), *format);
  });
}

}  // namespace tinykg::cli
