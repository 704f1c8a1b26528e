#include "sparql/exec/distinct.h"

namespace tinykg::sparql::exec {

Distinct::Distinct(OperatorPtr child) : child_(std::move(child)) {
  estimated_rows_ = child_->estimated_rows();
}

bool Distinct::next(Row& out) {
  while (child_->next(out)) {
    if (seen_.insert(out).second) return produced(true);
  }
  return false;
}

}  // namespace tinykg::sparql::exec
