#include "store/load_dictionary.h"

#include "common/error.h"

namespace tinykg::store::detail {

namespace {
constexpr size_t kInitialSlots = size_t{1} << 16;
}

LoadDictionary::LoadDictionary(Id next_id, ExistingLookup existing)
    : slots_(kInitialSlots), mask_(kInitialSlots - 1), next_id_(next_id),
      existing_(std::move(existing)) {
  TINYKG_ASSERT(next_id >= kFirstTermId, "term ids start at kFirstTermId");
}

// Linear probing: the slot holding `h`, or the empty slot where it belongs.
LoadDictionary::Slot* LoadDictionary::probe(const Hash128& h) {
  size_t i = h.lo & mask_;
  while (true) {
    Slot& s = slots_[i];
    if (s.id == kNoId || s.hash == h) return &s;
    i = (i + 1) & mask_;
  }
}

// Doubles the table at 70% load, keeping probe sequences short.
void LoadDictionary::grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id != kNoId) *probe(s.hash) = s;
  }
}

Id LoadDictionary::id_of(std::string_view encoded, bool* created) {
  const Hash128 h = hash128(encoded);
  Slot* slot = probe(h);
  *created = false;
  if (slot->id != kNoId) return slot->id;
  std::optional<Id> found;
  if (existing_) found = existing_(encoded);
  if (!found) {
    found = next_id_++;
    *created = true;
  }
  slot->hash = h;
  slot->id = *found;
  if (++used_ * 10 > slots_.size() * 7) grow();
  return *found;
}

void LoadDictionary::remember(std::string_view encoded, Id id) {
  const Hash128 h = hash128(encoded);
  Slot* slot = probe(h);
  if (slot->id != kNoId) return;
  slot->hash = h;
  slot->id = id;
  if (++used_ * 10 > slots_.size() * 7) grow();
}

}  // namespace tinykg::store::detail
