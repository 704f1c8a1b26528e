// Values: a constant table of ids (VALUES data, interned by the planner).
#pragma once

#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

class Values : public Operator {
 public:
  explicit Values(std::vector<Row> rows) : rows_(std::move(rows)) {
    estimated_rows_ = static_cast<double>(rows_.size());
  }
  bool next(Row& out) override {
    if (index_ >= rows_.size()) return false;
    out = rows_[index_++];
    return produced(true);
  }
  std::string describe() const override { return "Values " + std::to_string(rows_.size()) + " rows"; }

 private:
  std::vector<Row> rows_;
  size_t index_ = 0;
};

}  // namespace tinykg::sparql::exec
