// Extend (BIND, SELECT expressions): evaluates an expression per row and
// binds the result to a slot; an evaluation error leaves the slot unbound
// (SPARQL 1.1 section 18.5, Extend).
#pragma once

#include "sparql/algebra/expression.h"
#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

class Extend : public Operator {
 public:
  Extend(ExecContext& ctx, OperatorPtr child, int slot, std::string name, Expression expression);
  bool next(Row& out) override;
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 private:
  ExecContext& ctx_;
  OperatorPtr child_;
  int slot_;
  std::string name_;
  Expression expression_;
};

}  // namespace tinykg::sparql::exec
