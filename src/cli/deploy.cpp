// tinykg deploy MODEL --to SELECTOR [--wave N[xG]] [--max-failures N|P%] [--window W]... [...]
// tinykg deploy status [ID] [--all] [--json]
// tinykg deploy resume|retry|cancel ID      tinykg deploy rollback ID
// The campaign runs in this process, with live progress on stderr; if the
// process stops, `deploy resume ID` continues where the graph says it was.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/deploy_progress.h"
#include "deploy/deployments.h"

namespace tinykg::cli {
namespace {

struct DeployArgs {
  std::string model;
  std::string to;
  std::string file;
  std::string wave;
  std::string max_failures;
  deploy::CampaignOptions options;
  bool json = false;
};

// "fitting", "id1,id2,…" or "@FILE" (one id a line).
void read_selector(const std::string& to, deploy::CampaignRequest& request) {
  if (to == "fitting") {
    request.fitting = true;
    return;
  }
  std::string list = to;
  if (to.starts_with("@")) {
    std::ifstream in(to.substr(1));
    if (!in) throw CliError("cannot read the device list " + to.substr(1));
    list.clear();
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') list += line + ",";
    }
  }
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string id = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!id.empty()) request.devices.push_back(id);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (request.devices.empty()) throw CliError("--to names no device (use fitting, ids or @FILE)");
}

// --wave 10 (canary of 10) or 10x4 (canary of 10, each next wave 4 times larger).
void read_wave(const std::string& wave, deploy::CampaignOptions& o) {
  if (wave.empty()) return;
  try {
    size_t used = 0;
    o.canary = std::stoul(wave, &used);
    if (used < wave.size()) {
      if (wave[used] != 'x') throw std::invalid_argument(wave);
      o.wave_growth = std::stod(wave.substr(used + 1));
    }
  } catch (const std::exception&) {
    throw CliError("--wave takes CANARY or CANARYxGROWTH, e.g. 10 or 10x2, not '" + wave + "'");
  }
}

// --max-failures 10 (devices) or 20% (of all devices).
void read_max_failures(const std::string& text, deploy::CampaignOptions& o) {
  if (text.empty()) return;
  try {
    if (text.ends_with("%")) {
      o.max_failure_rate = std::stod(text.substr(0, text.size() - 1)) / 100.0;
    } else {
      size_t used = 0;
      o.max_failures = std::stoul(text, &used);
      if (used != text.size()) throw std::invalid_argument(text);
    }
  } catch (const std::exception&) {
    throw CliError("--max-failures takes a count (10) or a percentage (20%), not '" + text + "'");
  }
}

// Prints the outcome; a campaign stopped by its error threshold is an error.
void finish(const deploy::Campaign& c, bool json) {
  if (json) {
    std::cout << c.summary().dump(2) << "\n";
  } else {
    print_campaign(c, 20);
  }
  if (c.status == deploy::CampaignStatus::Failed) {
    throw CliError(fmt::format("campaign {} stopped: {}", c.id, c.reason));
  }
}

void add_options(CLI::App* cmd, DeployArgs& a) {
  cmd->add_option("--wave", a.wave, "Canary size and growth: N or NxG (default 1x2)");
  cmd->add_option("--max-failures", a.max_failures, "Stop after more than N (or P%) devices failed");
  cmd->add_option("--concurrency", a.options.concurrency, "Devices sent to at once");
  cmd->add_option("--retries", a.options.retries, "Tries after the first per device");
  cmd->add_option("--timeout-ms", a.options.timeout_ms, "Time limit of one attempt");
  cmd->add_option("--backoff-ms", a.options.backoff_ms, "First retry delay (doubles, with jitter)");
  cmd->add_option("--wave-success", a.options.wave_success,
                  "Share of a wave that must confirm before the next starts (0..1; else pause)");
  cmd->add_option("--window", a.options.windows,
                  "Maintenance window in UTC, e.g. 'Mon-Fri 22:00-04:00' (repeatable); "
                  "nothing is sent outside the windows");
  cmd->add_flag("--json", a.json, "Print the final campaign summary as JSON");
}

}  // namespace

void add_deploy(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("deploy", "Deploy a model to devices in waves (campaigns)");
  auto args = std::make_shared<DeployArgs>();
  cmd->add_option("model", args->model, "Model: identifier (UUID), name or IRI");
  cmd->add_option("--to", args->to, "Devices: fitting | ID,ID,... | @FILE");
  cmd->add_option("--file", args->file, "The model's .tflite (stored as its artifact)");
  add_options(cmd, *args);
  cmd->require_subcommand(0, 1);
  cmd->callback([&ctx, args, cmd] {
    if (cmd->get_subcommands().size() > 0) return;
    if (args->model.empty() || args->to.empty()) {
      throw CliError("give the model and the devices: tinykg deploy MODEL --to fitting|IDS|@FILE");
    }
    deploy::CampaignRequest request;
    request.model = args->model;
    request.model_file = args->file;
    request.options = args->options;
    read_wave(args->wave, request.options);
    read_max_failures(args->max_failures, request.options);
    read_selector(args->to, request);
    deploy::Deployments deployments(ctx.graph());
    auto campaign = Context::take(deployments.create(request));
    std::cerr << fmt::format("campaign {}: {} to {} devices\n", campaign.id, campaign.model_name,
                             campaign.devices.size());
    finish(follow_campaign(deployments, campaign.id), args->json);
  });

  auto* status = cmd->add_subcommand("status", "Campaigns, or one campaign with its devices");
  auto id = std::make_shared<std::string>();
  auto all = std::make_shared<bool>(false);
  auto json = std::make_shared<bool>(false);
  status->add_option("id", *id, "Campaign id");
  status->add_flag("--all", *all, "List every device, not only the failed and refused");
  status->add_flag("--json", *json, "JSON (the REST API's campaign summary)");
  status->callback([&ctx, id, all, json] {
    deploy::Deployments deployments(ctx.graph());
    if (!id->empty()) {
      auto c = Context::take(deployments.get(*id));
      if (*json) {
        std::cout << c.summary().dump(2) << "\n";
      } else {
        print_campaign(c, *all ? -1 : 20);
      }
      return;
    }
    auto list = Context::take(deployments.list());
    if (*json) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& c : list) items.push_back(c.summary(false));
      std::cout << nlohmann::json{{"items", items}}.dump(2) << "\n";
      return;
    }
    if (list.empty()) std::cout << "no deployment campaigns\n";
    for (const auto& c : list) {
      std::cout << fmt::format("{}  {:<9}  {:<8}  {}/{} confirmed, {} failed, {} refused  {}{}\n", c.id,
                               deploy::to_string(c.status), c.kind,
                               c.count(deploy::DeviceStatus::Confirmed), c.devices.size(),
                               c.count(deploy::DeviceStatus::Failed),
                               c.count(deploy::DeviceStatus::Refused), c.model_name,
                               c.waiting_until.empty()
                                   ? ""
                                   : "  (waiting for window until " + c.waiting_until + ")");
    }
  });

  // resume / retry / rollback run the campaign here and follow it; cancel just records.
  for (const char* action : {"resume", "retry", "rollback", "cancel"}) {
    const std::string name = action;
    auto* sub = cmd->add_subcommand(
        name, name == "resume"     ? "Continue a paused or interrupted campaign"
              : name == "retry"    ? "Send again to the failed devices of a campaign"
              : name == "rollback" ? "Send every confirmed device of a campaign its previous model"
                                   : "Cancel a campaign (devices not yet sent stay pending)");
    auto target = std::make_shared<std::string>();
    auto opts = std::make_shared<DeployArgs>();
    sub->add_option("id", *target, "Campaign id")->required();
    if (name == "rollback") {
      add_options(sub, *opts);  // includes --json
    } else {
      sub->add_flag("--json", opts->json, "Print the final campaign summary as JSON");
    }
    sub->callback([&ctx, name, target, opts] {
      deploy::Deployments deployments(ctx.graph());
      std::string id = *target;
      if (name == "resume") Context::take(deployments.resume(id));
      if (name == "retry") Context::take(deployments.retry(id));
      if (name == "cancel") {
        finish(Context::take(deployments.cancel(id)), opts->json);
        return;
      }
      if (name == "rollback") {
        read_wave(opts->wave, opts->options);
        read_max_failures(opts->max_failures, opts->options);
        id = Context::take(deployments.rollback(id, opts->options)).id;
        std::cerr << fmt::format("rollback campaign {}\n", id);
      }
      finish(follow_campaign(deployments, id), opts->json);
    });
  }
}

}  // namespace tinykg::cli
