// JSON-LD 1.1 processor: expansion and deserialization to RDF (toRdf) after
// the W3C JSON-LD 1.1 Processing Algorithms and API. Used to read W3C WoT
// Thing Descriptions into the graph.
//
//   auto quads = rdf::jsonld_to_rdf(text, {.base = "http://example.org/td"});
//
// Failures carry the JSON-LD error code first ("invalid @id value: … at
// /properties/temp/@id"); jsonld_error_code() extracts it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "rdf/jsonld/document_loader.h"
#include "rdf/term.h"

namespace tinykg::rdf {

// How toRdf represents a base direction (@direction) on a string.
enum class RdfDirection {
  None,             // drop the direction (the default)
  I18nDatatype,     // datatype https://www.w3.org/ns/i18n#{lang}_{dir}
  CompoundLiteral,  // a blank node with rdf:value / rdf:language / rdf:direction
};

struct JsonLdOptions {
  // Base IRI of the document (usually its URL); relative IRIs resolve to it.
  std::string base;
  // Null: BundledContextLoader::instance() (bundled contexts, no network).
  DocumentLoader* loader = nullptr;
  // Emit triples with blank-node predicates (not RDF, hence off).
  bool produce_generalized_rdf = false;
  // "json-ld-1.1" or "json-ld-1.0" (1.0 rejects 1.1-only features).
  std::string processing_mode = "json-ld-1.1";
  // A context applied before the document's own (the API's expandContext).
  nlohmann::json expand_context;
  RdfDirection rdf_direction = RdfDirection::None;
  // Prefix of the generated blank node labels ("b0", "b1", … follow it).
  // Empty: a fresh random prefix per call, so that blank nodes of different
  // documents never merge in the store (as the Turtle readers do).
  std::string blank_prefix;
};

// Expanded form of a JSON-LD document (always an array of node objects).
Result<nlohmann::json> jsonld_expand(std::string_view json_text, const JsonLdOptions& opts);
// The same for an already parsed document.
Result<nlohmann::json> jsonld_expand_document(const nlohmann::json& document,
                                              const JsonLdOptions& opts);

// The RDF dataset of a JSON-LD document; duplicates removed, order stable.
Result<std::vector<Quad>> jsonld_to_rdf(std::string_view json_text, const JsonLdOptions& opts);
Result<std::vector<Quad>> jsonld_document_to_rdf(const nlohmann::json& document,
                                                 const JsonLdOptions& opts);

// The JSON-LD error code at the start of a failure message from this module
// ("invalid @id value"), or the whole message if it has no code.
std::string_view jsonld_error_code(std::string_view message);

}  // namespace tinykg::rdf
