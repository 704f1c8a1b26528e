// LimitOffset: skips `offset` rows, then passes on at most `limit` rows.
// Once the limit is reached it stops pulling, so the pipeline below (scans,
// bind joins) does no further work: LIMIT short-circuits.
#pragma once

#include <cstdint>
#include <optional>

#include "sparql/exec/operator.h"

namespace tinykg::sparql::exec {

class LimitOffset : public Operator {
 public:
  LimitOffset(OperatorPtr child, uint64_t offset, std::optional<uint64_t> limit);
  bool next(Row& out) override;
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 private:
  OperatorPtr child_;
  uint64_t offset_;
  std::optional<uint64_t> limit_;
  uint64_t skipped_ = 0, emitted_ = 0;
};

}  // namespace tinykg::sparql::exec
