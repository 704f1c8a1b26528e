#include "sparql/exec/index_scan.h"

namespace tinykg::sparql::exec {

IndexScan::IndexScan(ExecContext& ctx, ScanPattern pattern, size_t row_width, double estimated_rows)
    : ctx_(ctx), pattern_(std::move(pattern)), row_width_(row_width) {
  estimated_rows_ = pattern_.matches_nothing ? 0 : estimated_rows;
}

bool IndexScan::next(Row& out) {
  if (done_ || pattern_.matches_nothing) return false;
  if (!cursor_) cursor_.emplace(ctx_.txn().scan(pattern_.constants()));
  store::IdQuad quad;
  while (cursor_->next(quad)) {
    ctx_.check_deadline();
    if (!admits(pattern_, quad, dedup_)) continue;
    out.assign(row_width_, store::kNoId);
    if (pattern_.unify(quad, out)) return produced(true);
  }
  done_ = true;
  cursor_.reset();  // release the LMDB cursor early
  return false;
}

std::string IndexScan::describe() const { return "IndexScan " + pattern_.to_string(); }

}  // namespace tinykg::sparql::exec
