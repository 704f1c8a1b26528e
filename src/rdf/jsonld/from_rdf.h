// RDF to JSON-LD in expanded form (JSON-LD 1.1 API, "Serialize RDF as
// JSON-LD", with useNativeTypes and useRdfType false): one node object per
// subject, rdf:type as @type, literals as value objects, named graphs as
// nodes with @graph. Expanded form needs no context, so any JSON-LD
// processor reads it back to the same triples; used for CONSTRUCT and
// DESCRIBE results. Lists stay rdf:first/rdf:rest nodes.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "rdf/term.h"

namespace tinykg::rdf {

nlohmann::json jsonld_from_rdf(const std::vector<Quad>& quads);

}  // namespace tinykg::rdf
