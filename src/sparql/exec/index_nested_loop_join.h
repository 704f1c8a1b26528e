// IndexNestedLoopJoin (bind join): for each row of the left input, the
// variables it binds are substituted into the right triple pattern, which
// becomes a narrow index range scan. Along a chain of connected patterns,
// starting from the most selective one, every step is an index lookup with
// a bound prefix instead of a full scan.
//
// Adaptive: cardinality estimates can be far off (correlated data), so the
// operator counts its lookups. Once they would have cost as much as reading
// the whole pattern (a lookup costs 4-32 scanned rows), it reads the pattern
// once into an array sorted on the bound positions and answers the remaining
// rows by binary search. The total cost is then at most about twice that of
// the better of the two strategies.
// The store keeps such arrays per snapshot (ReadTxn::sorted_scan), so a
// later query on an unchanged store probes the array from its first row.
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
  // The positions (0-2) of the pattern's variables that the left rows bind,
  // found at the first row: the same for every row of a chain.
  void find_key_positions();
  void use_table(store::SortedScanPtr table);
  // Positions the matches of the current left row in table_.
  void probe_table();

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
  // The switch's price of a lookup in scanned rows; 0: this join never
  // switches (no key bound by the left rows, or the pattern's size unknown).
  uint64_t rows_per_lookup_ = 0;
  bool keyed_ = false;                        // key_positions_ found
  std::array<int8_t, 4> key_positions_{-1, -1, -1, -1};
  std::array<store::Id store::IdQuad::*, 3> key_members_{};  // the same as members of a quad
  std::vector<size_t> key_slots_;             // row slots of those positions
  store::SortedScanPtr table_;                // null: lookups in the index
  bool table_cached_ = false;                 // table_ came from the store's cache
  size_t match_index_ = 0, match_end_ = 0;
};

}  // namespace tinykg::sparql::exec
