// Deployments: the campaigns of one knowledge graph, as the CLI and the
// server use them. Creates campaigns (model + target devices -> records in
// the graph -> a CampaignRunner), and pauses, resumes, cancels, retries and
// rolls them back. A campaign runs in the process that created or resumed
// it; any process can read its state from the graph.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/result.h"
#include "deploy/campaign.h"
#include "deploy/campaign_runner.h"
#include "kg/knowledge_graph.h"

namespace tinykg::deploy {

struct CampaignRequest {
  std::string model;                 // IRI, identifier (UUID) or name
  std::vector<std::string> devices;  // IRIs, titles or IRI tails
  bool fitting = false;              // instead of `devices`: every device the model fits
  std::string model_file;            // optional .tflite to store as the model's artifact
  CampaignOptions options;
};

// One-line message for options out of range (or a maintenance window that
// does not parse); empty when they are fine.
std::string check_options(const CampaignOptions& options);

class Deployments {
 public:
  // `clock` decides when maintenance windows are open (tests pass their own).
  explicit Deployments(kg::KnowledgeGraph& graph,
                       std::shared_ptr<const Clock> clock = system_clock());
  ~Deployments();  // interrupts running campaigns; they stay "running" in the graph

  Result<Campaign> create(const CampaignRequest& request);
  // A new campaign that sends every confirmed device of campaign `id` its previous model.
  Result<Campaign> rollback(const std::string& id, const CampaignOptions& options);

  Result<Campaign> get(const std::string& id);
  Result<std::vector<Campaign>> list();

  Result<Campaign> pause(const std::string& id);
  // Continues a paused campaign, or one stored as running by a process that stopped.
  Result<Campaign> resume(const std::string& id);
  Result<Campaign> cancel(const std::string& id);
  Result<Campaign> retry(const std::string& id);

  // Blocks until the campaign changes after `version` or `timeout` passes; returns the
  // new version. Campaigns not running in this process never change (returns at timeout).
  uint64_t wait_change(const std::string& id, uint64_t version, std::chrono::milliseconds timeout);
  // Whether the campaign is being run by this process right now.
  bool running_here(const std::string& id);
  // Blocks until this process's run of the campaign ends.
  void join(const std::string& id);

 private:
  Result<std::map<std::string, Payload>> payloads_for(const Campaign& campaign);
  // The runner of a campaign, made from its stored state if this process has none.
  Result<CampaignRunner*> runner_for(const std::string& id);
  CampaignRunner* find(const std::string& id);

  kg::KnowledgeGraph& graph_;
  std::shared_ptr<const Clock> clock_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<CampaignRunner>> runners_;
};

}  // namespace tinykg::deploy
