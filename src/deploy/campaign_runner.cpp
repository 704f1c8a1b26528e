#include "deploy/campaign_runner.h"

#include <algorithm>
#include <cmath>
#include <random>

#include <fmt/format.h>

#include "deploy/campaign_record.h"
#include "deploy/fleet_targets.h"

namespace tinykg::deploy {

CampaignRunner::CampaignRunner(kg::KnowledgeGraph& graph, Campaign campaign,
                               std::map<std::string, Payload> payloads, bool resumed,
                               std::shared_ptr<const Clock> clock)
    : graph_(graph), campaign_(std::move(campaign)), payloads_(std::move(payloads)),
      resumed_(resumed), clock_(std::move(clock)),
      windows_(WindowSchedule::parse(campaign_.options.windows).value_or_throw()) {}

CampaignRunner::~CampaignRunner() {
  Stop none = Stop::None;
  stop_.compare_exchange_strong(none, Stop::Interrupt);
  stop_cv_.notify_all();
  join();
}

void CampaignRunner::start() {
  done_ = false;
  thread_ = std::thread([this] { run(); });
}

void CampaignRunner::join() {
  if (thread_.joinable()) thread_.join();
}

Campaign CampaignRunner::snapshot() const {
  std::lock_guard lock(mutex_);
  return campaign_;
}

uint64_t CampaignRunner::version() const {
  std::lock_guard lock(mutex_);
  return version_;
}

uint64_t CampaignRunner::wait_change(uint64_t version, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_cv_.wait_for(lock, timeout, [&] { return version_ != version; });
  return version_;
}

void CampaignRunner::changed(size_t position) {
  dirty_.push_back(position);
  ++version_;
  changed_cv_.notify_all();
}

void CampaignRunner::pause() {
  Stop none = Stop::None;
  stop_.compare_exchange_strong(none, Stop::Pause);
  stop_cv_.notify_all();
}

void CampaignRunner::cancel() {
  if (active()) {
    Stop s = stop_.load();
    while ((s == Stop::None || s == Stop::Pause) && !stop_.compare_exchange_weak(s, Stop::Cancel)) {
    }
    stop_cv_.notify_all();
    return;
  }
  join();
  {
    std::lock_guard lock(mutex_);
    if (campaign_.status != CampaignStatus::Running && campaign_.status != CampaignStatus::Paused) {
      return;
    }
    campaign_.status = CampaignStatus::Cancelled;
    campaign_.finished = now_iso8601();
    header_dirty_ = true;
    ++version_;
    changed_cv_.notify_all();
  }
  flush();
}

void CampaignRunner::resume() {
  if (active()) {
    Stop pause = Stop::Pause;
    stop_.compare_exchange_strong(pause, Stop::None);  // a pause not yet taken effect
    return;
  }
  join();
  {
    std::lock_guard lock(mutex_);
    if (campaign_.status == CampaignStatus::Cancelled ||
        campaign_.status == CampaignStatus::Completed) {
      return;
    }
  }
  stop_ = Stop::None;
  start();
}

void CampaignRunner::retry_failed() {
  {
    std::lock_guard lock(mutex_);
    if (campaign_.status == CampaignStatus::Cancelled) return;
    for (size_t i = 0; i < campaign_.devices.size(); ++i) {
      if (campaign_.devices[i].status != DeviceStatus::Failed) continue;
      campaign_.devices[i].status = DeviceStatus::Pending;
      campaign_.devices[i].finished.clear();
      changed(i);
    }
    // A campaign stopped by its error threshold may go on once the failures are retried.
    if (campaign_.status == CampaignStatus::Failed || campaign_.status == CampaignStatus::Completed) {
      campaign_.status = CampaignStatus::Paused;
      campaign_.finished.clear();
    }
  }
  resume();
}

std::chrono::milliseconds CampaignRunner::backoff(int attempt) {
  thread_local std::mt19937 rng{std::random_device{}()};
  const auto& o = campaign_.options;
  double base = double(o.backoff_ms) * std::pow(2.0, std::max(attempt - 1, 0));
  base = std::min(base, double(o.backoff_max_ms));
  // ±50 % jitter spreads the retries of a wave that failed together.
  std::uniform_real_distribution<double> jitter(0.5, 1.5);
  return std::chrono::milliseconds(static_cast<int64_t>(base * jitter(rng)));
}

void CampaignRunner::check_failure_threshold() {
  const auto& o = campaign_.options;
  const size_t failed = campaign_.count(DeviceStatus::Failed);
  const size_t total = campaign_.devices.size();
  std::string why;
  if (o.max_failures && failed > *o.max_failures) {
    why = fmt::format("{} devices failed, more than the {} allowed", failed, *o.max_failures);
  } else if (o.max_failure_rate && double(failed) > *o.max_failure_rate * double(total)) {
    why = fmt::format("{} of {} devices failed, more than {:.0f} % allowed", failed, total,
                      *o.max_failure_rate * 100);
  }
  if (why.empty()) return;
  Stop s = stop_.load();
  while ((s == Stop::None || s == Stop::Pause) && !stop_.compare_exchange_weak(s, Stop::Fail)) {
  }
  if (stop_.load() == Stop::Fail && campaign_.reason.empty()) campaign_.reason = why;
  stop_cv_.notify_all();
}

bool CampaignRunner::wait_for_window() {
  if (windows_.empty()) return !stopping();
  std::unique_lock lock(mutex_);
  for (;;) {
    if (stopping()) return false;
    const auto now = clock_->now();
    const auto opens = windows_.next_open(now);
    const std::string until = opens == now ? "" : iso8601(opens);
    if (campaign_.waiting_until != until) {
      campaign_.waiting_until = until;
      header_dirty_ = true;
      ++version_;
      changed_cv_.notify_all();
    }
    if (until.empty()) return true;
    // The clock may be a test's, far from real time: look again soon.
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(opens - now);
    stop_cv_.wait_for(lock, std::min(left, kWindowPoll), [&] { return stopping(); });
  }
}

void CampaignRunner::deliver_to(size_t position) {
  // Outside the windows the fit check waits too, so it is fresh when the send starts.
  if (!wait_for_window()) return;
  DeviceRecord d;
  {
    std::lock_guard lock(mutex_);
    d = campaign_.devices[position];
  }
  auto finish = [&](DeviceStatus status, std::string error) {
    std::lock_guard lock(mutex_);
    DeviceRecord& r = campaign_.devices[position];
    r.status = status;
    r.error = std::move(error);
    r.finished = now_iso8601();
    changed(position);
    if (status == DeviceStatus::Failed) check_failure_threshold();
  };
  auto payload = payloads_.find(d.sha256);
  if (payload == payloads_.end()) return finish(DeviceStatus::Refused, "artifact not available");
  if (campaign_.options.check_fit) {
    std::string refusal = fit_refusal(graph_, payload->second.requirements, d.iri);
    if (!refusal.empty()) return finish(DeviceStatus::Refused, refusal);
  }
  if (d.href.empty()) {
    return finish(DeviceStatus::Refused,
                  "the device has no deploy action (TD actions.deploy form) in the graph");
  }
  Transport* transport = transports_.for_href(d.href);
  if (!transport) {
    return finish(DeviceStatus::Refused,
                  fmt::format("no transport for deploy target {} (http:// and mqtt:// are supported)",
                              d.href));
  }
  const auto timeout = std::chrono::milliseconds(campaign_.options.timeout_ms);
  const auto& ram = payload->second.requirements.ram;
  Delivery delivery{d.href, d.content_type, d.model_iri, d.sha256, payload->second.bytes,
                    ram.state == match::MemoryFigure::State::Value
                        ? static_cast<uint64_t>(std::ceil(ram.kilobytes * 1000))
                        : 0,
                    timeout};
  if (std::string why = transport->refusal(delivery); !why.empty()) {
    return finish(DeviceStatus::Refused, why);
  }
  if (resumed_ || d.attempts > 0) {
    // An earlier attempt may have installed the model without our record saying so.
    if (transport->running_hash(d.href, timeout) == d.sha256) {
      return finish(DeviceStatus::Confirmed, "");
    }
  }
  auto last = DeliveryOutcome::Kind::Confirmed;
  for (int tries = 1;; ++tries) {
    // An attempt without an answer may still have installed the model (the
    // answer was lost or late): ask before sending it a second time.
    if (last == DeliveryOutcome::Kind::Unreachable &&
        transport->running_hash(d.href, timeout) == d.sha256) {
      return finish(DeviceStatus::Confirmed, "");
    }
    // A retry is a new transfer: it too waits for a window.
    if (!wait_for_window()) {
      std::lock_guard lock(mutex_);
      campaign_.devices[position].status = DeviceStatus::Pending;
      changed(position);
      return;
    }
    {
      std::lock_guard lock(mutex_);
      DeviceRecord& r = campaign_.devices[position];
      r.status = DeviceStatus::Sending;
      ++r.attempts;
      if (r.started.empty()) r.started = now_iso8601();
      changed(position);
    }
    DeliveryOutcome outcome = transport->deliver(delivery);
    last = outcome.kind;
    if (outcome.kind == DeliveryOutcome::Kind::Confirmed) return finish(DeviceStatus::Confirmed, "");
    if (tries > campaign_.options.retries) return finish(DeviceStatus::Failed, outcome.error);
    std::unique_lock lock(mutex_);
    campaign_.devices[position].error = outcome.error;
    stop_cv_.wait_for(lock, backoff(tries), [&] { return stopping(); });
    if (stopping()) {
      campaign_.devices[position].status = DeviceStatus::Pending;
      changed(position);
      return;
    }
  }
}

void CampaignRunner::run_wave(const std::vector<size_t>& positions) {
  std::atomic<size_t> next{0};
  const size_t workers = std::clamp<size_t>(campaign_.options.concurrency, 1, positions.size());
  std::vector<std::thread> pool;
  for (size_t w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < positions.size() && !stopping(); i = next++) {
        deliver_to(positions[i]);
      }
    });
  }
  for (std::thread& t : pool) t.join();
}

void CampaignRunner::run() {
  {
    std::lock_guard lock(mutex_);
    campaign_.status = CampaignStatus::Running;
    campaign_.reason.clear();
    campaign_.waiting_until.clear();
    flusher_quit_ = false;
    header_dirty_ = true;
    ++version_;
    changed_cv_.notify_all();
  }
  flusher_thread_ = std::thread([this] { flusher(); });
  const size_t waves = campaign_.wave_count();
  for (size_t w = 0; w < waves && !stopping(); ++w) {
    std::vector<size_t> positions;
    {
      std::lock_guard lock(mutex_);
      for (size_t i = 0; i < campaign_.devices.size(); ++i) {
        const DeviceRecord& d = campaign_.devices[i];
        if (d.wave == w && !finished(d.status)) positions.push_back(i);
      }
    }
    if (positions.empty()) continue;
    run_wave(positions);
    if (stopping() || w + 1 == waves || campaign_.options.wave_success <= 0) continue;
    std::lock_guard lock(mutex_);
    size_t size = 0, confirmed = 0, refused = 0;
    for (const DeviceRecord& d : campaign_.devices) {
      if (d.wave != w) continue;
      ++size;
      confirmed += d.status == DeviceStatus::Confirmed;
      refused += d.status == DeviceStatus::Refused;
    }
    const size_t judged = size - refused;
    if (judged > 0 && double(confirmed) < campaign_.options.wave_success * double(judged)) {
      stop_ = Stop::Pause;
      campaign_.reason = fmt::format(
          "wave {} confirmed {} of {} devices, below the {:.0f} % needed to go on; "
          "resume to continue", w, confirmed, judged, campaign_.options.wave_success * 100);
    }
  }
  {
    std::lock_guard lock(mutex_);
    switch (stop_.load()) {
      case Stop::None: {
        bool all = std::all_of(campaign_.devices.begin(), campaign_.devices.end(),
                               [](const DeviceRecord& d) { return finished(d.status); });
        campaign_.status = all ? CampaignStatus::Completed : CampaignStatus::Paused;
        if (all) campaign_.finished = now_iso8601();
        break;
      }
      case Stop::Pause: campaign_.status = CampaignStatus::Paused; break;
      case Stop::Cancel:
        campaign_.status = CampaignStatus::Cancelled;
        campaign_.finished = now_iso8601();
        break;
      case Stop::Fail:
        campaign_.status = CampaignStatus::Failed;
        campaign_.finished = now_iso8601();
        break;
      case Stop::Interrupt: break;  // stays "running" in the graph: resumed on next start
    }
    campaign_.waiting_until.clear();  // nothing waits once the run has ended
    header_dirty_ = true;
    flusher_quit_ = true;
  }
  stop_cv_.notify_all();
  flusher_thread_.join();
  flush();
  std::lock_guard lock(mutex_);
  done_ = true;
  ++version_;
  changed_cv_.notify_all();
}

void CampaignRunner::flusher() {
  for (;;) {
    bool quit;
    {
      std::unique_lock lock(mutex_);
      stop_cv_.wait_for(lock, kFlushInterval, [&] { return flusher_quit_; });
      quit = flusher_quit_;
    }
    if (quit) return;
    flush();
  }
}

void CampaignRunner::flush() {
  std::lock_guard flushing(flush_mutex_);
  Campaign copy;
  std::vector<size_t> positions;
  {
    std::lock_guard lock(mutex_);
    if (dirty_.empty() && !header_dirty_) return;
    positions.swap(dirty_);
    header_dirty_ = false;
    copy = campaign_;
  }
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  if (!save_progress(graph_, copy, positions)) {
    // Keep them for the next flush: the graph must catch up eventually.
    std::lock_guard lock(mutex_);
    dirty_.insert(dirty_.end(), positions.begin(), positions.end());
    header_dirty_ = true;
  }
}

}  // namespace tinykg::deploy
