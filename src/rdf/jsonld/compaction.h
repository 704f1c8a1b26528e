// From RDF back to JSON-LD for one resource: the parts of "Serialize RDF as
// JSON-LD" (fromRdf, JSON-LD 1.1 API 8.4) and Compaction (6.1, term selection
// 6.2.2) that exporting a document such as a W3C WoT Thing Description needs.
//
//   auto td = rdf::jsonld_compact_node(quads, Term::iri(device), td_context, opts);
//
// The root node becomes one JSON object; the nodes it links to are embedded
// where they are first referenced (blank nodes referenced once lose their
// label). Each value is written under the term of `context` whose definition
// reproduces it exactly (type coercion, language, containers incl.
// property-valued @index maps and language maps); a value no term fits is
// written as a value object under its compact or full IRI. Expanding the
// result with toRdf therefore yields the input quads again (up to blank node
// labels). Lists are not recognised (they stay rdf:first/rest nodes).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "rdf/jsonld/jsonld.h"
#include "rdf/term.h"

namespace tinykg::rdf {

struct CompactOptions {
  JsonLdOptions jsonld;  // base (for index keys that are IRIs), loader
  // Types written with the context's alias of @type ("type") rather than
  // "@type", at most one per node (TD data schemas: "type": "number").
  std::function<bool(std::string_view type_iri)> use_type_alias;
};

// `context` is the value of the result's "@context" (an IRI, object or array).
Result<nlohmann::json> jsonld_compact_node(const std::vector<Quad>& quads, const Term& root,
                                           const nlohmann::json& context,
                                           const CompactOptions& opts);

}  // namespace tinykg::rdf
