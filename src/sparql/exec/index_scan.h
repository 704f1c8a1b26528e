// IndexScan: the leaf operator. Scans the quads matching one triple pattern
// (constants as ids, variables free) and emits one row per distinct triple.
#pragma once

#include <optional>

#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"
#include "sparql/exec/scan_pattern.h"

namespace tinykg::sparql::exec {

class IndexScan : public Operator {
 public:
  IndexScan(ExecContext& ctx, ScanPattern pattern, size_t row_width, double estimated_rows);
  bool next(Row& out) override;
  std::string describe() const override;

 private:
  ExecContext& ctx_;
  ScanPattern pattern_;
  size_t row_width_;
  std::optional<store::ScanCursor> cursor_;
  GraphUnionDeduplicator dedup_;
  bool done_ = false;
};

}  // namespace tinykg::sparql::exec
