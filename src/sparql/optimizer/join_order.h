// Optimizer pass "join_order": orders the triple patterns of every basic
// graph pattern greedily by estimated cardinality.
//
// Start with the pattern with the fewest estimated matches; then repeatedly
// take, among the patterns that share a variable with those already chosen,
// the one with the fewest matches per binding of its already-bound variables
// (CardinalityEstimator). Only when no connected pattern is left does a new
// component start. Patterns that only fetch attributes (their new variables
// are used by no other pattern and no filter) are deferred to the end, where
// they run on the fewest rows. The planner turns this order into a chain of bind joins,
// so each step is an index lookup with a bound prefix.
#pragma once

#include "sparql/algebra/algebra.h"
#include "sparql/optimizer/cardinality.h"

namespace tinykg::sparql {

void order_joins(algebra::NodePtr& root, CardinalityEstimator& estimator);

// The greedy order for one list of patterns (exposed for tests).
std::vector<TriplePattern> greedy_join_order(std::vector<TriplePattern> patterns,
                                             CardinalityEstimator& estimator,
                                             const std::set<std::string>& filter_variables = {});

}  // namespace tinykg::sparql
