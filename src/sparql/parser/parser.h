// Recursive-descent SPARQL 1.1 parser: queries (parse_query) and update
// requests (parse_update), with prefixes expanded and IRIs resolved.
// Grammar (section 19) split by concern: parser.cpp (query forms, group
// patterns, triples, collections), expression_parser.cpp, path_parser.cpp,
// update_parser.cpp, scope_checks.cpp (the validity rules of 18.2.1).
// DESCRIBE and SERVICE are recognised and rejected with "not supported yet:
// <WHAT> at line L, column C", so the user learns what is missing instead of
// getting a confusing syntax error.
#pragma once

#include <string_view>

#include "common/result.h"
#include "sparql/parser/parsed_query.h"
#include "sparql/parser/parsed_update.h"

namespace tinykg::sparql {

Result<ParsedQuery> parse_query(std::string_view query);
Result<ParsedUpdate> parse_update(std::string_view update);

}  // namespace tinykg::sparql
