// Solution compatibility (SPARQL 1.1 section 18.3): two rows are compatible
// when every variable bound in both has the same term. Ids compare terms
// because every term, computed or stored, has exactly one id per query.
#pragma once

#include "sparql/exec/row.h"

namespace tinykg::sparql::exec {

// `b` points at a row of a.size() ids (rows stored back to back).
inline bool compatible(const Row& a, const store::Id* b) {
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != store::kNoId && b[i] != store::kNoId && a[i] != b[i]) return false;
  }
  return true;
}
inline bool compatible(const Row& a, const Row& b) { return compatible(a, b.data()); }

// True when some variable is bound in both rows (MINUS needs a shared one).
inline bool share_binding(const Row& a, const Row& b) {
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != store::kNoId && b[i] != store::kNoId) return true;
  }
  return false;
}

// The merge of two compatible rows.
inline void merge_into(Row& out, const Row& other) {
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == store::kNoId) out[i] = other[i];
  }
}

}  // namespace tinykg::sparql::exec
