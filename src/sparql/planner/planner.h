// Planner: logical algebra -> physical operator tree (DuckDB keeps these two
// apart too). One function per logical operator:
//
//   Bgp       chain of IndexScan + IndexNestedLoopJoin per connected
//             component (in join_order's order; a step whose input is far
//             larger than its pattern becomes a HashJoin with one scan of
//             the pattern, by a simple cost model), Bgp filters placed right
//             after the step that binds their last variable, components
//             combined by HashJoin (cross product)
//   Join      HashJoin on the shared variables, smaller side builds
//   Filter    Filter;  OrderBy  Sort;  Project  Project
//   Distinct  Distinct;  Slice  LimitOffset
//
// Constants are resolved to store ids here; a constant the store does not
// hold makes its scan match nothing (no error: the answer is just empty).
#pragma once

#include "sparql/algebra/algebra.h"
#include "sparql/exec/exec_context.h"
#include "sparql/optimizer/cardinality.h"
#include "sparql/planner/physical_plan.h"

namespace tinykg::sparql {

// Switches for the planner's physical choices (to compare plans in
// benchmarks, or to isolate a bug).
struct PlannerOptions {
  bool hash_join_steps = true;      // cost-based HashJoin steps inside a chain
  bool adaptive_bind_joins = true;  // bind joins may switch to a hash table
  bool values_drive_joins = true;   // a small VALUES feeds the patterns it joins
};

// The operators keep a reference to `ctx`; it must outlive the plan.
PhysicalPlan plan_query(const algebra::Node& root, exec::ExecContext& ctx,
                        CardinalityEstimator& estimator, const PlannerOptions& options = {});

}  // namespace tinykg::sparql
