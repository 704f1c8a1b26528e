// HashJoin: joins two independent inputs on their shared variables (empty
// key = cross product). The right input is the build side (the planner puts
// the smaller estimate there) and is read completely on the first next();
// the left input streams through and probes.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

class HashJoin : public Operator {
 public:
  // `key_names` only label EXPLAIN output ("HashJoin on ?m").
  HashJoin(ExecContext& ctx, OperatorPtr probe, OperatorPtr build, std::vector<int> join_slots,
           std::vector<std::string> key_names, double estimated_rows);
  bool next(Row& out) override;
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {probe_.get(), build_.get()}; }

 private:
  Row key_of(const Row& row) const;
  void build();

  ExecContext& ctx_;
  OperatorPtr probe_, build_;
  std::vector<int> join_slots_;
  std::vector<std::string> key_names_;
  std::unordered_map<Row, std::vector<Row>, RowHash> table_;
  bool built_ = false;
  Row probe_row_;
  const std::vector<Row>* matches_ = nullptr;
  size_t match_index_ = 0;
};

}  // namespace tinykg::sparql::exec
