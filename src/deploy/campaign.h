// A deployment campaign: one model (artifact) to a set of devices, sent in
// waves. These are the plain data types; campaign_runner.h executes them,
// campaign_record.h keeps them in the graph, deployments.h owns them.
//
// Waves: the first wave is `canary` devices; each next wave is `wave_growth`
// times the previous (rounded up). After each wave the share of confirmed
// devices (refused ones not counted) must reach `wave_success`, else the
// campaign pauses for a human to look. Independently, once more than
// `max_failures` devices (or `max_failure_rate` of all) have failed, the
// campaign stops at once with status failed. With maintenance windows, no
// transfer starts outside them: the campaign stays "running" and says until
// when it waits (`waiting_until`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tinykg::deploy {

enum class CampaignStatus { Running, Paused, Completed, Failed, Cancelled };
enum class DeviceStatus { Pending, Sending, Confirmed, Failed, Refused };

std::string to_string(CampaignStatus status);
std::string to_string(DeviceStatus status);
std::optional<CampaignStatus> campaign_status_from(const std::string& text);
std::optional<DeviceStatus> device_status_from(const std::string& text);
bool finished(DeviceStatus status);  // confirmed, failed or refused

struct CampaignOptions {
  size_t canary = 1;
  double wave_growth = 2.0;
  size_t concurrency = 16;
  std::optional<size_t> max_failures;     // stop when failed > this count
  std::optional<double> max_failure_rate;  // stop when failed / total > this
  double wave_success = 0.0;  // 0..1; 0 never pauses
  int retries = 3;            // attempts after the first
  uint64_t timeout_ms = 10'000;  // one attempt (connect + transfer + answer)
  uint64_t backoff_ms = 200;     // first retry delay; doubles, with ±50 % jitter
  uint64_t backoff_max_ms = 10'000;
  bool check_fit = true;  // re-check fit with the match engine before sending
  // Maintenance windows (maintenance_window.h syntax, UTC): sends start only
  // while one is open. Empty: any time.
  std::vector<std::string> windows;

  nlohmann::json to_json() const;
  static CampaignOptions from_json(const nlohmann::json& j);  // missing keys: defaults
};

// One device of a campaign. `model_iri`/`sha256` are per device because a
// rollback sends each device its own previous model.
struct DeviceRecord {
  std::string iri;
  std::string href;  // deploy form target (http:// or mqtt://)
  // The deploy form's contentType. Empty only in records written before it
  // was kept; those were sent (and are resent) as application/octet-stream.
  std::string content_type;
  std::string model_iri;
  std::string sha256;
  size_t wave = 0;
  DeviceStatus status = DeviceStatus::Pending;
  int attempts = 0;
  std::string error;
  std::string started;   // ISO 8601 UTC, empty if never sent
  std::string finished;
  std::string previous_model;   // what the device ran before (for rollback)
  std::string previous_sha256;
};

struct Campaign {
  std::string id;
  std::string kind = "deploy";  // or "rollback"
  std::string model_iri;
  std::string model_name;
  std::string sha256;
  uint64_t size_bytes = 0;
  CampaignStatus status = CampaignStatus::Running;
  std::string reason;  // why it paused or failed
  // While running outside its maintenance windows: when the next one opens
  // (ISO 8601 UTC); empty otherwise.
  std::string waiting_until;
  std::string created;
  std::string finished;
  CampaignOptions options;
  std::vector<DeviceRecord> devices;  // in wave order

  std::string iri() const;  // https://tinykg.dev/deployments/{id}
  size_t wave_count() const;
  size_t count(DeviceStatus status) const;
  // The summary document of the REST API (contracts.md §3).
  nlohmann::json summary(bool with_devices = true) const;
};

// Wave index of each position for `total` devices (canary, then growing).
std::vector<size_t> plan_waves(size_t total, size_t canary, double growth);

std::string campaign_iri(const std::string& id);
std::string now_iso8601();
std::string new_campaign_id();

}  // namespace tinykg::deploy
