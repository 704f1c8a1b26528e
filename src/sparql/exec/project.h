// Project: turns full-width rows (one slot per query variable) into output
// rows holding just the selected variables, in SELECT order. Everything
// above it (Distinct, LimitOffset, the result writer) sees output rows.
#pragma once

#include <string>
#include <vector>

#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

class Project : public Operator {
 public:
  // `slots[i]` is the input slot of output column i, or -1 for a variable
  // that the pattern never binds (always unbound).
  //
  // `keep_width` (subqueries): rows keep one slot per query variable and the
  // slots of variables not selected are unbound instead, so the enclosing
  // query joins on the subquery's selected variables only.
  Project(OperatorPtr child, std::vector<int> slots, std::vector<std::string> names,
          bool keep_width = false);
  bool next(Row& out) override;
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {child_.get()}; }
  const std::vector<std::string>& variables() const { return names_; }

 private:
  OperatorPtr child_;
  std::vector<int> slots_;
  std::vector<std::string> names_;
  Row input_;
  bool keep_width_ = false;
  std::vector<bool> kept_;  // keep_width: which input slots stay bound
};

}  // namespace tinykg::sparql::exec
