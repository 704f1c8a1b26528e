// The named graphs a query or update reads, so that RemoteStore can send
// them as the request's dataset. Why it must: tinykg's default graph is a
// named graph of the store (remote_config.h), sent as default-graph-uri
// (using-graph-uri for updates), and by the SPARQL 1.1 Protocol a request
// that gives a default graph but no named-graph-uri has no named graphs at
// all. Virtuoso 7 applies this to GRAPH <iri> (no rows; COUNT then answers 1
// and ASK true) but not to GRAPH ?g (every graph of the store), and without
// using-named-graph-uri a DELETE WHERE { GRAPH <iri> {…} } deletes nothing.
#pragma once

#include <set>
#include <string>

#include "sparql/parser/parsed_query.h"
#include "sparql/parser/parsed_update.h"

namespace tinykg::kg::remote {

struct NamedGraphs {
  std::set<std::string> iris;  // every GRAPH <iri>
  bool variable = false;       // a GRAPH ?g somewhere: it may range over any named graph
  bool any() const { return variable || !iris.empty(); }
};

// GRAPH patterns anywhere in WHERE: nested groups, OPTIONAL, UNION, MINUS,
// subqueries and FILTER (NOT) EXISTS.
NamedGraphs named_graphs_of(const sparql::ParsedQuery& query);
// The same for the WHERE of every operation, and the pattern of DELETE WHERE.
NamedGraphs named_graphs_of(const sparql::ParsedUpdate& update);

}  // namespace tinykg::kg::remote
