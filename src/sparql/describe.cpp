#include "sparql/describe.h"

#include <deque>
#include <set>
#include <tuple>
#include <unordered_set>

namespace tinykg::sparql {

std::vector<rdf::Quad> describe_resources(const store::ReadTxn& txn,
                                          const std::vector<rdf::Term>& resources,
                                          const DescribeScope& scope) {
  std::vector<rdf::Quad> out;
  if (scope.empty) return out;
  std::vector<store::Id> graphs = scope.graphs;
  if (scope.all_graphs) {
    graphs = {store::kNoId};  // one scan over every graph
  } else if (graphs.empty()) {
    graphs = {store::kDefaultGraph};
  }

  std::deque<store::Id> pending;
  std::unordered_set<store::Id> described;
  for (const rdf::Term& r : resources) {
    if (!r.is_iri() && !r.is_blank()) continue;  // literals describe nothing
    if (auto id = txn.find_id(r); id && described.insert(*id).second) pending.push_back(*id);
  }
  // With several graphs the same triple can be found more than once.
  std::set<std::tuple<store::Id, store::Id, store::Id>> seen;
  while (!pending.empty()) {
    store::Id subject = pending.front();
    pending.pop_front();
    const rdf::Term subject_term = txn.term(subject);
    for (store::Id g : graphs) {
      store::IdPattern pattern;
      pattern.s = subject;
      pattern.g = g;
      store::ScanCursor cursor = txn.scan(pattern);
      store::IdQuad q;
      while (cursor.next(q)) {
        if (!seen.emplace(q.s, q.p, q.o).second) continue;
        rdf::Term object = txn.term(q.o);
        if (object.is_blank() && described.insert(q.o).second) pending.push_back(q.o);
        out.push_back({subject_term, txn.term(q.p), std::move(object), rdf::Term::iri("")});
      }
    }
  }
  return out;
}

}  // namespace tinykg::sparql
