#include "sparql/exec/index_scan.h"

namespace tinykg::sparql::exec {

IndexScan::IndexScan(ExecContext& ctx, ScanPattern pattern, size_t row_width, double estimated_rows)
    : ctx_(ctx), pattern_(std::move(pattern)), row_width_(row_width) {
  estimated_rows_ = pattern_.matches_nothing ? 0 : estimated_rows;
}

bool IndexScan::next(Row& out) {
  if (done_ || pattern_.matches_nothing) return false;
  if (!cursor_) cursor_.emplace(ctx_.txn().scan(pattern_.bind(Row(row_width_, store::kNoId))));
  store::IdQuad quad;
  while (cursor_->next(quad)) {
    ctx_.check_deadline();
    if (!(pattern_.accepts_graph(quad) && !(pattern_.merges_graphs && dedup_.is_repeat_of_previous(quad)))) continue;
    out.assign(row_width_, store::kNoId);
    if (pattern_.unify(quad, out)) return produced(true);
  }
  done_ = true;
  cursor_.reset();  // release the LMDB cursor early
  return false;
}

std::string IndexScan::describe() const { return "IndexScan " + pattern_.to_string(); }

}  // namespace tinykg::sparql::exec
