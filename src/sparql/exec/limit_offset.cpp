#include "sparql/exec/limit_offset.h"

#include <fmt/format.h>

#include <algorithm>

namespace tinykg::sparql::exec {

LimitOffset::LimitOffset(OperatorPtr child, uint64_t offset, std::optional<uint64_t> limit)
    : child_(std::move(child)), offset_(offset), limit_(limit) {
  estimated_rows_ = std::max(0.0, child_->estimated_rows() - static_cast<double>(offset));
  if (limit_) estimated_rows_ = std::min(estimated_rows_, static_cast<double>(*limit_));
}

bool LimitOffset::next(Row& out) {
  if (limit_ && emitted_ >= *limit_) return false;
  while (skipped_ < offset_) {
    if (!child_->next(out)) return false;
    ++skipped_;
  }
  if (!child_->next(out)) return false;
  ++emitted_;
  return produced(true);
}

std::string LimitOffset::describe() const {
  return fmt::format("LimitOffset offset={} limit={}", offset_,
                     limit_ ? std::to_string(*limit_) : "none");
}

}  // namespace tinykg::sparql::exec
