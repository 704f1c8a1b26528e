#include "sparql/exec/scan_pattern.h"

namespace tinykg::sparql::exec {
namespace {

store::Id resolve(const PatternSlot& p, const Row& row) {
  return p.is_variable() ? row[static_cast<size_t>(p.slot)] : p.constant;
}

bool unify_one(const PatternSlot& p, store::Id id, Row& row) {
  if (!p.is_variable()) return true;  // the scan already matched the constant
  store::Id& cell = row[static_cast<size_t>(p.slot)];
  if (cell == store::kNoId) {
    cell = id;
    return true;
  }
  return cell == id;
}

}  // namespace

store::IdPattern ScanPattern::bind(const Row& row) const {
  store::IdPattern p;
  p.s = resolve(subject, row);
  p.p = resolve(predicate, row);
  p.o = resolve(object, row);
  p.g = store::kNoId;  // default graph = union of all graphs
  return p;
}

bool ScanPattern::unify(const store::IdQuad& quad, Row& row) const {
  return unify_one(subject, quad.s, row) && unify_one(predicate, quad.p, row) &&
         unify_one(object, quad.o, row);
}

std::string ScanPattern::to_string() const {
  return subject.label + " " + predicate.label + " " + object.label;
}

}  // namespace tinykg::sparql::exec
