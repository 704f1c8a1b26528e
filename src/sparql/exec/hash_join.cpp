#include "sparql/exec/hash_join.h"

#include <fmt/format.h>

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

Row HashJoin::key_of(const Row& row) const {
  Row key;
  key.reserve(join_slots_.size());
  for (int slot : join_slots_) {
    // Join variables are certainly bound on both sides (inner joins only).
    TINYKG_DEBUG_ASSERT(row[static_cast<size_t>(slot)] != store::kNoId,
                        "hash join key variable is unbound");
    key.push_back(row[static_cast<size_t>(slot)]);
  }
  return key;
}

void HashJoin::build() {
  Row row;
  while (build_->next(row)) {
    ctx_.hold_rows();
    table_[key_of(row)].push_back(row);
  }
  built_ = true;
}

bool HashJoin::next(Row& out) {
  if (!built_) build();
  while (true) {
    if (matches_ && match_index_ < matches_->size()) {
      const Row& match = (*matches_)[match_index_++];
      // Variables that only maybe-bound (OPTIONAL, UNION, VALUES with UNDEF)
      // are not part of the key; they must still agree.
      if (!compatible(probe_row_, match)) continue;
      out = probe_row_;
      for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] == store::kNoId) out[i] = match[i];
      }
      return produced(true);
    }
    matches_ = nullptr;
    if (table_.empty() || !probe_->next(probe_row_)) return false;
    auto it = table_.find(key_of(probe_row_));
    if (it != table_.end()) {
      matches_ = &it->second;
      match_index_ = 0;
    }
  }
}

std::string HashJoin::describe() const {
  if (key_names_.empty()) return "HashJoin (cross product)";
  std::string out = "HashJoin on";
  for (const std::string& name : key_names_) out += " ?" + name;
  return out;
}

}  // namespace tinykg::sparql::exec
