// W3C WoT Thing Descriptions in and out of the knowledge graph.
//
//   TD text --validate_td_text--> document --td_to_graph--> TD triples (JSON-LD
//   toRdf, bundled contexts) + capability graph (capabilities.h) --import_td-->
//   store;   store --export_td--> compact TD 1.1 JSON-LD that validates.
//
// Relative IRIs inside a TD (security scheme names as map keys, form-level
// security) resolve against "<id>/", so every node a TD names lies below the
// device IRI and KnowledgeGraph::delete_device removes it with the device.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "kg/knowledge_graph.h"
#include "kg/td/validation.h"
#include "rdf/term.h"

namespace tinykg::kg::td {

inline constexpr std::string_view kTdContext = "https://www.w3.org/2022/wot/td/v1.1";

struct TdGraph {
  std::string device;            // the TD's id (or the one assigned)
  std::vector<rdf::Quad> quads;  // default graph
};

// The graph of a valid TD. A TD without "id" gets `assigned_id` (callers
// pass e.g. a fresh urn:uuid); without either it fails.
Result<TdGraph> td_to_graph(const nlohmann::json& td, const std::string& assigned_id = {});

struct TdImport {
  std::string device;
  bool replaced = false;  // a previous description of the device was removed
  LoadReport report;
};

// Validates, converts and stores a TD, replacing any previous description of
// the same device. Invalid input stores nothing; the failure message is the
// validation summary (pointer and sentence per problem).
Result<TdImport> import_td(KnowledgeGraph& graph, std::string_view text,
                           const std::string& assigned_id = {});
// The same for a document that validate_td() accepted.
Result<TdImport> import_td_document(KnowledgeGraph& graph, const nlohmann::json& td,
                                    const std::string& assigned_id = {});

// The quads of a stored device: its own and those of the nodes it owns
// (blank nodes and IRIs below "<iri>/"), reached from it.
Result<std::vector<rdf::Quad>> device_quads(const KnowledgeGraph& graph, const std::string& iri);

// A compact TD 1.1 document for the device described by `quads`. Devices
// stored from Turtle get a title and a nosec security definition when they
// lack them, so the result always validates.
Result<nlohmann::json> quads_to_td(const std::vector<rdf::Quad>& quads, const std::string& device);
Result<nlohmann::json> export_td(const KnowledgeGraph& graph, const std::string& device);

// A fresh "urn:uuid:…" (random, RFC 9562 version 4) for anonymous TDs.
std::string fresh_thing_id();

}  // namespace tinykg::kg::td
