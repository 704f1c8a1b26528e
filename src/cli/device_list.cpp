// tinykg device list [--format F]
#include "cli/context.h"
#include "cli/output.h"

namespace tinykg::cli {

void add_device_list(CLI::App& device, Context& ctx) {
  auto* cmd = device.add_subcommand("list", "List the devices in the graph");
  auto format = std::make_shared<std::string>("table");
  cmd->add_option("--format", *format, "table|json|csv|tsv")->capture_default_str();
  cmd->callback([&ctx, format] {
    print_results(Context::take(ctx.graph(/*read_only=*/true).list_devices()), *format);
  });
}

}  // namespace tinykg::cli
