// Readable GoogleTest failure output for RDF terms and quads (N-Triples).
#pragma once

#include <ostream>

#include "rdf/term.h"

namespace tinykg::rdf {

inline void PrintTo(const Term& t, std::ostream* os) { *os << t.to_ntriples(); }
inline void PrintTo(const Quad& q, std::ostream* os) {
  *os << q.subject.to_ntriples() << ' ' << q.predicate.to_ntriples() << ' '
      << q.object.to_ntriples() << " .";
}

}  // namespace tinykg::rdf
