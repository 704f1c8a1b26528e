// The SPARQL 1.1 builtin functions beyond the core tests of FILTERs
// (section 17.4): string functions (CONCAT, SUBSTR, STRBEFORE, STRAFTER,
// REPLACE, ENCODE_FOR_URI, STRDT, STRLANG, IRI), numeric (ABS, CEIL, FLOOR,
// ROUND, RAND), date/time accessors (YEAR ... TZ, NOW), hashes (MD5, SHA*)
// and term constructors (BNODE, UUID, STRUUID). Kept apart from
// expression_eval.cpp so that file stays about evaluation rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sparql/exec/exec_context.h"
#include "sparql/exec/expression_eval.h"

namespace tinykg::sparql::exec {

// Nothing if `fn` is not one of these functions; Value::error() for a type
// error. `name` is the function's name (the datatype IRI of a cast). `args`
// are evaluated and all ok.
std::optional<Value> call_extended_builtin(Builtin fn, const std::string& name,
                                           const std::vector<Value>& args, ExecContext& ctx);

// XSD casts (SPARQL 17.5): xsd:string, boolean, integer, decimal, float,
// double and dateTime as functions named by their datatype IRI.
bool is_cast_function(const std::string& iri);

// Names and argument counts, for the parser's arity check.
struct BuiltinSignature {
  const char* name;
  size_t min_args, max_args;
};
const std::vector<BuiltinSignature>& extended_builtins();

}  // namespace tinykg::sparql::exec
