#include "sparql/exec/left_join.h"

#include "sparql/exec/compatible.h"
#include "sparql/exec/expression_eval.h"

namespace tinykg::sparql::exec {

LeftJoin::LeftJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
                   std::vector<int> key_slots, std::optional<Expression> condition)
    : ctx_(ctx),
      left_(std::move(left)),
      right_(std::move(right)),
      key_slots_(std::move(key_slots)),
      condition_(std::move(condition)) {
  estimated_rows_ = std::max(left_->estimated_rows(), left_->estimated_rows() *
                                                          std::min(right_->estimated_rows(), 4.0));
}

Row LeftJoin::key_of(const Row& row) const {
  Row key;
  for (int slot : key_slots_) key.push_back(row[static_cast<size_t>(slot)]);
  return key;
}

bool LeftJoin::next(Row& out) {
  if (!built_) {
    Row row;
    while (right_->next(row)) {
      ctx_.hold_rows();
      table_[key_of(row)].push_back(row);
    }
    built_ = true;
  }
  while (true) {
    if (have_left_ && matches_) {
      while (match_index_ < matches_->size()) {
        ctx_.check_deadline();
        const Row& r = (*matches_)[match_index_++];
        if (!compatible(left_row_, r)) continue;
        out = left_row_;
        merge_into(out, r);
        if (condition_ && !passes_filter(*condition_, out, ctx_)) continue;
        left_matched_ = true;
        return produced(true);
      }
    }
    if (have_left_ && !left_matched_) {
      have_left_ = false;
      out = left_row_;
      return produced(true);
    }
    if (!left_->next(left_row_)) return false;
    have_left_ = true;
    left_matched_ = false;
    auto it = table_.find(key_of(left_row_));
    matches_ = it == table_.end() ? nullptr : &it->second;
    match_index_ = 0;
  }
}

std::string LeftJoin::describe() const {
  return "LeftJoin" + (condition_ ? " " + condition_->to_string() : std::string());
}

}  // namespace tinykg::sparql::exec
