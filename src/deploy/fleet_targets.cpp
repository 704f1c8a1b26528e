#include "deploy/fleet_targets.h"

#include <fmt/format.h>

#include "deploy/artifact.h"
#include "deploy/campaign_record.h"
#include "kg/vocabulary.h"
#include "match/fit.h"
#include "match/graph_reader.h"
#include "match/matcher.h"
#include "match/sparql_source.h"

namespace tinykg::deploy {

Result<std::map<std::string, DeployForm>> deploy_targets(kg::KnowledgeGraph& graph) {
  auto table = graph.query(fmt::format(
      "SELECT ?dev ?href ?type WHERE {{ ?dev <{0}hasActionAffordance> ?a . ?a <{0}name> ?n ; "
      "<{0}hasForm> ?f . ?f <{1}hasTarget> ?href . OPTIONAL {{ ?f <{1}forContentType> ?type }} "
      "FILTER(STR(?n) = \"deploy\") }}",
      kg::vocab::kTd, kg::vocab::kHctl));
  if (!table) return fail("cannot read deploy targets: {}", table.error());
  std::map<std::string, DeployForm> targets;
  for (const auto& row : table->rows) {
    if (!row[0] || !row[1]) continue;
    targets.emplace(row[0]->value,
                    DeployForm{row[1]->value, row[2] ? row[2]->value
                                                     : std::string(kTdDefaultContentType)});
  }
  return targets;
}

Result<ModelRef> resolve_model(kg::KnowledgeGraph& graph, std::string_view id) {
  match::StoreSource source(graph.store());
  match::Matcher matcher(source);
  auto entry = matcher.model(id);
  if (!entry) return entry.failure();
  const match::ModelRequirements& r = entry->requirements;
  return ModelRef{r.iri, r.label(), r};
}

Result<std::vector<std::string>> resolve_devices(kg::KnowledgeGraph& graph,
                                                 const std::vector<std::string>& ids) {
  match::StoreSource source(graph.store());
  auto fleet = match::read_devices(source);
  if (!fleet) return fleet.failure();
  std::vector<std::string> iris;
  for (const std::string& id : ids) {
    auto iri = match::resolve_device(*fleet, id);
    if (!iri) return iri.failure();
    iris.push_back(std::move(iri).value());
  }
  return iris;
}

Result<std::vector<std::string>> fitting_devices(kg::KnowledgeGraph& graph,
                                                 const ModelRef& model) {
  auto targets = deploy_targets(graph);
  if (!targets) return targets.failure();
  match::StoreSource source(graph.store());
  match::Matcher matcher(source);
  auto matches = matcher.devices_for(model.requirements);
  if (!matches) return matches.failure();
  std::vector<std::string> iris;
  for (const match::DeviceMatch& m : *matches) {
    if (targets->count(m.device->iri)) iris.push_back(m.device->iri);
  }
  return iris;
}

std::string fit_refusal(kg::KnowledgeGraph& graph, const match::ModelRequirements& model,
                        const std::string& device_iri) {
  match::StoreSource source(graph.store());
  match::Matcher matcher(source);
  auto device = matcher.device(device_iri);
  if (!device) return device.error();
  match::FitResult fit = match::evaluate(model, *device);
  if (fit.verdict == match::FitVerdict::Fits) return "";
  if (fit.verdict == match::FitVerdict::Unknown) return "fit unknown: " + fit.summary();
  return fit.summary();
}

Result<std::map<std::string, RunningModel>> running_models(kg::KnowledgeGraph& graph) {
  auto table = graph.query(fmt::format(
      "SELECT ?dev ?m ?h WHERE {{ GRAPH <{0}> {{ ?dev <{1}runsModel> ?m ; <{1}runsSha256> ?h }} }}",
      kFleetStateGraph, deploy::kTkg));
  if (!table) return fail("cannot read running models: {}", table.error());
  std::map<std::string, RunningModel> running;
  for (const auto& row : table->rows) {
    if (row[0] && row[1] && row[2]) running[row[0]->value] = {row[1]->value, row[2]->value};
  }
  return running;
}

}  // namespace tinykg::deploy
