// HashJoin: joins two independent inputs on their shared variables (empty
// key = cross product). The right input is the build side (the planner puts
// the smaller estimate there) and is read completely on the first next();
// the left input streams through and probes.
//
// The build side lives in one flat array of ids (rows back to back) with a
// chained hash table of row numbers over it: no allocation per build row or
// per probe, which on joins of 100k+ rows was most of the time.
#pragma once

#include <cstdint>
#include <string>
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
  static constexpr uint32_t kEnd = UINT32_MAX;

  size_t key_hash(const store::Id* row) const;
  bool same_key(const store::Id* a, const store::Id* b) const;
  const store::Id* build_row(uint32_t n) const { return rows_.data() + size_t(n) * width_; }
  void build();

  ExecContext& ctx_;
  OperatorPtr probe_, build_;
  std::vector<int> join_slots_;
  std::vector<std::string> key_names_;
  bool built_ = false;
  size_t width_ = 0;
  std::vector<store::Id> rows_;   // build rows, width_ ids each
  std::vector<uint32_t> heads_;   // bucket -> first row number (kEnd: empty)
  std::vector<uint32_t> chain_;   // row number -> next row number in its bucket
  size_t mask_ = 0;
  Row probe_row_;
  uint32_t candidate_ = kEnd;     // next build row to try for probe_row_
};

}  // namespace tinykg::sparql::exec
