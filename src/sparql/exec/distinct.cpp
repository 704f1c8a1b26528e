#include "sparql/exec/distinct.h"

namespace tinykg::sparql::exec {

Distinct::Distinct(ExecContext& ctx, OperatorPtr child) : ctx_(ctx), child_(std::move(child)) {
  estimated_rows_ = child_->estimated_rows();
}

bool Distinct::next(Row& out) {
  while (child_->next(out)) {
    if (seen_.insert(out).second) {
      ctx_.hold_rows();
      return produced(true);
    }
  }
  return false;
}

}  // namespace tinykg::sparql::exec
