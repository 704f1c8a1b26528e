// Reads ModelRequirements / DeviceCapabilities out of the graph with the
// template queries of match/query_templates.h: a handful of queries per
// call, whether the scope is one board or the whole fleet (never one query
// per board), combined here into one description per board or model.
//
// Rules applied while combining:
//  - a board's sensor kinds are the classes of its sub-systems except
//    generic ones and except parts typed s3n:MicroController (the MCU);
//  - a figure stated twice: the board keeps the smaller RAM/Flash, the model
//    the larger need (the cautious reading of conflicting facts);
//  - a stated figure that cannot be read stays NotUnderstood with the reason.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "match/descriptions.h"
#include "match/query_templates.h"
#include "match/sparql_source.h"

namespace tinykg::match {

// Every board of the graph (scope.all()) or the one board scope.iri, sorted by IRI.
// One board that is not an s3n:SmartSensor is an error.
Result<std::vector<DeviceCapabilities>> read_devices(const SparqlSource& source,
                                                     const templates::Scope& scope = {});
// Every model (or one), sorted by IRI, with requirements and task facts.
// `with_operators` adds the layer operator kinds (three more queries).
Result<std::vector<ModelEntry>> read_models(const SparqlSource& source,
                                            const templates::Scope& scope = {},
                                            bool with_operators = true);

// The IRI of the model a user means: its IRI, its identifier (UUID) or its
// name (schema:name). Errors name the id and what was tried; a name shared by
// several models is an error that lists their identifiers.
Result<std::string> resolve_model(const SparqlSource& source, std::string_view id);
// The same rules over models already read (a loaded zoo).
Result<std::string> resolve_model(const std::vector<ModelEntry>& zoo, std::string_view id);

// The entry with exactly this IRI, by binary search in a list sorted by IRI
// (as read_models and read_devices return them); null if there is none.
const ModelEntry* find_model_iri(const std::vector<ModelEntry>& zoo, std::string_view iri);
const DeviceCapabilities* find_device_iri(const std::vector<DeviceCapabilities>& fleet,
                                          std::string_view iri);

// The IRI of the board a user means: its IRI, its td:title, or the tail of
// its IRI after a '/', '-' or '#' ("arduino_nano_ble_33-322-000-000-002",
// "000-002" and "002" all name board …-322-000-000-002 of the reference
// graph, "7" names http://example.org/fleet/device/7). An ambiguous tail
// is an error that lists the candidates.
Result<std::string> resolve_device(const SparqlSource& source, std::string_view id);
// The same rules over boards already read (a loaded fleet, sorted by IRI):
// no query, so a tail costs microseconds instead of a scan of every IRI.
Result<std::string> resolve_device(const std::vector<DeviceCapabilities>& fleet,
                                   std::string_view id);

}  // namespace tinykg::match
