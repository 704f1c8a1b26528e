// Union: all rows of the left input, then all rows of the right one. Both
// sides write the same row layout (one slot per query variable), so no
// column mapping is needed.
#pragma once

#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

class Union : public Operator {
 public:
  Union(OperatorPtr left, OperatorPtr right);
  bool next(Row& out) override;
  std::string describe() const override { return "Union"; }
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 private:
  OperatorPtr left_, right_;
  bool left_done_ = false;
};

}  // namespace tinykg::sparql::exec
