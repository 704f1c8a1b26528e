// Evaluates SPARQL expressions against a row of ids (SPARQL 1.1 section 17).
//
// Error semantics: a type error, an unbound variable or an invalid regex
// makes the value an error; || and && absorb errors as the spec says
// (true || error = true, false && error = false); a FILTER whose condition
// ends up an error or false drops the row.
#pragma once

#include <optional>

#include "rdf/term.h"
#include "sparql/algebra/expression.h"
#include "sparql/exec/exec_context.h"
#include "sparql/exec/row.h"

namespace tinykg::sparql::exec {

// The result of an expression: an error, a term borrowed from the term cache
// or the expression tree (no copy), or a computed term it owns.
class Value {
 public:
  static Value error() { return Value(); }
  static Value borrow(const rdf::Term& term) {
    Value v;
    v.borrowed_ = &term;
    return v;
  }
  static Value own(rdf::Term term) {
    Value v;
    v.owned_ = std::move(term);
    return v;
  }
  static Value boolean(bool b) { return own(rdf::Term::boolean(b)); }

  bool ok() const { return borrowed_ != nullptr || owned_.has_value(); }
  const rdf::Term& term() const { return borrowed_ ? *borrowed_ : *owned_; }

 private:
  const rdf::Term* borrowed_ = nullptr;
  std::optional<rdf::Term> owned_;
};

// `expr` must have its variable slots resolved against the row's layout.
Value evaluate(const Expression& expr, const Row& row, ExecContext& ctx);

// Effective boolean value (SPARQL 17.2.2); nothing for a type error.
std::optional<bool> effective_boolean_value(const Value& value);

// What a FILTER does with `expr`: true keeps the row.
bool passes_filter(const Expression& expr, const Row& row, ExecContext& ctx);

// Comparison with SPARQL operator semantics; nothing for a type error.
std::optional<bool> compare_terms(const rdf::Term& a, const rdf::Term& b, CompareOp op);

}  // namespace tinykg::sparql::exec
