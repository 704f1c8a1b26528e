#include "store/scan_cache.h"

#include <algorithm>

#include "store/store.h"

namespace tinykg::store {

ScanCache::Key ScanCache::key_of(uint64_t version, const IdPattern& pattern,
                                 const std::array<int8_t, 4>& order) {
  uint64_t packed = 0;
  for (int8_t position : order) packed = (packed << 8) | static_cast<uint8_t>(position);
  return {pattern.s, pattern.p, pattern.o, pattern.g, packed, version};
}

SortedScanPtr ScanCache::find(uint64_t version, const IdPattern& pattern,
                              const std::array<int8_t, 4>& order) {
  std::lock_guard lock(mutex_);
  auto it = slots_.find(key_of(version, pattern, order));
  if (it == slots_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.scan;
}

void ScanCache::insert(uint64_t version, SortedScanPtr scan) {
  if (!would_keep(scan->quads.size())) return;
  const size_t size = bytes_of(*scan);
  std::lock_guard lock(mutex_);
  if (version < version_) return;  // a reader of an older snapshot
  if (version > version_) {        // the store changed: older tables are dead
    slots_.clear();
    lru_.clear();
    bytes_ = 0;
    version_ = version;
  }
  const Key key = key_of(version, scan->pattern, scan->order);
  if (slots_.count(key) != 0) return;  // another reader built it meanwhile
  while (bytes_ + size > budget_ && !lru_.empty()) {
    auto victim = slots_.find(lru_.back());
    bytes_ -= bytes_of(*victim->second.scan);
    slots_.erase(victim);
    lru_.pop_back();
  }
  lru_.push_front(key);
  slots_.emplace(key, Slot{std::move(scan), lru_.begin()});
  bytes_ += size;
}

size_t ScanCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

// ---- ReadTxn::sorted_scan ---------------------------------------------------

namespace {

// Sorts by the ids at `order`, then by s, p, o, g: each quad is rearranged
// into that order of positions, so the sort compares plain arrays (a
// comparator that looks positions up per comparison sorts 3x slower), and
// arranged back.
void sort_quads(std::vector<IdQuad>& quads, const std::array<int8_t, 4>& order) {
  std::array<int, 4> positions{};
  size_t n = 0;
  for (int8_t position : order) {
    if (position >= 0) positions[n++] = position;
  }
  for (int position = 0; position < 4; ++position) {
    if (std::find(positions.begin(), positions.begin() + static_cast<std::ptrdiff_t>(n), position) ==
        positions.begin() + static_cast<std::ptrdiff_t>(n)) {
      positions[n++] = position;
    }
  }
  auto arrange = [&](const IdQuad& q) {
    const Id ids[4] = {q.s, q.p, q.o, q.g};
    return std::array<Id, 4>{ids[positions[0]], ids[positions[1]], ids[positions[2]],
                             ids[positions[3]]};
  };
  std::vector<std::array<Id, 4>> keys;
  keys.reserve(quads.size());
  for (const IdQuad& q : quads) keys.push_back(arrange(q));
  // A scan whose permutation starts with `order` comes out sorted already.
  if (std::is_sorted(keys.begin(), keys.end())) return;
  std::sort(keys.begin(), keys.end());
  for (size_t i = 0; i < keys.size(); ++i) {
    Id ids[4];
    for (int j = 0; j < 4; ++j) ids[positions[j]] = keys[i][j];
    quads[i] = IdQuad{ids[0], ids[1], ids[2], ids[3]};
  }
}

}  // namespace

bool ReadTxn::keeps_sorted_scans(uint64_t quads) const {
  return scan_cache_ != nullptr && scan_cache_->would_keep(quads);
}

SortedScanPtr ReadTxn::cached_sorted_scan(const IdPattern& pattern,
                                          const std::array<int8_t, 4>& order) const {
  return scan_cache_ == nullptr ? nullptr : scan_cache_->find(version(), pattern, order);
}

SortedScanPtr ReadTxn::sorted_scan(const IdPattern& pattern, const std::array<int8_t, 4>& order,
                                   const std::function<void()>& tick) const {
  if (auto cached = cached_sorted_scan(pattern, order)) return cached;
  auto built = std::make_shared<SortedScan>();
  built->pattern = pattern;
  built->order = order;
  ScanCursor cursor = scan(pattern);
  IdQuad q;
  while (cursor.next(q)) {
    tick();
    built->quads.push_back(q);
  }
  sort_quads(built->quads, order);
  SortedScanPtr shared = std::move(built);
  if (scan_cache_ != nullptr) scan_cache_->insert(version(), shared);
  return shared;
}

}  // namespace tinykg::store
