// TermCache: decoded dictionary terms shared by the read transactions of a
// store, so a query does not descend id2term's B-tree for a term an earlier
// query decoded (FILTERs over literals, result output).
//
// No versioning is needed: a committed id names its term for ever (ids are
// allocated in order, never reused, and id2term entries are never deleted).
// Only ids of an aborted write are handed out again, which is why only read
// transactions, which see committed ids alone, fill the cache. Past its byte
// budget the cache starts over empty: cheap, and a working set that fits
// stays warm.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "rdf/term.h"
#include "store/ids.h"

namespace tinykg::store {

class TermCache {
 public:
  explicit TermCache(size_t budget_bytes) : budget_(budget_bytes) {}

  using TermPtr = std::shared_ptr<const rdf::Term>;
  TermPtr find(Id id) const;  // null when not cached
  void insert(Id id, TermPtr term);
  size_t bytes() const;

 private:
  static size_t bytes_of(const rdf::Term& term);

  mutable std::mutex mutex_;
  size_t budget_;
  size_t bytes_ = 0;
  std::unordered_map<Id, TermPtr> terms_;
};

}  // namespace tinykg::store
