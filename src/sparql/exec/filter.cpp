#include "sparql/exec/filter.h"

#include "sparql/exec/expression_eval.h"

namespace tinykg::sparql::exec {

// Without value statistics we assume a filter keeps a third of its input.
constexpr double kFilterSelectivity = 1.0 / 3.0;

Filter::Filter(ExecContext& ctx, OperatorPtr child, std::vector<Expression> conditions)
    : ctx_(ctx), child_(std::move(child)), conditions_(std::move(conditions)) {
  estimated_rows_ = child_->estimated_rows();
  for (size_t i = 0; i < conditions_.size(); ++i) estimated_rows_ *= kFilterSelectivity;
}

bool Filter::next(Row& out) {
  while (child_->next(out)) {
    ctx_.check_deadline();
    bool keep = true;
    for (const Expression& c : conditions_) {
      if (!passes_filter(c, out, ctx_)) {
        keep = false;
        break;
      }
    }
    if (keep) return produced(true);
  }
  return false;
}

std::string Filter::describe() const {
  std::string out = "Filter";
  for (const Expression& c : conditions_) out.append(" ").append(c.to_string());
  return out;
}

}  // namespace tinykg::sparql::exec
