// ParsedQuery -> algebra, following SPARQL 1.1 section 18.2: a group's
// triples blocks and nested groups are joined in order, the group's FILTERs
// apply to the whole group, then ORDER BY, projection, DISTINCT and
// LIMIT/OFFSET wrap the pattern in that order.
#pragma once

#include "sparql/algebra/algebra.h"
#include "sparql/parser/parsed_query.h"

namespace tinykg::sparql::algebra {

NodePtr translate(const ParsedQuery& query);

}  // namespace tinykg::sparql::algebra
