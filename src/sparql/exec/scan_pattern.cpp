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
  p.g = resolve(graph, row);
  return p;
}

store::IdPattern ScanPattern::constants() const {
  auto constant = [](const PatternSlot& p) { return p.is_variable() ? store::kNoId : p.constant; };
  return {constant(subject), constant(predicate), constant(object), constant(graph)};
}

bool ScanPattern::unify(const store::IdQuad& quad, Row& row) const {
  return accepts_graph(quad) && unify_one(subject, quad.s, row) &&
         unify_one(predicate, quad.p, row) && unify_one(object, quad.o, row) &&
         unify_one(graph, quad.g, row);
}

bool ScanPattern::accepts_graph(const store::IdQuad& quad) const {
  if (exclude_default_graph && quad.g == store::kDefaultGraph) return false;
  return graphs.empty() || std::find(graphs.begin(), graphs.end(), quad.g) != graphs.end();
}

std::string ScanPattern::to_string() const {
  std::string out = subject.label + " " + predicate.label + " " + object.label;
  if (!graph.label.empty()) out += " GRAPH " + graph.label;
  return out;
}

}  // namespace tinykg::sparql::exec
