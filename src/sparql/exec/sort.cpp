#include "sparql/exec/sort.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include "sparql/exec/expression_eval.h"
#include "sparql/exec/term_order.h"

namespace tinykg::sparql::exec {

Sort::Sort(ExecContext& ctx, OperatorPtr child, std::vector<SortKey> keys)
    : ctx_(ctx), child_(std::move(child)), keys_(std::move(keys)) {
  estimated_rows_ = child_->estimated_rows();
}

void Sort::materialize() {
  Row row;
  while (child_->next(row)) {
    ctx_.hold_rows();
    rows_.push_back(row);
  }
  // Key values per row and key; nullopt = unbound or error (sorts first).
  std::vector<std::vector<std::optional<rdf::Term>>> values(rows_.size());
  for (size_t i = 0; i < rows_.size(); ++i) {
    values[i].reserve(keys_.size());
    for (const SortKey& k : keys_) {
      Value v = evaluate(k.expression, rows_[i], ctx_);
      values[i].push_back(v.ok() ? std::optional<rdf::Term>(v.term()) : std::nullopt);
    }
  }
  order_.resize(rows_.size());
  std::iota(order_.begin(), order_.end(), size_t{0});
  std::stable_sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
    for (size_t k = 0; k < keys_.size(); ++k) {
      const auto& va = values[a][k];
      const auto& vb = values[b][k];
      int c = compare_for_order_by(va ? &*va : nullptr, vb ? &*vb : nullptr);
      if (c != 0) return keys_[k].descending ? c > 0 : c < 0;
    }
    return false;
  });
  sorted_ = true;
}

bool Sort::next(Row& out) {
  if (!sorted_) materialize();
  if (position_ >= order_.size()) return false;
  out = rows_[order_[position_++]];
  return produced(true);
}

std::string Sort::describe() const {
  std::string out = "Sort";
  for (const SortKey& k : keys_) {
    out += (k.descending ? " DESC(" : " ASC(") + k.expression.to_string() + ")";
  }
  return out;
}

}  // namespace tinykg::sparql::exec
