// Executes one campaign: waves in order, up to `concurrency` devices at a
// time within a wave, each device re-checked for fit, then sent with retries
// (exponential backoff with jitter) until it confirms or runs out of tries.
//
// Progress is written to the graph in groups (one transaction every
// kFlushInterval, and at every wave end and stop), because one commit per
// device state would make the store's fsyncs the bottleneck. A device whose
// confirmation was not yet written when the process died is asked for its
// running hash before anything is sent again (Transport::running_hash), so
// it never receives the same model twice.
//
// Maintenance windows: every attempt first waits until a window is open
// (wait_for_window), so a transfer in flight when a window closes finishes
// and nothing new starts until the next one opens. Waiting polls the
// injected clock every kWindowPoll, so a test's clock can jump hours ahead.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "deploy/campaign.h"
#include "deploy/clock.h"
#include "deploy/maintenance_window.h"
#include "deploy/transport.h"
#include "kg/knowledge_graph.h"
#include "match/descriptions.h"

namespace tinykg::deploy {

// What a runner needs per model it sends: the bytes and what a fit needs.
struct Payload {
  std::string bytes;
  match::ModelRequirements requirements;
};

class CampaignRunner {
 public:
  static constexpr std::chrono::milliseconds kFlushInterval{100};
  static constexpr std::chrono::milliseconds kWindowPoll{200};

  // `payloads` by sha256. `resumed`: the campaign ran before in another
  // process, so unfinished devices are asked for their running hash first.
  // The campaign's windows must parse (check_options).
  CampaignRunner(kg::KnowledgeGraph& graph, Campaign campaign, std::map<std::string, Payload> payloads,
                 bool resumed, std::shared_ptr<const Clock> clock);
  ~CampaignRunner();  // interrupts (the stored status stays "running") and joins
  CampaignRunner(const CampaignRunner&) = delete;
  CampaignRunner& operator=(const CampaignRunner&) = delete;

  void start();
  // Pause: devices in flight finish their current attempt, nothing new starts.
  void pause();
  void cancel();
  // Failed devices go back to pending; a stopped campaign runs again.
  void retry_failed();
  void resume();

  Campaign snapshot() const;
  bool active() const { return thread_.joinable() && !done_; }
  // Blocks until the campaign changes after `version` (or `timeout`); returns the new version.
  uint64_t wait_change(uint64_t version, std::chrono::milliseconds timeout) const;
  uint64_t version() const;
  // Blocks until the run ends (completed, failed, cancelled, paused or interrupted).
  void join();

 private:
  enum class Stop { None, Pause, Cancel, Fail, Interrupt };
  void run();
  void run_wave(const std::vector<size_t>& positions);
  void deliver_to(size_t position);
  // Blocks until a maintenance window is open (true) or the run stops (false).
  bool wait_for_window();
  bool stopping() const { return stop_.load() != Stop::None; }
  void changed(size_t position);  // marks dirty, bumps version, wakes waiters (lock held)
  void flush();
  void flusher();
  void check_failure_threshold();  // lock held
  std::chrono::milliseconds backoff(int attempt);

  kg::KnowledgeGraph& graph_;
  Campaign campaign_;
  std::map<std::string, Payload> payloads_;
  bool resumed_;
  std::shared_ptr<const Clock> clock_;
  WindowSchedule windows_;
  TransportSet transports_;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_cv_;
  uint64_t version_ = 0;
  std::vector<size_t> dirty_;
  bool header_dirty_ = false;
  std::atomic<Stop> stop_{Stop::None};
  std::atomic<bool> done_{false};
  std::thread thread_;
  std::thread flusher_thread_;
  std::mutex flush_mutex_;  // one graph write at a time
  std::condition_variable stop_cv_;  // wakes backoff sleeps and the flusher
  bool flusher_quit_ = false;
};

}  // namespace tinykg::deploy
