// Substitution of solution bindings into a graph pattern: how EXISTS is
// evaluated (SPARQL 1.1 section 18.6, substitute(pattern, μ)). Each bound
// variable becomes the constant term, in triple patterns and expressions
// alike; BOUND(?v) of a substituted variable becomes true.
#pragma once

#include <map>
#include <string>

#include "sparql/parser/parsed_query.h"

namespace tinykg::sparql::algebra {

using Bindings = std::map<std::string, rdf::Term>;

GroupPattern substitute(const GroupPattern& pattern, const Bindings& bindings);
Expression substitute(const Expression& e, const Bindings& bindings);

}  // namespace tinykg::sparql::algebra
