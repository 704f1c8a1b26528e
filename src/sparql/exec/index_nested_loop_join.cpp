#include "sparql/exec/index_nested_loop_join.h"

#include <fmt/format.h>

#include <algorithm>

namespace tinykg::sparql::exec {
namespace {

// An index lookup (B-tree descent, block decoding) costs about as much as
// reading and sorting 4 rows of a scan (~300 ns against ~70 ns a row on the
// 100k fleet): past pattern_rows / 4 lookups the table pays off in this
// query alone. A table the store keeps pays off across the queries that
// follow, so it is built earlier, at pattern_rows / 32 (measured A/B on the
// 100k and 1M fleets against 16: BENCHMARKS.md).
constexpr uint64_t kRowsPerLookupKept = 32;
constexpr uint64_t kRowsPerLookupOnce = 4;

}  // namespace

IndexNestedLoopJoin::IndexNestedLoopJoin(ExecContext& ctx, OperatorPtr left, ScanPattern right,
                                         double estimated_rows, uint64_t pattern_rows)
    : ctx_(ctx), left_(std::move(left)), right_(std::move(right)), pattern_rows_(pattern_rows) {
  estimated_rows_ = right_.matches_nothing ? 0 : estimated_rows;
}

void IndexNestedLoopJoin::find_key_positions() {
  keyed_ = true;
  const PatternSlot* slots[] = {&right_.subject, &right_.predicate, &right_.object};
  constexpr store::Id store::IdQuad::*kMembers[] = {&store::IdQuad::s, &store::IdQuad::p,
                                                    &store::IdQuad::o};
  size_t n = 0;
  for (int i = 0; i < 3; ++i) {
    const auto slot = static_cast<size_t>(slots[i]->slot);
    if (slots[i]->is_variable() && left_row_[slot] != store::kNoId) {
      key_members_[n] = kMembers[i];
      key_positions_[n++] = static_cast<int8_t>(i);
      key_slots_.push_back(slot);
    }
  }
  // Nothing bound: every row scans the whole pattern; a table gains nothing.
  // pattern_rows_ 0: tables are off (adaptive bind joins switched off, or
  // the pattern's size unknown).
  if (n == 0 || pattern_rows_ == 0) return;
  rows_per_lookup_ = ctx_.txn().keeps_sorted_scans(pattern_rows_) ? kRowsPerLookupKept
                                                                  : kRowsPerLookupOnce;
  if (auto cached = ctx_.txn().cached_sorted_scan(right_.constants(), key_positions_)) {
    table_cached_ = true;
    use_table(std::move(cached));
  }
}

void IndexNestedLoopJoin::use_table(store::SortedScanPtr table) {
  table_ = std::move(table);
  cursor_.reset();
  cursor_live_ = false;
}

void IndexNestedLoopJoin::probe_table() {
  const auto& quads = table_->quads;
  const size_t keys = key_slots_.size();
  std::array<store::Id, 3> wanted{};  // the left row's values at the key positions
  for (size_t i = 0; i < keys; ++i) wanted[i] = left_row_[key_slots_[i]];
  auto compare = [&](const store::IdQuad& q) {
    for (size_t i = 0; i < keys; ++i) {
      const store::Id id = q.*key_members_[i];
      if (id != wanted[i]) return id < wanted[i] ? -1 : 1;
    }
    return 0;
  };
  auto below = [&](const store::IdQuad& q) { return compare(q) < 0; };
  // Left rows come mostly in key order (a chain started from a sorted scan),
  // so gallop forward from the previous match before searching all of it:
  // neighbouring probes then touch neighbouring memory.
  auto lo = quads.begin(), hi = quads.end();
  if (match_end_ > 0 && below(quads[match_end_ - 1])) {
    lo = quads.begin() + static_cast<std::ptrdiff_t>(match_end_);
    size_t step = 1;
    while (static_cast<size_t>(hi - lo) > step && below(lo[static_cast<std::ptrdiff_t>(step)])) {
      lo += static_cast<std::ptrdiff_t>(step);
      step *= 2;
    }
    hi = lo + static_cast<std::ptrdiff_t>(std::min(step + 1, static_cast<size_t>(hi - lo)));
  }
  auto first = std::partition_point(lo, hi, below);
  auto last = first;  // matches of one key are few: walk, do not search
  while (last != quads.end() && compare(*last) == 0) ++last;
  match_index_ = static_cast<size_t>(first - quads.begin());
  match_end_ = static_cast<size_t>(last - quads.begin());
  dedup_.reset();
}

bool IndexNestedLoopJoin::next(Row& out) {
  if (done_ || right_.matches_nothing) return false;
  store::IdQuad quad;
  while (true) {
    while (match_index_ < match_end_) {
      ctx_.check_deadline();
      const store::IdQuad& match = table_->quads[match_index_++];
      if (!admits(right_, match, dedup_)) continue;
      out = left_row_;
      if (right_.unify(match, out)) return produced(true);
    }
    if (cursor_live_) {
      while (cursor_->next(quad)) {
        ctx_.check_deadline();
        if (!admits(right_, quad, dedup_)) continue;
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
    if (!keyed_) find_key_positions();
    if (!table_ && rows_per_lookup_ > 0 && lookups_ * rows_per_lookup_ >= pattern_rows_) {
      use_table(ctx_.txn().sorted_scan(right_.constants(), key_positions_, [this] {
        ctx_.check_deadline();
        ctx_.hold_rows();
      }));
    }
    if (table_) {
      probe_table();
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
  if (table_cached_) {
    out += " (cached sorted scan)";
  } else if (table_) {
    out += fmt::format(" (in-memory table after {} lookups)", lookups_);
  }
  return out;
}

}  // namespace tinykg::sparql::exec
