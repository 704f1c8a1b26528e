#include "sparql/exec/hash_join.h"

#include <bit>
#include <limits>

#include "common/error.h"
#include "sparql/exec/compatible.h"

namespace tinykg::sparql::exec {

HashJoin::HashJoin(ExecContext& ctx, OperatorPtr probe, OperatorPtr build,
                   std::vector<int> join_slots, std::vector<std::string> key_names,
                   double estimated_rows)
    : ctx_(ctx),
      probe_(std::move(probe)),
      build_(std::move(build)),
      join_slots_(std::move(join_slots)),
      key_names_(std::move(key_names)) {
  estimated_rows_ = estimated_rows;
}

size_t HashJoin::key_hash(const store::Id* row) const {
  size_t h = 0x9e3779b97f4a7c15ULL;
  for (int slot : join_slots_) {
    // Join variables are certainly bound on both sides (inner joins only).
    TINYKG_DEBUG_ASSERT(row[slot] != store::kNoId, "hash join key variable is unbound");
    h = (h ^ row[slot]) * 0x100000001b3ULL + (h >> 29);
  }
  // Mix the high bits down: the bucket is taken from the low bits.
  return h ^ (h >> 32);
}

bool HashJoin::same_key(const store::Id* a, const store::Id* b) const {
  for (int slot : join_slots_) {
    if (a[slot] != b[slot]) return false;
  }
  return true;
}

void HashJoin::build() {
  built_ = true;
  Row row;
  size_t count = 0;
  while (build_->next(row)) {
    ctx_.hold_rows();
    if (count == 0) width_ = row.size();
    TINYKG_ASSERT(row.size() == width_, "hash join rows differ in width");
    TINYKG_ASSERT(count < kEnd, "hash join build side has too many rows");
    rows_.insert(rows_.end(), row.begin(), row.end());
    ++count;
  }
  if (count == 0) return;
  size_t buckets = std::bit_ceil(count * 2);
  mask_ = buckets - 1;
  heads_.assign(buckets, kEnd);
  chain_.resize(count);
  // Inserted last to first so each chain lists its rows in input order.
  for (size_t n = count; n-- > 0;) {
    uint32_t& head = heads_[key_hash(build_row(uint32_t(n))) & mask_];
    chain_[n] = head;
    head = uint32_t(n);
  }
}

bool HashJoin::next(Row& out) {
  if (!built_) build();
  while (true) {
    for (; candidate_ != kEnd; candidate_ = chain_[candidate_]) {
      const store::Id* match = build_row(candidate_);
      if (!same_key(probe_row_.data(), match)) continue;
      // Variables that only maybe-bound (OPTIONAL, UNION, VALUES with UNDEF)
      // are not part of the key; they must still agree.
      if (!compatible(probe_row_, match)) continue;
      candidate_ = chain_[candidate_];
      out = probe_row_;
      for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] == store::kNoId) out[i] = match[i];
      }
      return produced(true);
    }
    if (heads_.empty() || !probe_->next(probe_row_)) return false;
    candidate_ = heads_[key_hash(probe_row_.data()) & mask_];
  }
}

std::string HashJoin::describe() const {
  if (key_names_.empty()) return "HashJoin (cross product)";
  std::string out = "HashJoin on";
  for (const std::string& name : key_names_) out += " ?" + name;
  return out;
}

}  // namespace tinykg::sparql::exec
