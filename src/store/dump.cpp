#include "store/dump.h"

#include <unordered_map>

namespace tinykg::store {

Result<uint64_t> dump_quads(const ReadTxn& txn, std::ostream& out, rdf::Syntax syntax) {
  if (syntax != rdf::Syntax::NQuads && syntax != rdf::Syntax::TriG) {
    return fail("dump writes N-Quads or TriG (other syntaxes would drop graph names)");
  }
  rdf::RdfWriter writer(out, syntax);
  // Predicates, classes and graphs repeat on almost every line; caching a few
  // thousand decoded terms saves most dictionary reads while staying small.
  std::unordered_map<Id, rdf::Term> cache;
  auto term = [&](Id id) -> rdf::Term {
    if (id == kDefaultGraph) return rdf::Term::iri("");
    if (auto it = cache.find(id); it != cache.end()) return it->second;
    rdf::Term t = txn.term(id);
    if (cache.size() < 4096) cache.emplace(id, t);
    return t;
  };
  uint64_t n = 0;
  for (Id g : txn.graphs()) {
    ScanCursor cur = txn.scan({kNoId, kNoId, kNoId, g});  // GSPO: one graph at a time
    IdQuad q;
    while (cur.next(q)) {
      writer.write(rdf::Quad{term(q.s), term(q.p), term(q.o), term(q.g)});
      ++n;
    }
  }
  writer.finish();
  if (!out) return fail("write error while dumping (disk full?)");
  return n;
}

}  // namespace tinykg::store
