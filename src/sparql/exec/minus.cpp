#include "sparql/exec/minus.h"

#include "sparql/exec/compatible.h"

namespace tinykg::sparql::exec {

Minus::Minus(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
             std::vector<int> hidden_slots)
    : ctx_(ctx),
      left_(std::move(left)), right_(std::move(right)), hidden_slots_(std::move(hidden_slots)) {
  estimated_rows_ = left_->estimated_rows();
}

bool Minus::next(Row& out) {
  if (!built_) {
    Row row;
    while (right_->next(row)) {
      for (int s : hidden_slots_) row[static_cast<size_t>(s)] = store::kNoId;
      ctx_.hold_rows();
      removed_by_.push_back(row);
    }
    built_ = true;
  }
  while (left_->next(out)) {
    bool removed = false;
    for (const Row& r : removed_by_) {
      if (share_binding(out, r) && compatible(out, r)) {
        removed = true;
        break;
      }
    }
    if (!removed) return produced(true);
  }
  return false;
}

}  // namespace tinykg::sparql::exec
