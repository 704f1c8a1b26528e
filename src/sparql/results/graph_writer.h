// Writers for graph results (CONSTRUCT, DESCRIBE): Turtle or N-Triples via
// libserd, JSON-LD in expanded form (rdf/jsonld/from_rdf.h).
// Kept apart from writers.h so that table-only callers need no serd types.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rdf/term.h"

namespace tinykg::sparql {

enum class GraphFormat { Turtle, NTriples, JsonLd };

// "turtle", "ntriples", "jsonld"; nullopt for anything else.
std::optional<GraphFormat> graph_format_from_name(std::string_view name);
// The media type a graph is served as over HTTP.
std::string_view graph_media_type(GraphFormat format);

void write_graph(std::ostream& out, const std::vector<rdf::Quad>& graph, GraphFormat format,
                 const std::vector<std::pair<std::string, std::string>>& prefixes = {});

}  // namespace tinykg::sparql
