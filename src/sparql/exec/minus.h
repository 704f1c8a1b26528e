// Minus: left rows for which no right row is compatible while sharing a
// bound variable (SPARQL 1.1 section 18.5). The right side is read once.
#pragma once

#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

class Minus : public Operator {
 public:
  // `hidden_slots`: internal variables (the graph of GRAPH ?g) that are not
  // variables of the patterns and so never count as shared.
  Minus(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
        std::vector<int> hidden_slots = {});
  bool next(Row& out) override;
  std::string describe() const override { return "Minus"; }
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 private:
  ExecContext& ctx_;
  OperatorPtr left_, right_;
  std::vector<Row> removed_by_;
  std::vector<int> hidden_slots_;
  bool built_ = false;
};

}  // namespace tinykg::sparql::exec
