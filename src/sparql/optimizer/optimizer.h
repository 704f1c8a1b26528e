// The optimizer: a fixed list of algebra-to-algebra passes, run in order.
// Each pass can be switched off (to compare plans, or to isolate a bug) and
// is timed.
//
//   1. filter_pushdown  split FILTER conjuncts, move them into patterns
//   2. join_order       greedy order of triple patterns by cardinality
#pragma once

#include <string>
#include <vector>

#include "sparql/algebra/algebra.h"
#include "sparql/optimizer/cardinality.h"

namespace tinykg::sparql {

struct OptimizerOptions {
  bool filter_pushdown = true;
  bool join_order = true;
};

struct PassTiming {
  std::string pass;
  bool ran = false;
  double milliseconds = 0;
};

std::vector<PassTiming> optimize(algebra::NodePtr& root, CardinalityEstimator& estimator,
                                 const OptimizerOptions& options);

}  // namespace tinykg::sparql
