#include "sparql/exec/union.h"

namespace tinykg::sparql::exec {

Union::Union(OperatorPtr left, OperatorPtr right) : left_(std::move(left)), right_(std::move(right)) {
  estimated_rows_ = left_->estimated_rows() + right_->estimated_rows();
}

bool Union::next(Row& out) {
  if (!left_done_) {
    if (left_->next(out)) return produced(true);
    left_done_ = true;
  }
  return produced(right_->next(out));
}

}  // namespace tinykg::sparql::exec
