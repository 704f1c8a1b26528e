// Filter: passes on the rows for which every condition has effective boolean
// value true (conjuncts are kept separate so EXPLAIN shows where each one
// was placed by the planner).
#pragma once

#include <vector>

#include "sparql/algebra/expression.h"
#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

class Filter : public Operator {
 public:
  Filter(ExecContext& ctx, OperatorPtr child, std::vector<Expression> conditions);
  bool next(Row& out) override;
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 private:
  ExecContext& ctx_;
  OperatorPtr child_;
  std::vector<Expression> conditions_;
};

}  // namespace tinykg::sparql::exec
