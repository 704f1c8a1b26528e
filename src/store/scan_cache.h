// ScanCache: sorted scan results kept in memory across read transactions.
//
// A bind join that probes one pattern thousands of times is cheaper against
// the pattern's matches held in a sorted array (binary search, no block
// decoding) than against the index. Building that array costs a scan and a
// sort, so the store keeps the arrays it was asked for, keyed by snapshot
// version: the next query on an unchanged store gets them for free, as QLever
// keeps index scan results in its query cache. A commit changes the version,
// so no reader ever sees a table of another snapshot; tables of older
// versions are dropped when a newer one arrives. Least recently used tables
// go first past the byte budget.
#pragma once

#include <array>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "store/ids.h"

namespace tinykg::store {

// The quads matching a pattern, ascending by the ids at `order` and then by
// s, p, o, g (so quads that differ only in their graph are neighbours).
struct SortedScan {
  IdPattern pattern;
  std::array<int8_t, 4> order{-1, -1, -1, -1};  // positions 0-3 = s, p, o, g; -1 ends
  std::vector<IdQuad> quads;
};
using SortedScanPtr = std::shared_ptr<const SortedScan>;

class ScanCache {
 public:
  explicit ScanCache(size_t budget_bytes) : budget_(budget_bytes) {}

  SortedScanPtr find(uint64_t version, const IdPattern& pattern,
                     const std::array<int8_t, 4>& order);
  // Keeps `scan` unless it is larger than an eighth of the budget (a few
  // large tables would push out everything else and be rebuilt in turn) or
  // its version is older than the newest seen.
  void insert(uint64_t version, SortedScanPtr scan);
  size_t bytes() const;
  // Whether a table of `quads` quads is small enough to be kept.
  bool would_keep(uint64_t quads) const { return bytes_for(quads) <= budget_ / 8; }

  static size_t bytes_for(uint64_t quads) { return sizeof(SortedScan) + quads * sizeof(IdQuad); }
  static size_t bytes_of(const SortedScan& scan) { return bytes_for(scan.quads.size()); }

 private:
  using Key = std::array<uint64_t, 6>;  // pattern s, p, o, g; packed order; version
  static Key key_of(uint64_t version, const IdPattern& pattern, const std::array<int8_t, 4>& order);
  struct Slot {
    SortedScanPtr scan;
    std::list<Key>::iterator lru;  // position in lru_ (front: most recent)
  };

  mutable std::mutex mutex_;
  size_t budget_;
  size_t bytes_ = 0;
  uint64_t version_ = 0;  // the newest version inserted
  std::map<Key, Slot> slots_;
  std::list<Key> lru_;
};

}  // namespace tinykg::store
