// The ORDER BY ordering of terms (SPARQL 1.1 section 15.1), made total so it
// can drive std::sort: unbound < blank nodes < IRIs < literals; numeric
// literals (any XSD numeric type) sort by value before all other literals,
// which sort by lexical form, then datatype, then language tag.
#pragma once

#include "rdf/term.h"

namespace tinykg::sparql::exec {

// Negative, zero or positive like strcmp; nullptr means unbound (or an
// expression error, which SPARQL orders like unbound).
int compare_for_order_by(const rdf::Term* a, const rdf::Term* b);

}  // namespace tinykg::sparql::exec
