// Sort: ORDER BY. Reads its whole input, evaluates the keys once per row and
// sorts stably (rows with equal keys keep their input order).
#pragma once

#include <vector>

#include "sparql/algebra/expression.h"
#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

struct SortKey {
  Expression expression;  // slots resolved
  bool descending = false;
};

class Sort : public Operator {
 public:
  Sort(ExecContext& ctx, OperatorPtr child, std::vector<SortKey> keys);
  bool next(Row& out) override;
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 private:
  void materialize();

  ExecContext& ctx_;
  OperatorPtr child_;
  std::vector<SortKey> keys_;
  std::vector<Row> rows_;
  std::vector<size_t> order_;
  size_t position_ = 0;
  bool sorted_ = false;
};

}  // namespace tinykg::sparql::exec
