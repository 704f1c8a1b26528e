// Recursive-descent SPARQL parser for the subset tinykg evaluates today.
//
// Grammar coverage (SPARQL 1.1, section 19): Prologue (BASE, PREFIX),
// SELECT [DISTINCT|REDUCED] (* | vars), WHERE with triples blocks (';' and
// ',' lists, 'a', blank nodes [] / _:x / [ p o ]), nested groups, FILTER with
// the expression grammar (|| && ! comparisons + - * /, builtins), ORDER BY,
// LIMIT, OFFSET. Every other construct of SPARQL 1.1 is recognised and
// rejected with "not supported yet: <WHAT> at line L, column C", so the user
// learns what is missing instead of getting a confusing syntax error.
#pragma once

#include <string_view>

#include "common/result.h"
#include "sparql/parser/parsed_query.h"

namespace tinykg::sparql {

Result<ParsedQuery> parse_query(std::string_view query);

}  // namespace tinykg::sparql
