// Campaigns as RDF in the knowledge graph, so that SPARQL (and `tinykg deploy
// status`) can answer "which devices run model X" and a restarted process can
// resume a campaign. Written only through KnowledgeGraph::update().
//
// Graph <https://tinykg.dev/deployments/{id}> (one named graph per campaign):
//   <campaign> a tkg:DeploymentCampaign ; tkg:kind "deploy" ; tkg:model <m> ;
//       tkg:modelName "…" ; tkg:sha256 "…" ; tkg:sizeBytes n ; tkg:status "running" ;
//       tkg:reason "…" ; tkg:waitingUntil "…"^^xsd:dateTime ;
//       tkg:created "…"^^xsd:dateTime ; tkg:finished "…"^^xsd:dateTime ;
//       tkg:options "{json}" ; tkg:hasDeviceDeployment <campaign/device/i> .
//   <campaign/device/i> a tkg:DeviceDeployment ; tkg:position i ; tkg:device <d> ;
//       tkg:href "…" ; tkg:contentType "…" ; tkg:model <m> ; tkg:sha256 "…" ; tkg:wave w ; tkg:status "confirmed" ;
//       tkg:attempts n ; tkg:error "…" ; tkg:started … ; tkg:finished … ;
//       tkg:previousModel <p> ; tkg:previousSha256 "…" .
// Graph <https://tinykg.dev/fleet-state> (what each device runs, after it confirmed):
//   <d> tkg:runsModel <m> ; tkg:runsSha256 "…" ; tkg:previousModel <p> ; tkg:previousSha256 "…" .
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "deploy/campaign.h"
#include "kg/knowledge_graph.h"

namespace tinykg::deploy {

inline constexpr std::string_view kFleetStateGraph = "https://tinykg.dev/fleet-state";

// The whole campaign (header and every device record), replacing what was stored.
Status save_campaign(kg::KnowledgeGraph& graph, const Campaign& campaign);
// Header (status, reason, waitingUntil, finished) and the records at `positions`, in one
// transaction; confirmed devices also get their tkg:runsModel in the fleet state.
Status save_progress(kg::KnowledgeGraph& graph, const Campaign& campaign,
                     const std::vector<size_t>& positions);

Result<Campaign> load_campaign(kg::KnowledgeGraph& graph, const std::string& id);
// Every campaign's id, oldest first.
Result<std::vector<std::string>> campaign_ids(kg::KnowledgeGraph& graph);

}  // namespace tinykg::deploy
