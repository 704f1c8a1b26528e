#include "sparql/exec/group_by.h"

#include <map>
#include <set>
#include <unordered_map>

#include "sparql/exec/expression_eval.h"
#include "sparql/exec/literal_value.h"
#include "sparql/exec/term_order.h"

namespace tinykg::sparql::exec {

GroupBy::GroupBy(ExecContext& ctx, OperatorPtr child, std::vector<GroupKey> keys,
                 std::vector<AggregateSpec> aggregates, size_t row_width)
    : ctx_(ctx),
      child_(std::move(child)),
      keys_(std::move(keys)),
      aggregates_(std::move(aggregates)),
      row_width_(row_width) {
  estimated_rows_ = keys_.empty() ? 1 : std::max(1.0, child_->estimated_rows() / 10);
}

void GroupBy::build() {
  built_ = true;
  // Groups in order of first appearance, so output order is deterministic.
  std::unordered_map<Row, size_t, RowHash> index;
  std::vector<std::pair<Row, std::vector<Row>>> groups;
  Row row;
  while (child_->next(row)) {
    ctx_.check_deadline();
    Row key;
    for (const GroupKey& k : keys_) {
      Value v = evaluate(k.expression, row, ctx_);
      key.push_back(v.ok() ? ctx_.intern(v.term()) : store::kNoId);  // error: unbound key
    }
    auto [it, added] = index.emplace(key, groups.size());
    if (added) groups.emplace_back(key, std::vector<Row>{});
    ctx_.hold_rows();
    groups[it->second].second.push_back(row);
  }
  if (groups.empty() && keys_.empty()) groups.emplace_back(Row{}, std::vector<Row>{});
  for (const auto& [key, rows] : groups) {
    Row out(row_width_, store::kNoId);
    for (size_t i = 0; i < keys_.size(); ++i) out[static_cast<size_t>(keys_[i].slot)] = key[i];
    for (const AggregateSpec& a : aggregates_) {
      out[static_cast<size_t>(a.slot)] = compute(a, rows);
    }
    output_.push_back(std::move(out));
  }
}

store::Id GroupBy::compute(const AggregateSpec& spec, const std::vector<Row>& rows) {
  const Expression& agg = spec.aggregate;
  const std::string& fn = agg.name;
  if (fn == "count" && agg.args.empty()) {
    if (!agg.distinct) return ctx_.intern(rdf::Term::integer(static_cast<int64_t>(rows.size())));
    std::set<Row> distinct(rows.begin(), rows.end());
    return ctx_.intern(rdf::Term::integer(static_cast<int64_t>(distinct.size())));
  }
  // The argument's values; an error is recorded as nullopt.
  std::vector<std::optional<rdf::Term>> values;
  std::set<store::Id> seen;
  for (const Row& r : rows) {
    Value v = evaluate(agg.args[0], r, ctx_);
    if (!v.ok()) {
      values.push_back(std::nullopt);
      continue;
    }
    if (agg.distinct && !seen.insert(ctx_.intern(v.term())).second) continue;
    values.push_back(v.term());
  }
  if (fn == "count") {
    int64_t n = 0;
    for (const auto& v : values) n += v.has_value();
    return ctx_.intern(rdf::Term::integer(n));
  }
  if (fn == "sample") {
    for (const auto& v : values) {
      if (v) return ctx_.intern(*v);
    }
    return store::kNoId;
  }
  if (fn == "min" || fn == "max") {
    const rdf::Term* best = nullptr;
    for (const auto& v : values) {
      if (!v) continue;  // errors are skipped, as most engines do
      int c = best ? compare_for_order_by(&*v, best) : 0;
      if (!best || (fn == "min" ? c < 0 : c > 0)) best = &*v;
    }
    return best ? ctx_.intern(*best) : store::kNoId;
  }
  if (fn == "sum" || fn == "avg") {
    Expression acc = Expression::constant_term(rdf::Term::integer(0));
    for (const auto& v : values) {
      if (!v || !as_numeric(*v)) return store::kNoId;
      Value sum = evaluate(Expression::arithmetic(ArithOp::Add, acc, Expression::constant_term(*v)),
                           Row{}, ctx_);
      if (!sum.ok()) return store::kNoId;
      acc = Expression::constant_term(sum.term());
    }
    if (fn == "avg" && !values.empty()) {
      Expression n = Expression::constant_term(rdf::Term::integer(static_cast<int64_t>(values.size())));
      Value avg = evaluate(Expression::arithmetic(ArithOp::Div, acc, n), Row{}, ctx_);
      return avg.ok() ? ctx_.intern(avg.term()) : store::kNoId;
    }
    return ctx_.intern(acc.constant);
  }
  if (fn == "group_concat") {
    std::string out;
    bool first = true;
    for (const auto& v : values) {
      if (!v || !v->is_literal()) return store::kNoId;
      if (!first) out += agg.separator;
      out += v->value;
      first = false;
    }
    return ctx_.intern(rdf::Term::literal(out));
  }
  return store::kNoId;
}

bool GroupBy::next(Row& out) {
  if (!built_) build();
  if (index_ >= output_.size()) return false;
  out = output_[index_++];
  return produced(true);
}

std::string GroupBy::describe() const {
  std::string out = "GroupBy";
  for (const GroupKey& k : keys_) out += " " + k.expression.to_string();
  for (const AggregateSpec& a : aggregates_) out += " " + a.aggregate.to_string();
  return out;
}

}  // namespace tinykg::sparql::exec
