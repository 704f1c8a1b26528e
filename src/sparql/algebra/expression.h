// SPARQL expressions (FILTER conditions, ORDER BY keys) as a small tree.
//
// The parser builds them, the algebra and the optimizer move them around, and
// exec/expression_eval.h evaluates them against a row of ids. Variables are
// referenced by name here; the planner records each variable's row slot in
// `slot` on its own copy, so evaluation never looks names up per row.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "rdf/term.h"
#include "sparql/algebra/builtin.h"

namespace tinykg::sparql {

struct GroupPattern;  // parser/parsed_query.h; EXISTS holds one

enum class ExprKind {
  Variable,    // ?x
  Constant,    // an RDF term: <iri>, "lit", 42, true
  Or,          // a || b
  And,         // a && b
  Not,         // !a
  Negate,      // -a
  Compare,     // a op b with op one of = != < <= > >=
  Arithmetic,  // a op b with op one of + - * /
  Call,        // builtin function: regex(...), str(...), bound(...)
  Aggregate,   // COUNT/SUM/MIN/MAX/AVG/SAMPLE/GROUP_CONCAT (name lower-case);
               // no args = COUNT(*). Replaced by a variable before planning.
  Exists,      // EXISTS { pattern }; args = the pattern's named variables, so
               // the planner resolves their outer slots like any variable
};

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };
enum class ArithOp { Add, Sub, Mul, Div };

struct Expression {
  ExprKind kind = ExprKind::Constant;
  std::string name;    // Variable: name without '?'; Call: lower-case function name
  Builtin builtin = Builtin::Unresolved;  // Call: resolved from `name` by call()
  rdf::Term constant;  // Constant
  CompareOp compare = CompareOp::Eq;
  ArithOp arith = ArithOp::Add;
  std::vector<Expression> args;  // operands / call arguments
  int slot = -1;                 // Variable: row slot, filled in by the planner
  bool distinct = false;         // Aggregate: (DISTINCT ...)
  std::string separator = " ";   // Aggregate: GROUP_CONCAT separator
  std::shared_ptr<const GroupPattern> pattern;  // Exists

  static Expression variable(std::string name);
  static Expression constant_term(rdf::Term term);
  static Expression unary(ExprKind kind, Expression operand);
  static Expression binary(ExprKind kind, Expression lhs, Expression rhs);
  static Expression comparison(CompareOp op, Expression lhs, Expression rhs);
  static Expression arithmetic(ArithOp op, Expression lhs, Expression rhs);
  static Expression call(std::string function, std::vector<Expression> args);

  bool has_aggregate() const;

  // Names of all variables mentioned anywhere in the expression.
  std::set<std::string> variables() const;
  void collect_variables(std::set<std::string>& out) const;

  // SPARQL-like text, used by EXPLAIN output and test assertions.
  std::string to_string() const;
};

// Splits a && b && c into its conjuncts (each can be placed independently).
std::vector<Expression> split_conjunction(Expression e);

const char* to_string(CompareOp op);
const char* to_string(ArithOp op);

}  // namespace tinykg::sparql
