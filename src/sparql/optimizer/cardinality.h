// Cardinality estimates for triple patterns, shared by the join_order pass
// and by the planner (which stores them on the operators it builds).
//
// Constant-only patterns: the store's statistics when they answer (a
// predicate alone, or "?x a C": exact, no scan), else ReadTxn::estimate (a
// count capped at 10k); when it hits that cap we count on up to 50k, because
// telling 33k accelerometers from 100k boards is what picks the right start.
//
// A variable bound by earlier joins is a value we do not know at planning
// time. For a constant predicate we sample its fan-out (triples per subject)
// and fan-in (triples per object) from the first index entry of the
// predicate: one sample, cheap, and good enough to tell 1:1 links
// (provideInput) from class membership (rdf:type). Per-predicate distinct
// counts in the store would replace the sampling.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "rdf/term.h"
#include "sparql/parser/parsed_query.h"
#include "store/ids.h"
#include "store/store.h"

namespace tinykg::sparql {

class CardinalityEstimator {
 public:
  explicit CardinalityEstimator(const store::ReadTxn& txn) : txn_(txn) {}

  // Constant-only estimates not from statistics are exact counts below this
  // (above: a lower bound).
  static constexpr double kExactUpTo = 50000;

  // The store id of a constant, or nothing if the store does not hold it
  // (then no pattern containing it can match). Cached per query.
  std::optional<store::Id> id_of(const rdf::Term& term);

  // Expected number of matches of `pattern` for one binding of the variables
  // in `bound` (all of them, when `bound` is empty).
  double estimate(const TriplePattern& pattern, const std::set<std::string>& bound);

  // The number of matches of `pattern` with only its constants bound, when
  // that is known exactly (statistics, or a count below kExactUpTo).
  std::optional<uint64_t> exact_count(const TriplePattern& pattern);

  const store::ReadTxn& txn() const { return txn_; }

 private:
  // The pattern's constants as ids (variables: kNoId); nothing when the
  // store does not hold one of them (then nothing can match).
  std::optional<store::IdPattern> constant_ids(const TriplePattern& pattern);
  double constant_estimate(const store::IdPattern& ids);
  double sampled_degree(store::Id predicate, bool per_subject);

  const store::ReadTxn& txn_;
  std::map<std::string, std::optional<store::Id>> ids_;  // key: Term::encode()
  std::map<std::tuple<store::Id, store::Id, store::Id>, double> estimates_;
  std::set<std::tuple<store::Id, store::Id, store::Id>> capped_;  // counts that stopped at the cap
  std::map<std::pair<store::Id, bool>, double> degrees_;
};

}  // namespace tinykg::sparql
