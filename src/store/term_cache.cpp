#include "store/term_cache.h"

namespace tinykg::store {

size_t TermCache::bytes_of(const rdf::Term& term) {
  // The map node (key, pointer, hash link), the shared term and its
  // control block, the strings' heap parts.
  return sizeof(Id) + sizeof(rdf::Term) + 6 * sizeof(void*) + term.value.size() +
         term.datatype.size() + term.lang.size();
}

TermCache::TermPtr TermCache::find(Id id) const {
  std::lock_guard lock(mutex_);
  auto it = terms_.find(id);
  return it == terms_.end() ? nullptr : it->second;
}

void TermCache::insert(Id id, TermPtr term) {
  const size_t size = bytes_of(*term);
  std::lock_guard lock(mutex_);
  if (bytes_ + size > budget_) {
    terms_.clear();
    bytes_ = 0;
    if (size > budget_) return;
  }
  if (terms_.emplace(id, std::move(term)).second) bytes_ += size;
}

size_t TermCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace tinykg::store
