#include "sparql/engine.h"

#include <fmt/format.h>

#include <chrono>

#include "sparql/algebra/translate.h"
#include "sparql/exec/exec_context.h"
#include "sparql/parser/parser.h"
#include "sparql/planner/planner.h"

namespace tinykg::sparql {
namespace {

class Stopwatch {
 public:
  double lap_ms() {
    auto now = std::chrono::steady_clock::now();
    double ms = std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
    return ms;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

std::string QueryProfile::to_string() const {
  std::string out = "Algebra:\n" + algebra + "Optimizer passes:\n";
  for (const PassTiming& p : passes) {
    out += p.ran ? fmt::format("  {} {:.3f} ms\n", p.pass, p.milliseconds)
                 : fmt::format("  {} (off)\n", p.pass);
  }
  out += "Plan:\n" + plan;
  out +=
      fmt::format("Time: parse {:.3f} ms, optimize {:.3f} ms, plan {:.3f} ms, execute {:.3f} ms\n",
                  parse_ms, optimize_ms, plan_ms, execute_ms);
  return out;
}

Result<ResultTable> run_select(const store::ReadTxn& txn, std::string_view query,
                               const QueryOptions& options, QueryProfile* profile) {
  Stopwatch clock;
  auto parsed = parse_query(query);
  if (!parsed) return parsed.failure();
  algebra::NodePtr tree = algebra::translate(*parsed);
  double parse_ms = clock.lap_ms();

  try {
    CardinalityEstimator estimator(txn);
    std::vector<PassTiming> passes = optimize(tree, estimator, options.optimizer);
    double optimize_ms = clock.lap_ms();

    exec::ExecContext ctx(&txn);
    PhysicalPlan plan = plan_query(*tree, ctx, estimator, options.planner);
    double plan_ms = clock.lap_ms();

    ResultTable table;
    table.variables = plan.output_variables;
    exec::Row row;
    while (plan.root->next(row)) {
      auto& out = table.rows.emplace_back();
      out.reserve(row.size());
      for (store::Id id : row) {
        out.push_back(id == store::kNoId ? std::nullopt : std::optional<rdf::Term>(ctx.term(id)));
      }
    }
    double execute_ms = clock.lap_ms();

    if (profile) {
      profile->algebra = algebra::to_string(*tree);
      profile->passes = std::move(passes);
      profile->plan = exec::explain(*plan.root);
      profile->parse_ms = parse_ms;
      profile->optimize_ms = optimize_ms;
      profile->plan_ms = plan_ms;
      profile->execute_ms = execute_ms;
    }
    return table;
  } catch (const Error& e) {
    // A storage failure stops this query; the caller reports it.
    return fail("query failed: {}", e.what());
  }
}

Result<QueryProfile> explain_select(const store::ReadTxn& txn, std::string_view query,
                                    const QueryOptions& options) {
  QueryProfile profile;
  auto result = run_select(txn, query, options, &profile);
  if (!result) return result.failure();
  return profile;
}

}  // namespace tinykg::sparql
