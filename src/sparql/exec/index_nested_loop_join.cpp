#include "sparql/exec/index_nested_loop_join.h"

#include <fmt/format.h>

#include <algorithm>
#include <type_traits>

namespace tinykg::sparql::exec {
namespace {

store::Id position(const store::IdQuad& q, int i) { return i == 0 ? q.s : i == 1 ? q.p : q.o; }

template <typename T>
const std::array<store::Id, 3>& key_part(const T& x) {
  if constexpr (std::is_same_v<T, std::array<store::Id, 3>>) {
    return x;
  } else {
    return x.key;
  }
}

}  // namespace

IndexNestedLoopJoin::IndexNestedLoopJoin(ExecContext& ctx, OperatorPtr left, ScanPattern right,
                                         double estimated_rows, uint64_t pattern_rows)
    : ctx_(ctx), left_(std::move(left)), right_(std::move(right)), pattern_rows_(pattern_rows) {
  estimated_rows_ = right_.matches_nothing ? 0 : estimated_rows;
}

std::array<store::Id, 3> IndexNestedLoopJoin::key_of(const Row& row) const {
  std::array<store::Id, 3> key{};
  for (size_t i = 0; i < key_slots_.size(); ++i) key[i] = row[static_cast<size_t>(key_slots_[i])];
  return key;
}

void IndexNestedLoopJoin::build_table() {
  // Key on the pattern's variables that the input binds (the same for every
  // input row of a chain); quads are filed under their values there.
  std::vector<int> key_positions;
  const PatternSlot* slots[] = {&right_.subject, &right_.predicate, &right_.object};
  for (int i = 0; i < 3; ++i) {
    if (slots[i]->is_variable() && left_row_[static_cast<size_t>(slots[i]->slot)] != store::kNoId) {
      key_positions.push_back(i);
      key_slots_.push_back(slots[i]->slot);
    }
  }
  store::ScanCursor scan = ctx_.txn().scan(right_.bind(Row(left_row_.size(), store::kNoId)));
  GraphUnionDeduplicator dedup;
  store::IdQuad q;
  while (scan.next(q)) {
    ctx_.check_deadline();
    if (!right_.accepts_graph(q) || (right_.merges_graphs && dedup.is_repeat_of_previous(q))) continue;
    Entry e;
    for (size_t i = 0; i < key_positions.size(); ++i) e.key[i] = position(q, key_positions[i]);
    e.quad = q;
    ctx_.hold_rows();
    table_.push_back(e);
  }
  std::sort(table_.begin(), table_.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  hashed_ = true;
}

bool IndexNestedLoopJoin::next(Row& out) {
  if (done_ || right_.matches_nothing) return false;
  store::IdQuad quad;
  while (true) {
    while (match_index_ < match_end_) {
      ctx_.check_deadline();
      out = left_row_;
      if (right_.unify(table_[match_index_++].quad, out)) return produced(true);
    }
    if (cursor_live_) {
      while (cursor_->next(quad)) {
        ctx_.check_deadline();
        if (!(right_.accepts_graph(quad) && !(right_.merges_graphs && dedup_.is_repeat_of_previous(quad)))) continue;
        out = left_row_;
        if (right_.unify(quad, out)) return produced(true);
      }
      cursor_live_ = false;
    }
    if (!left_->next(left_row_)) {
      cursor_.reset();
      done_ = true;
      return false;
    }
    if (!hashed_ && pattern_rows_ > 0 && lookups_ >= pattern_rows_) build_table();
    if (hashed_) {
      const auto key = key_of(left_row_);
      auto [first, last] =
          std::equal_range(table_.begin(), table_.end(), key,
                           [](const auto& a, const auto& b) { return key_part(a) < key_part(b); });
      match_index_ = static_cast<size_t>(first - table_.begin());
      match_end_ = static_cast<size_t>(last - table_.begin());
      continue;
    }
    ++lookups_;
    dedup_.reset();
    // One cursor for all lookups: those in key order mostly stay in the
    // index block the previous one read.
    const store::IdPattern pattern = right_.bind(left_row_);
    if (!cursor_ || !ctx_.txn().rescan(*cursor_, pattern)) cursor_.emplace(ctx_.txn().scan(pattern));
    cursor_live_ = true;
  }
}

std::string IndexNestedLoopJoin::describe() const {
  std::string out = "IndexNestedLoopJoin " + right_.to_string();
  if (hashed_) out += fmt::format(" (in-memory table after {} lookups)", lookups_);
  return out;
}

}  // namespace tinykg::sparql::exec
