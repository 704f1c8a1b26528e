// The SPARQL engine facade: the one entry point the CLI and the server call.
//
//   text --parser/--> ParsedQuery --algebra/translate--> algebra tree
//        --optimizer/ passes--> algebra tree --planner/--> operator tree
//        --exec/ (pull rows of ids)--> ResultTable --results/ writers--> bytes
//
// Dataset: the default graph is the union of all graphs in the store (a
// triple stored in several graphs matches once). FROM / GRAPH come later.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "sparql/optimizer/optimizer.h"
#include "sparql/planner/planner.h"
#include "sparql/results/result_table.h"
#include "sparql/results/writers.h"
#include "store/store.h"

namespace tinykg::sparql {

struct QueryOptions {
  OptimizerOptions optimizer;  // switch individual passes off
  PlannerOptions planner;      // switch physical choices off
  // (a timeout will go here)
};

// Where the time went and what ran; filled by run_select on request.
struct QueryProfile {
  std::string algebra;  // after optimization
  std::vector<PassTiming> passes;
  std::string plan;  // operator tree with estimated and actual rows
  double parse_ms = 0, optimize_ms = 0, plan_ms = 0, execute_ms = 0;
  std::string to_string() const;
};

// Parses, plans and runs a SELECT query against one read snapshot.
// Failures: syntax errors ("parse error at line L, column C: ..."),
// unsupported features ("not supported yet: OPTIONAL at line L, column C"),
// and storage errors during execution.
Result<ResultTable> run_select(const store::ReadTxn& txn, std::string_view query,
                               const QueryOptions& options = {}, QueryProfile* profile = nullptr);

// Runs the query and returns its profile (EXPLAIN ANALYZE).
Result<QueryProfile> explain_select(const store::ReadTxn& txn, std::string_view query,
                                    const QueryOptions& options = {});

}  // namespace tinykg::sparql
