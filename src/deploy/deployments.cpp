#include "deploy/deployments.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "deploy/artifact.h"
#include "deploy/campaign_record.h"
#include "deploy/fleet_targets.h"

namespace tinykg::deploy {

std::string check_options(const CampaignOptions& o) {
  if (o.canary < 1) return "canary must be at least 1 device";
  if (!(o.wave_growth >= 1.0)) return "wave_growth must be at least 1.0";
  if (o.concurrency < 1 || o.concurrency > 1024) return "concurrency must be between 1 and 1024";
  if (o.retries < 0 || o.retries > 100) return "retries must be between 0 and 100";
  if (o.max_failure_rate && !(*o.max_failure_rate >= 0 && *o.max_failure_rate <= 1)) {
    return "max_failure_rate must be between 0 and 1";
  }
  if (!(o.wave_success >= 0 && o.wave_success <= 1)) return "wave_success must be between 0 and 1";
  if (o.timeout_ms < 1) return "timeout_ms must be positive";
  if (auto windows = WindowSchedule::parse(o.windows); !windows) return windows.error();
  return "";
}

Deployments::Deployments(kg::KnowledgeGraph& graph, std::shared_ptr<const Clock> clock)
    : graph_(graph), clock_(std::move(clock)) {}

Deployments::~Deployments() {
  std::lock_guard lock(mutex_);
  runners_.clear();  // each destructor interrupts and joins
}

CampaignRunner* Deployments::find(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = runners_.find(id);
  return it == runners_.end() ? nullptr : it->second.get();
}

Result<std::map<std::string, Payload>> Deployments::payloads_for(const Campaign& c) {
  ArtifactStore artifacts(graph_);
  std::map<std::string, Payload> payloads;
  std::map<std::string, match::ModelRequirements> requirements;  // by model IRI
  for (const DeviceRecord& d : c.devices) {
    if (d.sha256.empty() || payloads.count(d.sha256)) continue;
    auto bytes = artifacts.bytes_of(d.sha256);
    if (!bytes) return bytes.failure();
    if (!requirements.count(d.model_iri)) {
      auto model = resolve_model(graph_, d.model_iri);
      if (!model) return model.failure();
      requirements[d.model_iri] = model->requirements;
    }
    payloads[d.sha256] = Payload{std::move(bytes).value(), requirements[d.model_iri]};
  }
  return payloads;
}

namespace {

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot read {}", path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

Result<Campaign> Deployments::create(const CampaignRequest& request) {
  if (std::string bad = check_options(request.options); !bad.empty()) return fail("{}", bad);
  auto model = resolve_model(graph_, request.model);
  if (!model) return model.failure();
  ArtifactStore artifacts(graph_);
  Result<Artifact> artifact = fail("no artifact");
  if (!request.model_file.empty()) {
    auto bytes = read_file(request.model_file);
    if (!bytes) return bytes.failure();
    artifact = artifacts.put(model->iri, std::move(bytes).value());
  } else {
    artifact = artifacts.get(model->iri);
  }
  if (!artifact) return artifact.failure();

  Result<std::vector<std::string>> devices =
      request.fitting ? fitting_devices(graph_, *model) : resolve_devices(graph_, request.devices);
  if (!devices) return devices.failure();
  std::set<std::string> seen;
  std::vector<std::string> unique;
  for (std::string& d : *devices) {
    if (seen.insert(d).second) unique.push_back(std::move(d));
  }
  if (unique.empty()) {
    return fail("{}", request.fitting ? "the model fits no device that has a deploy action"
                                : "no devices given");
  }
  auto targets = deploy_targets(graph_);
  if (!targets) return targets.failure();
  auto running = running_models(graph_);
  if (!running) return running.failure();

  Campaign c;
  c.id = new_campaign_id();
  c.model_iri = model->iri;
  c.model_name = model->name;
  c.sha256 = artifact->sha256;
  c.size_bytes = artifact->size();
  c.created = now_iso8601();
  c.options = request.options;
  std::vector<size_t> waves = plan_waves(unique.size(), c.options.canary, c.options.wave_growth);
  for (size_t i = 0; i < unique.size(); ++i) {
    DeviceRecord d;
    d.iri = unique[i];
    if (auto form = targets->find(d.iri); form != targets->end()) {
      d.href = form->second.href;
      d.content_type = form->second.content_type;
    }
    d.model_iri = c.model_iri;
    d.sha256 = c.sha256;
    d.wave = waves[i];
    if (auto now = running->find(d.iri); now != running->end()) {
      d.previous_model = now->second.model_iri;
      d.previous_sha256 = now->second.sha256;
    }
    c.devices.push_back(std::move(d));
  }
  Status saved = save_campaign(graph_, c);
  if (!saved) return saved.failure();
  std::map<std::string, Payload> payloads;
  payloads[c.sha256] = Payload{std::move(artifact->bytes), model->requirements};
  auto runner = std::make_unique<CampaignRunner>(graph_, c, std::move(payloads), false, clock_);
  runner->start();
  std::lock_guard lock(mutex_);
  runners_[c.id] = std::move(runner);
  return c;
}

Result<Campaign> Deployments::rollback(const std::string& id, const CampaignOptions& options) {
  if (std::string bad = check_options(options); !bad.empty()) return fail("{}", bad);
  auto source = get(id);
  if (!source) return source.failure();
  if (source->status == CampaignStatus::Running) {
    return fail("campaign {} is still running; pause or cancel it first", id);
  }
  Campaign c;
  c.id = new_campaign_id();
  c.kind = "rollback";
  c.created = now_iso8601();
  c.options = options;
  std::vector<DeviceRecord> devices;
  for (const DeviceRecord& was : source->devices) {
    if (was.status != DeviceStatus::Confirmed) continue;
    DeviceRecord d;
    d.iri = was.iri;
    d.href = was.href;
    d.content_type = was.content_type;
    d.model_iri = was.previous_model;
    d.sha256 = was.previous_sha256;
    d.previous_model = was.model_iri;
    d.previous_sha256 = was.sha256;
    if (d.sha256.empty()) {
      d.status = DeviceStatus::Refused;
      d.error = "no previous model recorded for this device";
      d.finished = c.created;
    }
    devices.push_back(std::move(d));
  }
  if (devices.empty()) return fail("campaign {} has no confirmed device to roll back", id);
  if (std::all_of(devices.begin(), devices.end(),
                  [](const DeviceRecord& d) { return d.sha256.empty(); })) {
    return fail("no device of campaign {} has a previous model recorded: nothing to roll back to",
                id);
  }
  std::vector<size_t> waves = plan_waves(devices.size(), options.canary, options.wave_growth);
  std::set<std::string> models;
  for (size_t i = 0; i < devices.size(); ++i) {
    devices[i].wave = waves[i];
    if (!devices[i].model_iri.empty()) models.insert(devices[i].model_iri);
  }
  c.devices = std::move(devices);
  if (models.size() == 1) {
    c.model_iri = *models.begin();
    for (const DeviceRecord& d : c.devices) {
      if (d.model_iri == c.model_iri) c.sha256 = d.sha256;
    }
    auto model = resolve_model(graph_, c.model_iri);
    c.model_name = model ? model->name : c.model_iri;
  } else {
    c.model_name = fmt::format("previous models of campaign {}", id);
  }
  auto payloads = payloads_for(c);
  if (!payloads) return payloads.failure();
  if (!c.sha256.empty()) c.size_bytes = (*payloads)[c.sha256].bytes.size();
  Status saved = save_campaign(graph_, c);
  if (!saved) return saved.failure();
  auto runner = std::make_unique<CampaignRunner>(graph_, c, std::move(payloads).value(), false,
                                                 clock_);
  runner->start();
  std::lock_guard lock(mutex_);
  runners_[c.id] = std::move(runner);
  return c;
}

Result<Campaign> Deployments::get(const std::string& id) {
  if (CampaignRunner* runner = find(id)) return runner->snapshot();
  return load_campaign(graph_, id);
}

Result<std::vector<Campaign>> Deployments::list() {
  auto ids = campaign_ids(graph_);
  if (!ids) return ids.failure();
  std::vector<Campaign> out;
  for (const std::string& id : *ids) {
    auto c = get(id);
    if (c) out.push_back(std::move(c).value());
  }
  return out;
}

Result<CampaignRunner*> Deployments::runner_for(const std::string& id) {
  if (CampaignRunner* runner = find(id)) return runner;
  auto stored = load_campaign(graph_, id);
  if (!stored) return stored.failure();
  if (std::string bad = check_options(stored->options); !bad.empty()) {
    return fail("campaign {} has stored options that cannot run: {}", id, bad);
  }
  auto payloads = payloads_for(*stored);
  if (!payloads) return payloads.failure();
  auto runner = std::make_unique<CampaignRunner>(graph_, std::move(stored).value(),
                                                 std::move(payloads).value(), true, clock_);
  std::lock_guard lock(mutex_);
  auto& slot = runners_[id];
  if (!slot) slot = std::move(runner);
  return slot.get();
}

Result<Campaign> Deployments::pause(const std::string& id) {
  auto c = get(id);
  if (!c) return c.failure();
  if (c->status != CampaignStatus::Running) {
    return fail("campaign {} is {}; only a running campaign can be paused", id, to_string(c->status));
  }
  if (CampaignRunner* runner = find(id)) {
    runner->pause();
    return runner->snapshot();
  }
  // Stored as running but run by no process (it stopped): record the pause.
  c->status = CampaignStatus::Paused;
  Status st = save_progress(graph_, *c, {});
  if (!st) return st.failure();
  return c;
}

Result<Campaign> Deployments::resume(const std::string& id) {
  auto c = get(id);
  if (!c) return c.failure();
  if (c->status == CampaignStatus::Completed || c->status == CampaignStatus::Cancelled) {
    return fail("campaign {} is {}; nothing to resume", id, to_string(c->status));
  }
  if (c->status == CampaignStatus::Failed) {
    return fail("campaign {} stopped at its error threshold; retry its failed devices instead", id);
  }
  auto runner = runner_for(id);
  if (!runner) return runner.failure();
  (*runner)->resume();
  return (*runner)->snapshot();
}

Result<Campaign> Deployments::cancel(const std::string& id) {
  auto c = get(id);
  if (!c) return c.failure();
  if (c->status != CampaignStatus::Running && c->status != CampaignStatus::Paused) {
    return fail("campaign {} is already {}", id, to_string(c->status));
  }
  auto runner = runner_for(id);
  if (!runner) return runner.failure();
  (*runner)->cancel();
  return (*runner)->snapshot();
}

Result<Campaign> Deployments::retry(const std::string& id) {
  auto c = get(id);
  if (!c) return c.failure();
  if (c->status == CampaignStatus::Cancelled) return fail("campaign {} is cancelled", id);
  if (c->count(DeviceStatus::Failed) == 0) return fail("campaign {} has no failed device", id);
  auto runner = runner_for(id);
  if (!runner) return runner.failure();
  (*runner)->retry_failed();
  return (*runner)->snapshot();
}

uint64_t Deployments::wait_change(const std::string& id, uint64_t version,
                                  std::chrono::milliseconds timeout) {
  if (CampaignRunner* runner = find(id)) return runner->wait_change(version, timeout);
  std::this_thread::sleep_for(timeout);
  return version;
}

bool Deployments::running_here(const std::string& id) {
  CampaignRunner* runner = find(id);
  return runner && runner->active();
}

void Deployments::join(const std::string& id) {
  if (CampaignRunner* runner = find(id)) runner->join();
}

}  // namespace tinykg::deploy
