// CONSTRUCT results as RDF through rdf::RdfWriter (libserd): Turtle or
// N-Triples, with the query's prefixes available to abbreviate Turtle.
#include "sparql/results/graph_writer.h"

namespace tinykg::sparql {

void write_graph(std::ostream& out, const std::vector<rdf::Quad>& graph, rdf::Syntax syntax,
                 const std::vector<std::pair<std::string, std::string>>& prefixes) {
  rdf::RdfWriter writer(out, syntax);
  if (syntax == rdf::Syntax::Turtle || syntax == rdf::Syntax::TriG) {
    for (const auto& [name, iri] : prefixes) writer.add_prefix(name, iri);
  }
  for (const rdf::Quad& q : graph) writer.write(q);
  writer.finish();
}

}  // namespace tinykg::sparql
