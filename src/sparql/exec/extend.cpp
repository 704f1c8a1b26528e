#include "sparql/exec/extend.h"

#include "sparql/exec/expression_eval.h"

namespace tinykg::sparql::exec {

Extend::Extend(ExecContext& ctx, OperatorPtr child, int slot, std::string name,
               Expression expression)
    : ctx_(ctx),
      child_(std::move(child)),
      slot_(slot),
      name_(std::move(name)),
      expression_(std::move(expression)) {
  estimated_rows_ = child_->estimated_rows();
}

bool Extend::next(Row& out) {
  if (!child_->next(out)) return false;
  ctx_.check_deadline();
  Value v = evaluate(expression_, out, ctx_);
  // BIND to a variable the group already binds is a syntax error in SPARQL;
  // keeping the existing binding is the safe reading of such a query.
  if (v.ok() && out[static_cast<size_t>(slot_)] == store::kNoId) {
    out[static_cast<size_t>(slot_)] = ctx_.intern(v.term());
  }
  return produced(true);
}

std::string Extend::describe() const { return "Extend ?" + name_ + " := " + expression_.to_string(); }

}  // namespace tinykg::sparql::exec
