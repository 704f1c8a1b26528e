// LoadDictionary: the bulk loader's term -> id map for one load.
//
// An open-addressing table of (hash128 of the term encoding, id), 24 bytes a
// slot and no term bytes, so ten million distinct terms cost about 400 MB
// whatever their length. Terms already in the store are found through a
// lookup function (a read snapshot taken under the writer lock) the first time
// they appear and cached; new terms get consecutive ids from `next_id`.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "store/ids.h"
#include "store/term_hash.h"

namespace tinykg::store::detail {

class LoadDictionary {
 public:
  using ExistingLookup = std::function<std::optional<Id>(std::string_view encoded)>;

  // `existing` may be empty when the store holds no terms yet (a fresh
  // database), which skips the per-term lookup entirely.
  LoadDictionary(Id next_id, ExistingLookup existing);

  // The id of the term with this encoding; `*created` tells whether the id was
  // allocated by this call (the caller must then store the term).
  Id id_of(std::string_view encoded, bool* created);
  // Records a term whose id is already known (terms of the current write txn).
  void remember(std::string_view encoded, Id id);

  Id next_id() const { return next_id_; }
  size_t size() const { return used_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    Hash128 hash;
    Id id = kNoId;  // kNoId: empty slot
  };
  Slot* probe(const Hash128& h);
  void grow();

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t used_ = 0;
  Id next_id_;
  ExistingLookup existing_;
};

}  // namespace tinykg::store::detail
