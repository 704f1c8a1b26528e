#include "sparql/engine.h"

#include <fmt/format.h>

#include <chrono>
#include <set>

#include "sparql/algebra/substitute.h"
#include "sparql/algebra/translate.h"
#include "sparql/describe.h"
#include "sparql/exec/exec_context.h"
#include "sparql/parser/parser.h"
#include "sparql/query_execution.h"
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

namespace {

// EXISTS { P } for one row: P with the row's bindings substituted, planned
// and run until its first solution (SPARQL 1.1 section 18.6).
bool evaluate_exists(const Expression& e, const exec::Row& row, exec::ExecContext& ctx,
                     const QueryOptions& options) {
  algebra::Bindings bindings;
  for (const Expression& a : e.args) {
    if (a.slot >= 0 && row[static_cast<size_t>(a.slot)] != store::kNoId) {
      bindings.emplace(a.name, ctx.term(row[static_cast<size_t>(a.slot)]));
    }
  }
  ParsedQuery probe;
  probe.where = algebra::substitute(*e.pattern, bindings);
  probe.select_all = true;
  algebra::NodePtr tree = algebra::translate(probe);
  tree = algebra::Node::make(algebra::Slice{0, 1, std::move(tree)});
  CardinalityEstimator estimator(ctx.txn());
  optimize(tree, estimator, options.optimizer);
  PhysicalPlan plan = plan_query(*tree, ctx, estimator, options.planner);
  exec::Row out;
  return plan.root->next(out);
}

exec::ExecContext::Dataset dataset_of(const store::ReadTxn& txn, const ParsedQuery& parsed,
                                      const QueryOptions& options) {
  exec::ExecContext::Dataset ds;
  auto ids = [&](const std::vector<std::string>& iris) {
    std::vector<store::Id> out;
    for (const std::string& iri : iris) {
      if (auto id = txn.find_id(rdf::Term::iri(iri))) out.push_back(*id);
    }
    return out;
  };
  const auto& from = options.dataset ? options.dataset->default_graphs : parsed.from;
  const auto& from_named = options.dataset ? options.dataset->named_graphs : parsed.from_named;
  ds.union_default = options.union_default_graph && from.empty();
  if (!from.empty()) {
    ds.default_graphs = ids(from);
    ds.default_is_empty = ds.default_graphs.empty();
  }
  // With a dataset clause, only the graphs it names as NAMED are named graphs.
  if (!from.empty() || !from_named.empty()) ds.named_graphs = ids(from_named);
  return ds;
}

// Runs the query pattern of any form and hands each solution row (ids) to
// `emit` (for CONSTRUCT: the template variables, for ASK: the visible ones).
// `emit` decodes what it needs through the context's term cache.
template <typename Emit>
Status run_rows(const store::ReadTxn& txn, const ParsedQuery& parsed, const QueryOptions& options,
                QueryProfile* profile, std::vector<std::string>& variables, Emit&& emit) {
  Stopwatch clock;
  algebra::NodePtr tree = algebra::translate(parsed);
  if (parsed.form == QueryForm::Ask) {
    // One solution decides ASK; stop there.
    tree = algebra::Node::make(algebra::Slice{0, 1, std::move(tree)});
  }
  double parse_ms = clock.lap_ms();

  try {
    CardinalityEstimator estimator(txn);
    std::vector<PassTiming> passes = optimize(tree, estimator, options.optimizer);
    double optimize_ms = clock.lap_ms();

    exec::ExecContext ctx(&txn);
    ctx.dataset = dataset_of(txn, parsed, options);
    ctx.base_iri = parsed.base;
    ctx.set_deadline(options.timeout_ms, options.cancel);
    ctx.set_row_limit(options.max_rows_in_memory);
    ctx.exists = [&](const Expression& e, const exec::Row& row) {
      return evaluate_exists(e, row, ctx, options);
    };
    PhysicalPlan plan = plan_query(*tree, ctx, estimator, options.planner);
    double plan_ms = clock.lap_ms();

    variables = plan.output_variables;
    exec::Row row;
    while (plan.root->next(row)) {
      ctx.check_deadline();
      emit(row, ctx);
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
    return {};
  } catch (const exec::QueryStopped& stop) {
    return fail("{}", stop.message);
  } catch (const Error& e) {
    // A storage failure stops this query; the caller reports it.
    return fail("query failed: {}", e.what());
  }
}

}  // namespace

Result<ResultTable> run_table(const store::ReadTxn& txn, const ParsedQuery& parsed,
                              const QueryOptions& options, QueryProfile* profile) {
  ResultTable table;
  Status st = run_rows(txn, parsed, options, profile, table.variables,
                       [&](const exec::Row& row, exec::ExecContext& ctx) {
    ctx.hold_rows();  // the table keeps every row
    auto& out = table.rows.emplace_back();
    out.reserve(row.size());
    for (store::Id id : row) {
      out.push_back(id == store::kNoId ? std::nullopt : std::optional<rdf::Term>(ctx.term(id)));
    }
  });
  if (!st) return st.failure();
  return table;
}

namespace {

// Instantiates the CONSTRUCT template once per solution; blank nodes of the
// template are fresh per solution, and triples with an unbound or invalid
// position (a literal subject, say) are left out (SPARQL 1.1 section 16.2).
ConstructedGraph instantiate(const ParsedQuery& parsed, const ResultTable& table) {
  ConstructedGraph graph;
  std::set<std::string> seen;
  auto value = [&](const PatternTerm& p, const std::vector<std::optional<rdf::Term>>& row,
                   size_t row_index) -> std::optional<rdf::Term> {
    if (!p.is_variable) return p.term;
    if (p.is_blank_variable()) {
      return rdf::Term::blank(fmt::format("c{}_{}", row_index, p.variable.substr(2)));
    }
    for (size_t c = 0; c < table.variables.size(); ++c) {
      if (table.variables[c] == p.variable) return row[c];
    }
    return std::nullopt;
  };
  for (size_t r = 0; r < table.rows.size(); ++r) {
    for (const TriplePattern& t : parsed.construct_template) {
      auto s = value(t.subject, table.rows[r], r);
      auto p = value(t.predicate, table.rows[r], r);
      auto o = value(t.object, table.rows[r], r);
      if (!s || !p || !o || s->is_literal() || !p->is_iri()) continue;
      rdf::Quad q{*s, *p, *o, rdf::Term::iri("")};
      // A graph is a set: the same triple from two solutions appears once.
      if (seen.insert(q.subject.to_ntriples() + q.predicate.to_ntriples() + q.object.to_ntriples())
              .second) {
        graph.push_back(std::move(q));
      }
    }
  }
  return graph;
}

// DESCRIBE: the resources named (IRIs as written, variables as bound in each
// solution), described in the query's default graph.
ConstructedGraph describe(const store::ReadTxn& txn, const ParsedQuery& parsed,
                          const ResultTable& table, const QueryOptions& options) {
  std::vector<rdf::Term> resources;
  for (const PatternTerm& t : parsed.describe_targets) {
    if (!t.is_variable) resources.push_back(t.term);
  }
  for (const auto& row : table.rows) {
    for (const auto& value : row) {
      if (value) resources.push_back(*value);
    }
  }
  exec::ExecContext::Dataset ds = dataset_of(txn, parsed, options);
  DescribeScope scope{ds.default_graphs, ds.union_default, ds.default_is_empty};
  return describe_resources(txn, resources, scope);
}

}  // namespace

Result<ResultTable> run_select(const store::ReadTxn& txn, std::string_view query,
                               const QueryOptions& options, QueryProfile* profile) {
  auto parsed = parse_query(query);
  if (!parsed) return parsed.failure();
  if (parsed->form != QueryForm::Select) {
    return fail("not a SELECT query: use run_query for ASK, CONSTRUCT and DESCRIBE");
  }
  return run_table(txn, *parsed, options, profile);
}

Status select_each(const store::ReadTxn& txn, std::string_view query, const RowVisitor& visit,
                   const QueryOptions& options) {
  auto parsed = parse_query(query);
  if (!parsed) return parsed.failure();
  if (parsed->form != QueryForm::Select) return fail("not a SELECT query");
  std::vector<std::string> variables;
  std::vector<const rdf::Term*> cells;
  return run_rows(txn, *parsed, options, nullptr, variables,
                  [&](const exec::Row& row, exec::ExecContext& ctx) {
    cells.clear();
    for (store::Id id : row) cells.push_back(id == store::kNoId ? nullptr : &ctx.term(id));
    visit(variables, cells);
  });
}

Result<QueryResult> run_query(const store::ReadTxn& txn, std::string_view query,
                              const QueryOptions& options, QueryProfile* profile) {
  auto parsed = parse_query(query);
  if (!parsed) return parsed.failure();
  auto table = run_table(txn, *parsed, options, profile);
  if (!table) return table.failure();
  switch (parsed->form) {
    case QueryForm::Ask:
      return QueryResult(!table->rows.empty());
    case QueryForm::Construct:
      return QueryResult(instantiate(*parsed, *table));
    case QueryForm::Describe:
      try {
        return QueryResult(describe(txn, *parsed, *table, options));
      } catch (const Error& e) {
        return fail("query failed: {}", e.what());
      }
    case QueryForm::Select:
      break;
  }
  return QueryResult(std::move(*table));
}

Status check_query_syntax(std::string_view query) {
  auto parsed = parse_query(query);
  if (!parsed) return parsed.failure();
  return Status::Ok();
}

Result<QueryProfile> explain_select(const store::ReadTxn& txn, std::string_view query,
                                    const QueryOptions& options) {
  QueryProfile profile;
  auto result = run_select(txn, query, options, &profile);
  if (!result) return result.failure();
  return profile;
}

}  // namespace tinykg::sparql
