// Reads the RDF/XML data files of the suites (a handful, all in the simple
// striped syntax: node elements with rdf:about / rdf:nodeID, property
// elements with rdf:resource, rdf:datatype, xml:lang or nested nodes).
#pragma once

#include <functional>
#include <string>

#include "common/result.h"
#include "rdf/term.h"

namespace tinykg::sparql::conformance {

Status read_rdfxml_file(const std::string& path, const std::function<void(const rdf::Quad&)>& sink);

}  // namespace tinykg::sparql::conformance
