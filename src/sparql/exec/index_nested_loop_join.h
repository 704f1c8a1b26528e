// IndexNestedLoopJoin (bind join): for each row of the left input, the
// variables it binds are substituted into the right triple pattern, which
// becomes a narrow index range scan. Along a chain of connected patterns,
// starting from the most selective one, every step is an index lookup with
// a bound prefix instead of a full scan.
//
// Adaptive: cardinality estimates can be far off (correlated data), so the
// operator counts its lookups. Once it has done as many lookups as the whole
// pattern has rows, it scans the pattern once into a sorted in-memory table
// keyed on the bound positions and answers the remaining rows from it. The total cost
// is then at most about twice that of the better of the two strategies.
#pragma once

#include <array>
#include <optional>

#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"
#include "sparql/exec/scan_pattern.h"

namespace tinykg::sparql::exec {

class IndexNestedLoopJoin : public Operator {
 public:
  // `pattern_rows`: rows of the right pattern with only its constants bound,
  // when known (0 = unknown: never switch to the hash table).
  IndexNestedLoopJoin(ExecContext& ctx, OperatorPtr left, ScanPattern right, double estimated_rows,
                      uint64_t pattern_rows = 0);
  bool next(Row& out) override;
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {left_.get()}; }

 private:
  // One quad of the pattern filed under its values at the key positions.
  struct Entry {
    std::array<store::Id, 3> key{};
    store::IdQuad quad;
  };
  void build_table();
  std::array<store::Id, 3> key_of(const Row& row) const;

  ExecContext& ctx_;
  OperatorPtr left_;
  ScanPattern right_;
  Row left_row_;
  std::optional<store::ScanCursor> cursor_;
  bool cursor_live_ = false;  // cursor_ has rows left for left_row_
  GraphUnionDeduplicator dedup_;
  bool done_ = false;

  uint64_t pattern_rows_;
  uint64_t lookups_ = 0;
  bool hashed_ = false;
  std::vector<int> key_slots_;  // slots of the pattern bound by the left rows
  // Sorted by key: built once, then probed with binary search. Flat and
  // cache-friendly; a node-based hash map was slower than the LMDB lookups.
  std::vector<Entry> table_;
  size_t match_index_ = 0, match_end_ = 0;
};

}  // namespace tinykg::sparql::exec
