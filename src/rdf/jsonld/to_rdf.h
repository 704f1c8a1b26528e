// From expanded JSON-LD to RDF: Node Map Generation (JSON-LD 1.1 API,
// section 7.2) and Deserialize JSON-LD to RDF (section 8.1).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rdf/jsonld/context.h"
#include "rdf/term.h"

namespace tinykg::rdf::jsonld {

// Issues fresh blank node identifiers ("_:" + prefix + "b" + n), mapping each
// input identifier to one new identifier (the spec's identifier issuer).
class BlankNodeIssuer {
 public:
  explicit BlankNodeIssuer(std::string prefix) : prefix_(std::move(prefix)) {}
  std::string issue(const std::string& existing = {});

 private:
  std::string prefix_;
  size_t counter_ = 0;
  std::map<std::string, std::string> issued_;
};

// graph name ("@default" or an IRI / blank node) → subject → node object.
json generate_node_map(const json& expanded, BlankNodeIssuer& issuer);

std::vector<Quad> node_map_to_rdf(const json& node_map, BlankNodeIssuer& issuer,
                                  const JsonLdOptions& opts);

// Canonical xsd:double lexical form: 1.1E0, -5.0E-1, 1.0E21.
std::string canonical_double(double v);
// JSON Canonicalization Scheme (RFC 8785) text of a JSON value, used for
// rdf:JSON literals.
std::string canonical_json(const json& v);

}  // namespace tinykg::rdf::jsonld
