// The planner's cost model for one step of a join chain: look the pattern up
// once per input row (IndexNestedLoopJoin), or scan the whole pattern once
// into a hash table and probe it (HashJoin)?
#pragma once

namespace tinykg::sparql {

// Relative costs, calibrated on a 2M-triple fleet (bench/sparql_queries_bench):
// an index lookup (cursor open + seek) costs about as much as scanning one row
// and adding it to the hash table; probing costs a fifth of that.
inline constexpr double kLookupCost = 1.0;
inline constexpr double kBuildRowCost = 1.0;
inline constexpr double kProbeCost = 0.2;

inline bool prefer_hash_join(double input_rows, double pattern_rows) {
  const double bind_cost = input_rows * kLookupCost;
  const double hash_cost = pattern_rows * kBuildRowCost + input_rows * kProbeCost;
  return hash_cost < bind_cost;
}

}  // namespace tinykg::sparql
