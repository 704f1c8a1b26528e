// LeftJoin (OPTIONAL): each left row merged with every compatible right row
// for which the optional group's condition holds; a left row without such a
// partner passes through unextended. The right side is read once into a hash
// table on the variables both sides certainly bind (all rows in one bucket
// when there are none), so a lookup only checks the rows that can match.
#pragma once

#include <optional>
#include <unordered_map>

#include "sparql/algebra/expression.h"
#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

class LeftJoin : public Operator {
 public:
  LeftJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, std::vector<int> key_slots,
           std::optional<Expression> condition);
  bool next(Row& out) override;
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 private:
  Row key_of(const Row& row) const;
  ExecContext& ctx_;
  OperatorPtr left_, right_;
  std::vector<int> key_slots_;
  std::optional<Expression> condition_;
  std::unordered_map<Row, std::vector<Row>, RowHash> table_;
  bool built_ = false;
  Row left_row_;
  const std::vector<Row>* matches_ = nullptr;
  size_t match_index_ = 0;
  bool left_matched_ = false;
  bool have_left_ = false;
};

}  // namespace tinykg::sparql::exec
