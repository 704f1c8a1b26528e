// SingleRow: one row with every slot unbound, the solution of an empty
// group pattern `{}` (and the neutral element of a join).
#pragma once

#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

class SingleRow : public Operator {
 public:
  explicit SingleRow(size_t row_width) : row_width_(row_width) { estimated_rows_ = 1; }
  bool next(Row& out) override {
    if (done_) return false;
    done_ = true;
    out.assign(row_width_, store::kNoId);
    return produced(true);
  }
  std::string describe() const override { return "SingleRow"; }

 private:
  size_t row_width_;
  bool done_ = false;
};

}  // namespace tinykg::sparql::exec
