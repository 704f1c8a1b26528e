// Test helpers for comparing RDF datasets: a small N-Quads reader that also
// accepts generalized RDF (blank-node predicates, which libserd rejects), and
// an RDF dataset isomorphism check (equality up to blank node relabelling).
#pragma once

#include <string_view>
#include <vector>

#include "common/result.h"
#include "rdf/term.h"

namespace tinykg::testing {

Result<std::vector<rdf::Quad>> parse_nquads(std::string_view text);

// True when a bijection between the blank nodes of `a` and `b` makes the two
// quad sets equal (duplicates ignored).
bool isomorphic(const std::vector<rdf::Quad>& a, const std::vector<rdf::Quad>& b);

}  // namespace tinykg::testing
