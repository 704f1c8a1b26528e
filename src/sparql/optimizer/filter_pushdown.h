// Optimizer pass "filter_pushdown": splits FILTER conditions into conjuncts
// and moves each one as far down as it can go: through joins into the side
// that binds all its variables, and into a basic graph pattern
// (algebra::Bgp::filters), where the planner evaluates it right after the
// join step that binds its last variable.
//
// Correctness rests on "certainly bound" variables: with only inner joins a
// conjunct whose variables are all bound by a subtree gives the same answer
// there as above it. When OPTIONAL arrives, certainly_bound_variables() must
// exclude optional-only variables, and nothing else here changes.
#pragma once

#include "sparql/algebra/algebra.h"

namespace tinykg::sparql {

void push_down_filters(algebra::NodePtr& root);

}  // namespace tinykg::sparql
