// Writer for graph results (CONSTRUCT): Turtle or N-Triples via libserd.
// Kept apart from writers.h so that table-only callers need no serd types.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "rdf/serd_io.h"
#include "rdf/term.h"

namespace tinykg::sparql {

void write_graph(std::ostream& out, const std::vector<rdf::Quad>& graph, rdf::Syntax syntax,
                 const std::vector<std::pair<std::string, std::string>>& prefixes = {});

}  // namespace tinykg::sparql
