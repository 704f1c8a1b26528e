// A triple pattern in execution form: each position is either a constant id
// or a row slot. Shared by IndexScan (slots unbound) and IndexNestedLoopJoin
// (some slots bound by the left row, substituted into the scan).
//
// A pattern of the default graph reads the store's default graph, or the
// merge of the FROM graphs. In a merge a triple present in several graphs
// must still match once; because every permutation the store scans with g
// unbound ends in g, such duplicates are adjacent and `is_repeat_of_previous`
// drops them cheaply.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "sparql/exec/row.h"
#include "store/ids.h"

namespace tinykg::sparql::exec {

struct PatternSlot {
  store::Id constant = store::kNoId;  // used when slot < 0
  int slot = -1;
  std::string label;  // for EXPLAIN: "?x" or "<iri>"
  bool is_variable() const { return slot >= 0; }
};

struct ScanPattern {
  PatternSlot subject, predicate, object;
  // The graph position: a variable (GRAPH ?g), a constant graph id, or the
  // constant kNoId for "any graph" narrowed by `graphs`.
  PatternSlot graph;
  // Graphs a quad may come from (empty: no restriction) and whether the
  // default graph is excluded (GRAPH ?g ranges over named graphs only).
  std::vector<store::Id> graphs;
  bool exclude_default_graph = false;
  // The pattern reads a merge of several graphs (FROM a FROM b, or the old
  // union default): a triple in several of them must match once.
  bool merges_graphs = false;
  // A constant of the query that is not in the store: nothing can match.
  bool matches_nothing = false;

  // The id pattern for the store, with bound slots of `row` substituted.
  store::IdPattern bind(const Row& row) const;
  // The id pattern of the constants alone (every variable unbound).
  store::IdPattern constants() const;
  // Writes the quad's ids into the pattern's slots of `row`; false if the quad
  // contradicts a slot already bound (e.g. ?x <p> ?x with s != o).
  bool unify(const store::IdQuad& quad, Row& row) const;
  std::string to_string() const;
  // The quad's graph is one this pattern may read (checked before dedup).
  bool accepts_graph(const store::IdQuad& quad) const;
};

// Drops a quad equal to the previous one in s, p, o (same triple, other graph).
class GraphUnionDeduplicator {
 public:
  bool is_repeat_of_previous(const store::IdQuad& q) {
    bool repeat = has_previous_ && q.s == previous_.s && q.p == previous_.p && q.o == previous_.o;
    previous_ = q;
    has_previous_ = true;
    return repeat;
  }
  void reset() { has_previous_ = false; }

 private:
  store::IdQuad previous_;
  bool has_previous_ = false;
};

// Whether a scanned quad is a match to pass on: from a graph the pattern
// reads, and not the same triple again from another graph of a merge.
inline bool admits(const ScanPattern& pattern, const store::IdQuad& quad,
                   GraphUnionDeduplicator& dedup) {
  return pattern.accepts_graph(quad) &&
         !(pattern.merges_graphs && dedup.is_repeat_of_previous(quad));
}

}  // namespace tinykg::sparql::exec
