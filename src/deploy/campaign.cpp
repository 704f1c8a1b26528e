#include "deploy/campaign.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace tinykg::deploy {
namespace {

constexpr const char* kCampaignStatus[] = {"running", "paused", "completed", "failed",
                                           "cancelled"};
constexpr const char* kDeviceStatus[] = {"pending", "sending", "confirmed", "failed", "refused"};

}  // namespace

std::string to_string(CampaignStatus status) { return kCampaignStatus[static_cast<int>(status)]; }
std::string to_string(DeviceStatus status) { return kDeviceStatus[static_cast<int>(status)]; }

std::optional<CampaignStatus> campaign_status_from(const std::string& text) {
  for (int i = 0; i < 5; ++i) {
    if (text == kCampaignStatus[i]) return static_cast<CampaignStatus>(i);
  }
  return std::nullopt;
}

std::optional<DeviceStatus> device_status_from(const std::string& text) {
  for (int i = 0; i < 5; ++i) {
    if (text == kDeviceStatus[i]) return static_cast<DeviceStatus>(i);
  }
  return std::nullopt;
}

bool finished(DeviceStatus status) {
  return status == DeviceStatus::Confirmed || status == DeviceStatus::Failed ||
         status == DeviceStatus::Refused;
}

nlohmann::json CampaignOptions::to_json() const {
  nlohmann::json j = {{"canary", canary},         {"wave_growth", wave_growth},
                      {"concurrency", concurrency}, {"wave_success", wave_success},
                      {"retries", retries},       {"timeout_ms", timeout_ms},
                      {"backoff_ms", backoff_ms}, {"backoff_max_ms", backoff_max_ms},
                      {"check_fit", check_fit}};
  if (max_failures) j["max_failures"] = *max_failures;
  if (max_failure_rate) j["max_failure_rate"] = *max_failure_rate;
  if (!windows.empty()) j["windows"] = windows;
  return j;
}

CampaignOptions CampaignOptions::from_json(const nlohmann::json& j) {
  CampaignOptions o;
  o.canary = j.value("canary", o.canary);
  o.wave_growth = j.value("wave_growth", o.wave_growth);
  o.concurrency = j.value("concurrency", o.concurrency);
  o.wave_success = j.value("wave_success", o.wave_success);
  o.retries = j.value("retries", o.retries);
  o.timeout_ms = j.value("timeout_ms", o.timeout_ms);
  o.backoff_ms = j.value("backoff_ms", o.backoff_ms);
  o.backoff_max_ms = j.value("backoff_max_ms", o.backoff_max_ms);
  o.check_fit = j.value("check_fit", o.check_fit);
  if (j.contains("max_failures") && !j["max_failures"].is_null()) {
    o.max_failures = j["max_failures"].get<size_t>();
  }
  if (j.contains("max_failure_rate") && !j["max_failure_rate"].is_null()) {
    o.max_failure_rate = j["max_failure_rate"].get<double>();
  }
  if (j.contains("windows") && j["windows"].is_array()) {
    o.windows = j["windows"].get<std::vector<std::string>>();
  }
  return o;
}

std::string campaign_iri(const std::string& id) { return "https://tinykg.dev/deployments/" + id; }
std::string Campaign::iri() const { return campaign_iri(id); }

size_t Campaign::wave_count() const {
  size_t waves = 0;
  for (const DeviceRecord& d : devices) waves = std::max(waves, d.wave + 1);
  return waves;
}

size_t Campaign::count(DeviceStatus s) const {
  return static_cast<size_t>(std::count_if(devices.begin(), devices.end(),
                                           [s](const DeviceRecord& d) { return d.status == s; }));
}

nlohmann::json Campaign::summary(bool with_devices) const {
  using nlohmann::json;
  const size_t total = devices.size();
  const size_t confirmed = count(DeviceStatus::Confirmed);
  const size_t failed = count(DeviceStatus::Failed);
  const size_t refused = count(DeviceStatus::Refused);
  json waves = json::array();
  for (size_t w = 0; w < wave_count(); ++w) waves.push_back({{"index", w}, {"size", 0},
                                                             {"confirmed", 0}, {"failed", 0}});
  json list = json::array();
  for (const DeviceRecord& d : devices) {
    json& wave = waves[d.wave];
    wave["size"] = wave["size"].get<size_t>() + 1;
    if (d.status == DeviceStatus::Confirmed) wave["confirmed"] = wave["confirmed"].get<size_t>() + 1;
    if (d.status == DeviceStatus::Failed) wave["failed"] = wave["failed"].get<size_t>() + 1;
    if (with_devices) {
      list.push_back({{"iri", d.iri}, {"status", to_string(d.status)}, {"attempts", d.attempts},
                      {"error", d.error.empty() ? json() : json(d.error)}});
    }
  }
  json j = {{"id", id},
            {"kind", kind},
            {"model", model_iri},
            {"model_name", model_name},
            {"sha256", sha256},
            {"size_bytes", size_bytes},
            {"status", to_string(status)},
            {"reason", reason.empty() ? json() : json(reason)},
            {"waiting_until", waiting_until.empty() ? json() : json(waiting_until)},
            {"total", total},
            {"confirmed", confirmed},
            {"failed", failed},
            {"refused", refused},
            {"pending", total - confirmed - failed - refused},
            {"progress", total == 0 ? 1.0 : double(confirmed + failed + refused) / double(total)},
            {"waves", std::move(waves)},
            {"options", options.to_json()},
            {"created", created},
            {"finished", finished.empty() ? json() : json(finished)}};
  if (with_devices) j["devices"] = std::move(list);
  return j;
}

std::vector<size_t> plan_waves(size_t total, size_t canary, double growth) {
  std::vector<size_t> wave_of(total);
  size_t size = std::max<size_t>(canary, 1);
  size_t wave = 0, in_wave = 0;
  for (size_t i = 0; i < total; ++i) {
    if (in_wave == size) {
      ++wave;
      in_wave = 0;
      size = static_cast<size_t>(std::ceil(double(size) * std::max(growth, 1.0)));
    }
    wave_of[i] = wave;
    ++in_wave;
  }
  return wave_of;
}

std::string now_iso8601() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z", fmt::gmtime(std::chrono::system_clock::to_time_t(now)),
                     static_cast<int>(ms.count()));
}

std::string new_campaign_id() {
  // Sortable by creation time, unique enough for one fleet: yyyymmdd-hhmmss-xxxxxx.
  std::random_device rd;
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y%m%d-%H%M%S}-{:06x}", fmt::gmtime(t), rd() & 0xffffff);
}

}  // namespace tinykg::deploy
