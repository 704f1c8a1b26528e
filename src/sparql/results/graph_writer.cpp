// Graph results as RDF: Turtle or N-Triples through rdf::RdfWriter (libserd),
// with the query's prefixes available to abbreviate Turtle; JSON-LD as the
// expanded document of rdf::jsonld_from_rdf.
#include "sparql/results/graph_writer.h"

#include "rdf/jsonld/from_rdf.h"
#include "rdf/serd_io.h"

namespace tinykg::sparql {

std::optional<GraphFormat> graph_format_from_name(std::string_view name) {
  if (name == "turtle") return GraphFormat::Turtle;
  if (name == "ntriples") return GraphFormat::NTriples;
  if (name == "jsonld") return GraphFormat::JsonLd;
  return std::nullopt;
}

std::string_view graph_media_type(GraphFormat format) {
  switch (format) {
    case GraphFormat::Turtle:
      return "text/turtle";
    case GraphFormat::NTriples:
      return "application/n-triples";
    case GraphFormat::JsonLd:
      return "application/ld+json";
  }
  return "text/turtle";
}

void write_graph(std::ostream& out, const std::vector<rdf::Quad>& graph, GraphFormat format,
                 const std::vector<std::pair<std::string, std::string>>& prefixes) {
  if (format == GraphFormat::JsonLd) {
    out << rdf::jsonld_from_rdf(graph).dump(2) << "\n";
    return;
  }
  rdf::RdfWriter writer(out, format == GraphFormat::Turtle ? rdf::Syntax::Turtle
                                                           : rdf::Syntax::NTriples);
  if (format == GraphFormat::Turtle) {
    for (const auto& [name, iri] : prefixes) writer.add_prefix(name, iri);
  }
  for (const rdf::Quad& q : graph) writer.write(q);
  writer.finish();
}

}  // namespace tinykg::sparql
