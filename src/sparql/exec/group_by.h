// GroupBy: reads its input, partitions the rows by the values of the key
// expressions and emits one row per group with the keys and the aggregates
// (COUNT, SUM, MIN, MAX, AVG, SAMPLE, GROUP_CONCAT, each optionally
// DISTINCT) bound; every other slot is unbound. Without keys there is one
// group, even over no input rows (COUNT(*) of nothing is 0).
//
// Aggregate errors follow SPARQL 1.1 section 18.5: an error inside SUM/AVG
// (a non-numeric value) makes that aggregate unbound for the group; COUNT
// counts only rows whose argument evaluates without error.
#pragma once

#include "sparql/algebra/expression.h"
#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

struct GroupKey {
  Expression expression;  // slots resolved
  int slot;               // where the key value goes
};
struct AggregateSpec {
  Expression aggregate;  // kind Aggregate, argument slots resolved
  int slot;
};

class GroupBy : public Operator {
 public:
  GroupBy(ExecContext& ctx, OperatorPtr child, std::vector<GroupKey> keys,
          std::vector<AggregateSpec> aggregates, size_t row_width);
  bool next(Row& out) override;
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 private:
  void build();
  store::Id compute(const AggregateSpec& spec, const std::vector<Row>& rows);
  ExecContext& ctx_;
  OperatorPtr child_;
  std::vector<GroupKey> keys_;
  std::vector<AggregateSpec> aggregates_;
  size_t row_width_;
  std::vector<Row> output_;
  size_t index_ = 0;
  bool built_ = false;
};

}  // namespace tinykg::sparql::exec
