// Plain JSON views of RDF nodes for the /api routes, so that app developers
// get {"hasMultiplyAccumulateOps": 336000} instead of RDF terms.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "rdf/term.h"

namespace tinykg::server {

// The local name of an IRI: the part after the last '#' or '/'.
std::string_view local_name(std::string_view iri);

// Numeric and boolean literals become JSON numbers and booleans; IRIs,
// blank nodes and other literals become strings.
nlohmann::json term_json(const rdf::Term& term);

// {"iri": ..., <predicate local name>: value, ...} for the quads of one
// subject; a predicate with several values gets an array (in store order).
nlohmann::json node_json(std::string_view iri, const std::vector<rdf::Quad>& quads);

// The objects of `predicate_iri` among `quads`.
std::vector<rdf::Term> objects_of(const std::vector<rdf::Quad>& quads,
                                  std::string_view predicate_iri);

}  // namespace tinykg::server
