// DESCRIBE (SPARQL 1.1 section 16.4): the standard leaves the description to
// the service; tinykg answers the Concise Bounded Description of each
// resource: every triple with the resource as subject, and, recursively, the
// triples of the blank nodes those triples point to, so a description can
// be read on its own (blank nodes cannot be asked for by name later).
#pragma once

#include <vector>

#include "rdf/term.h"
#include "store/ids.h"
#include "store/store.h"

namespace tinykg::sparql {

// Which graphs the descriptions read: the query's default graph.
struct DescribeScope {
  std::vector<store::Id> graphs;  // empty: store::kDefaultGraph
  bool all_graphs = false;        // the default graph is the union of all graphs
  bool empty = false;             // FROM named only graphs the store does not hold
};

// Triples in the default graph (Quad::graph is the empty IRI), each once, in
// the order found; resources the store does not know describe as nothing.
std::vector<rdf::Quad> describe_resources(const store::ReadTxn& txn,
                                          const std::vector<rdf::Term>& resources,
                                          const DescribeScope& scope);

}  // namespace tinykg::sparql
