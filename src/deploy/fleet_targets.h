// Which devices a campaign goes to, where to send, and whether the model
// still fits right before sending. Everything is read from the graph: device
// deploy targets from the TD action affordance "deploy" (contracts.md §1),
// fit from the match engine (src/match/Matcher over a StoreSource).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "kg/knowledge_graph.h"
#include "match/descriptions.h"

namespace tinykg::deploy {

// The TD form of a device's "deploy" action: where to send and in which media type.
struct DeployForm {
  std::string href;
  // The form's contentType; a form without one gets the TD default, application/json.
  std::string content_type;
};
inline constexpr std::string_view kTdDefaultContentType = "application/json";

// device IRI -> deploy form, for every device that has one.
Result<std::map<std::string, DeployForm>> deploy_targets(kg::KnowledgeGraph& graph);

struct ModelRef {
  std::string iri;
  std::string name;
  match::ModelRequirements requirements;
};

// The model a user means (IRI, identifier or name), with what a fit needs.
Result<ModelRef> resolve_model(kg::KnowledgeGraph& graph, std::string_view id);

// Device IRIs for the users' ids (IRI, td:title or IRI tail; see match/graph_reader.h).
Result<std::vector<std::string>> resolve_devices(kg::KnowledgeGraph& graph,
                                                 const std::vector<std::string>& ids);

// Every device the model fits (match engine verdict "fits") that has a deploy target.
Result<std::vector<std::string>> fitting_devices(kg::KnowledgeGraph& graph,
                                                 const ModelRef& model);

// Empty when the model fits the device as the graph describes it now;
// otherwise why not ("needs 116.5 kB RAM, board has 96 kB", "fit unknown: …").
std::string fit_refusal(kg::KnowledgeGraph& graph, const match::ModelRequirements& model,
                        const std::string& device_iri);

// What each device runs now, from the tkg:runsModel records: device -> (model IRI, sha256).
struct RunningModel {
  std::string model_iri;
  std::string sha256;
};
Result<std::map<std::string, RunningModel>> running_models(kg::KnowledgeGraph& graph);

}  // namespace tinykg::deploy
