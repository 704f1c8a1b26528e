// Property paths (SPARQL 1.1 section 9) as parsed: a small tree. The
// translation rewrites links, inverses, sequences and alternatives into
// triple patterns and unions (section 18.2.2.4); what remains (* + ? and
// negated property sets) is evaluated by exec/path_scan.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tinykg::sparql {

struct PropertyPath {
  enum class Kind { Link, Inverse, Sequence, Alternative, ZeroOrMore, OneOrMore, ZeroOrOne, Negated };
  Kind kind = Kind::Link;
  std::string iri;                                   // Link
  std::vector<PropertyPath> args;                    // operands
  std::vector<std::pair<std::string, bool>> negated;  // Negated: (iri, is inverse)

  std::string to_string() const;
};

}  // namespace tinykg::sparql
