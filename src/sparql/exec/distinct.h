// Distinct: drops rows seen before (hash set), keeping the first occurrence
// so an ORDER BY below stays in effect. Works on projected rows.
#pragma once

#include <unordered_set>

#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

class Distinct : public Operator {
 public:
  Distinct(ExecContext& ctx, OperatorPtr child);
  bool next(Row& out) override;
  std::string describe() const override { return "Distinct"; }
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 private:
  ExecContext& ctx_;
  OperatorPtr child_;
  std::unordered_set<Row, RowHash> seen_;
};

}  // namespace tinykg::sparql::exec
