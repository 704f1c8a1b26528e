#include "sparql/planner/planner.h"

#include <algorithm>
#include <functional>
#include <numeric>

#include "common/error.h"
#include "sparql/exec/distinct.h"
#include "sparql/exec/extend.h"
#include "sparql/exec/group_by.h"
#include "sparql/exec/left_join.h"
#include "sparql/exec/minus.h"
#include "sparql/exec/path_scan.h"
#include "sparql/exec/union.h"
#include "sparql/exec/values.h"
#include "sparql/exec/filter.h"
#include "sparql/exec/hash_join.h"
#include "sparql/exec/index_nested_loop_join.h"
#include "sparql/exec/index_scan.h"
#include "sparql/exec/limit_offset.h"
#include "sparql/exec/project.h"
#include "sparql/exec/single_row.h"
#include "sparql/exec/sort.h"
#include "sparql/planner/join_cost.h"

namespace tinykg::sparql {
namespace {

using exec::OperatorPtr;

// Every variable in patterns and expressions gets a slot, so expressions
// over variables that no pattern binds simply see "unbound".
void collect_variables(const algebra::Node& node, exec::VariableLayout& layout) {
  auto add_expression = [&](const Expression& e) {
    for (const std::string& v : e.variables()) layout.add(v);
  };
  std::visit(
      [&](const auto& op) {
        using T = std::decay_t<decltype(op)>;
        if constexpr (std::is_same_v<T, algebra::Bgp>) {
          if (op.graph && op.graph->is_variable) layout.add(op.graph->variable);
          for (const TriplePattern& t : op.triples) {
            for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
              if (p->is_variable) layout.add(p->variable);
            }
          }
          for (const Expression& f : op.filters) add_expression(f);
        } else if constexpr (std::is_same_v<T, algebra::Filter>) {
          add_expression(op.condition);
        } else if constexpr (std::is_same_v<T, algebra::OrderBy>) {
          for (const algebra::OrderKey& k : op.keys) add_expression(k.expression);
        } else if constexpr (std::is_same_v<T, algebra::LeftJoin>) {
          if (op.condition) add_expression(*op.condition);
        } else if constexpr (std::is_same_v<T, algebra::Extend>) {
          layout.add(op.variable);
          add_expression(op.expression);
        } else if constexpr (std::is_same_v<T, algebra::Values>) {
          for (const std::string& v : op.data.variables) layout.add(v);
        } else if constexpr (std::is_same_v<T, algebra::PathPattern>) {
          for (const PatternTerm* t : {&op.subject, &op.object}) {
            if (t->is_variable) layout.add(t->variable);
          }
        } else if constexpr (std::is_same_v<T, algebra::GraphNames>) {
          for (const std::string& v : op.variables) layout.add(v);
        } else if constexpr (std::is_same_v<T, algebra::Group>) {
          for (const auto& [e, v] : op.keys) {
            add_expression(e);
            layout.add(v);
          }
          for (const algebra::GroupAggregate& a : op.aggregates) {
            add_expression(a.aggregate);
            layout.add(a.variable);
          }
        } else if constexpr (std::is_same_v<T, algebra::Project>) {
          for (const std::string& v : op.variables) layout.add(v);
        }
      },
      node.op);
  algebra::for_each_child(const_cast<algebra::Node&>(node),
                          [&](const algebra::NodePtr& child) { collect_variables(*child, layout); });
}

class Planner {
 public:
  Planner(exec::ExecContext& ctx, CardinalityEstimator& estimator, const PlannerOptions& options)
      : ctx_(ctx), estimator_(estimator), options_(options) {}

  PhysicalPlan plan(const algebra::Node& root) {
    collect_variables(root, plan_.layout);
    plan_.root = plan_node(root);
    return std::move(plan_);
  }

 private:
  OperatorPtr plan_node(const algebra::Node& node) {
    return std::visit([&](const auto& op) { return plan_op(op); }, node.op);
  }

  Expression resolve(Expression e) const {
    if (e.kind == ExprKind::Variable) e.slot = plan_.layout.slot_of(e.name);
    for (Expression& a : e.args) a = resolve(std::move(a));
    return e;
  }

  exec::PatternSlot slot_for(const PatternTerm& t, bool& matches_nothing) {
    exec::PatternSlot s;
    s.label = t.to_string();
    if (t.is_variable) {
      s.slot = plan_.layout.slot_of(t.variable);
    } else if (auto id = estimator_.id_of(t.term)) {
      s.constant = *id;
    } else {
      matches_nothing = true;
    }
    return s;
  }

  exec::ScanPattern scan_pattern(const TriplePattern& t) {
    exec::ScanPattern p;
    p.subject = slot_for(t.subject, p.matches_nothing);
    p.predicate = slot_for(t.predicate, p.matches_nothing);
    p.object = slot_for(t.object, p.matches_nothing);
    const exec::ExecContext::Dataset& ds = ctx_.dataset;
    if (!graph_) {
      // The default graph: the store's, the merge of the FROM graphs, or
      // (by option) the merge of all graphs.
      if (ds.default_is_empty) {
        p.matches_nothing = true;
      } else if (ds.union_default) {
        p.merges_graphs = true;
      } else if (ds.default_graphs.size() == 1) {
        p.graph.constant = ds.default_graphs.front();
      } else if (ds.default_graphs.empty()) {
        p.graph.constant = store::kDefaultGraph;
      } else {
        p.graphs = ds.default_graphs;
        p.merges_graphs = true;
      }
      return p;
    }
    // GRAPH g { }: the named graphs only.
    p.graph = slot_for(*graph_, p.matches_nothing);
    if (ds.named_graphs) {
      p.graphs = *ds.named_graphs;
      if (p.graphs.empty()) p.matches_nothing = true;
    } else {
      p.exclude_default_graph = true;
    }
    if (!p.graph.is_variable() && !p.accepts_graph(store::IdQuad{0, 0, 0, p.graph.constant})) {
      p.matches_nothing = true;
    }
    return p;
  }

  OperatorPtr plan_op(const algebra::Bgp& bgp) { return plan_bgp(bgp, nullptr, {}); }

  // A Bgp, optionally driven by `seed` (rows binding `seed_vars`, e.g. a
  // small VALUES): the patterns connected to those variables then start
  // from the seed's rows with bind joins instead of from an index scan.
  OperatorPtr plan_bgp(const algebra::Bgp& bgp, OperatorPtr seed,
                       const std::set<std::string>& seed_vars) {
    graph_ = bgp.graph;
    const size_t n = bgp.triples.size();
    std::vector<bool> placed(bgp.filters.size(), false);
    // Adds every not-yet-placed filter whose variables are all in `bound`.
    auto place_filters = [&](OperatorPtr op, const std::set<std::string>& bound) {
      std::vector<Expression> ready;
      for (size_t i = 0; i < bgp.filters.size(); ++i) {
        if (placed[i]) continue;
        std::set<std::string> needed = bgp.filters[i].variables();
        if (std::includes(bound.begin(), bound.end(), needed.begin(), needed.end())) {
          placed[i] = true;
          ready.push_back(resolve(bgp.filters[i]));
        }
      }
      if (ready.empty()) return op;
      return OperatorPtr(std::make_unique<exec::Filter>(ctx_, std::move(op), std::move(ready)));
    };

    // Connected components over shared variables, in join_order's order.
    std::vector<size_t> component(n);
    std::iota(component.begin(), component.end(), size_t{0});
    std::function<size_t(size_t)> find = [&](size_t i) {
      return component[i] == i ? i : component[i] = find(component[i]);
    };
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        if (share_variable(bgp.triples[i], bgp.triples[j])) component[find(j)] = find(i);
      }
    }
    // The seed joins every component that uses one of its variables.
    size_t seeded = n;
    for (size_t i = 0; seed && i < n; ++i) {
      if (!uses_any(bgp.triples[i], seed_vars)) continue;
      if (seeded == n) seeded = i;
      else component[find(i)] = find(seeded);
    }

    OperatorPtr result;
    std::set<std::string> result_bound;
    std::vector<bool> done(n, false);
    for (size_t start = 0; start < n; ++start) {
      if (done[start]) continue;
      OperatorPtr chain;
      std::set<std::string> bound;
      if (seeded < n && find(start) == find(seeded)) {
        chain = std::move(seed);
        bound = seed_vars;
      }
      // Next pattern: the first (in join order) that shares a variable with
      // the chain, so every step is a bind join. With join_order on, that is
      // simply the next one.
      auto next_in_chain = [&]() -> size_t {
        size_t first = n;
        for (size_t i = start; i < n; ++i) {
          if (done[i] || find(i) != find(start)) continue;
          if (first == n) first = i;
          for (const PatternTerm* p :
               {&bgp.triples[i].subject, &bgp.triples[i].predicate, &bgp.triples[i].object}) {
            if (p->is_variable && bound.count(p->variable)) return i;
          }
        }
        return first;
      };
      for (size_t i = next_in_chain(); i < n; i = next_in_chain()) {
        done[i] = true;
        const TriplePattern& t = bgp.triples[i];
        double per_binding = estimator_.estimate(t, bound);
        if (!chain) {
          chain = std::make_unique<exec::IndexScan>(ctx_, scan_pattern(t), plan_.layout.width(),
                                                    per_binding);
        } else {
          chain = join_step(std::move(chain), t, bound, per_binding);
        }
        add_variables(t, bound);
        if (graph_ && graph_->is_variable) bound.insert(graph_->variable);
        chain = place_filters(std::move(chain), bound);
      }
      if (!result) {
        result = std::move(chain);
      } else {
        result = make_hash_join(std::move(result), std::move(chain), {});  // cross product
      }
      result_bound.insert(bound.begin(), bound.end());
      if (start > 0) result = place_filters(std::move(result), result_bound);
    }
    if (!result) result = seed ? std::move(seed) : std::make_unique<exec::SingleRow>(plan_.layout.width());
    // Filters that no pattern variable set covers (e.g. over unbound ones).
    std::vector<Expression> rest;
    for (size_t i = 0; i < bgp.filters.size(); ++i) {
      if (!placed[i]) rest.push_back(resolve(bgp.filters[i]));
    }
    if (!rest.empty())
      result = std::make_unique<exec::Filter>(ctx_, std::move(result), std::move(rest));
    return result;
  }

  // One step of a chain: a bind join (one index lookup per input row), or,
  // when the input is much larger than the pattern itself, a hash join with
  // a single scan of the pattern (e.g. checking 150k subsystems against 33k
  // accelerometers is cheaper in memory than with 150k lookups).
  OperatorPtr join_step(OperatorPtr chain, const TriplePattern& t,
                        const std::set<std::string>& bound, double per_binding) {
    const double input = chain->estimated_rows();
    const double whole_pattern = estimator_.estimate(t, {});
    const double estimate = input * per_binding;
    if (!options_.hash_join_steps || !prefer_hash_join(input, whole_pattern)) {
      // Only an exactly counted pattern may switch to a sorted table at run time.
      const uint64_t pattern_rows =
          options_.adaptive_bind_joins ? estimator_.exact_count(t).value_or(0) : 0;
      return std::make_unique<exec::IndexNestedLoopJoin>(ctx_, std::move(chain), scan_pattern(t),
                                                         estimate, pattern_rows);
    }
    std::vector<int> slots;
    std::set<std::string> shared;
    for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
      if (p->is_variable && bound.count(p->variable)) shared.insert(p->variable);
    }
    for (const std::string& v : shared) slots.push_back(plan_.layout.slot_of(v));
    OperatorPtr scan = std::make_unique<exec::IndexScan>(ctx_, scan_pattern(t),
                                                         plan_.layout.width(), whole_pattern);
    return std::make_unique<exec::HashJoin>(ctx_, std::move(chain), std::move(scan), std::move(slots),
                                            std::vector<std::string>(shared.begin(), shared.end()),
                                            estimate);
  }

  static bool share_variable(const TriplePattern& a, const TriplePattern& b) {
    for (const PatternTerm* x : {&a.subject, &a.predicate, &a.object}) {
      if (!x->is_variable) continue;
      for (const PatternTerm* y : {&b.subject, &b.predicate, &b.object}) {
        if (y->is_variable && x->variable == y->variable) return true;
      }
    }
    return false;
  }

  static bool uses_any(const TriplePattern& t, const std::set<std::string>& vars) {
    for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
      if (p->is_variable && vars.count(p->variable)) return true;
    }
    return false;
  }

  static void add_variables(const TriplePattern& t, std::set<std::string>& bound) {
    for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
      if (p->is_variable) bound.insert(p->variable);
    }
  }

  OperatorPtr make_hash_join(OperatorPtr left, OperatorPtr right,
                             const std::set<std::string>& shared) {
    std::vector<int> slots;
    for (const std::string& v : shared) slots.push_back(plan_.layout.slot_of(v));
    double l = left->estimated_rows(), r = right->estimated_rows();
    double estimate = slots.empty() ? l * r : std::min(l * r, std::max(l, r));
    // The smaller input is the build side (kept in memory).
    if (r > l) std::swap(left, right);
    return std::make_unique<exec::HashJoin>(ctx_, std::move(left), std::move(right), std::move(slots),
                                            std::vector<std::string>(shared.begin(), shared.end()),
                                            estimate);
  }

  OperatorPtr plan_op(const algebra::Join& join) {
    // {} joined with anything is that thing (groups starting with OPTIONAL,
    // BIND or VALUES translate to Join(Bgp{}, ...)).
    if (auto* b = join.left->as<algebra::Bgp>(); b && b->triples.empty() && b->filters.empty()) {
      return plan_node(*join.right);
    }
    if (OperatorPtr driven = plan_values_join(*join.left, *join.right)) return driven;
    if (OperatorPtr driven = plan_values_join(*join.right, *join.left)) return driven;
    std::set<std::string> shared;
    std::set<std::string> left = algebra::certainly_bound_variables(*join.left);
    for (const std::string& v : algebra::certainly_bound_variables(*join.right)) {
      if (left.count(v)) shared.insert(v);
    }
    return make_hash_join(plan_node(*join.left), plan_node(*join.right), shared);
  }

  // VALUES ⋈ P with few VALUES rows: the rows are fed into P's patterns
  // (sideways information passing) rather than P being evaluated whole and
  // hash joined; a page of 50 devices then costs 50 lookups per pattern, not
  // a scan of the fleet. Pushed through Union (⋈ distributes over ∪),
  // Filter, the left of OPTIONAL and one side of a Join, into every Bgp that
  // binds all the VALUES variables itself, so no expression sees a binding
  // it would not have had. Null when P has no such shape or VALUES is larger.
  OperatorPtr plan_values_join(const algebra::Node& values_node, const algebra::Node& other) {
    const auto* values = values_node.as<algebra::Values>();
    if (!options_.values_drive_joins || !values || values->data.variables.empty()) return nullptr;
    std::set<std::string> vars(values->data.variables.begin(), values->data.variables.end());
    if (algebra::certainly_bound_variables(values_node) != vars) return nullptr;  // UNDEF
    if (!drivable(other, vars)) return nullptr;
    // The estimate of P alone, from a plan that is then dropped (planning
    // is cheap; only its bookkeeping of the query's projection must stay).
    const bool seen_project = seen_project_;
    const std::vector<std::string> output = plan_.output_variables;
    const double other_rows = plan_node(other)->estimated_rows();
    seen_project_ = seen_project;
    plan_.output_variables = output;
    if (double(values->data.rows.size()) >= other_rows) return nullptr;
    return plan_driven(other, values_node, vars);
  }

  // Whether plan_driven can push a VALUES binding `vars` into `node`.
  static bool drivable(const algebra::Node& node, const std::set<std::string>& vars) {
    if (const auto* b = node.as<algebra::Bgp>()) {
      std::set<std::string> own;
      for (const TriplePattern& t : b->triples) add_variables(t, own);
      return std::includes(own.begin(), own.end(), vars.begin(), vars.end());
    }
    if (const auto* u = node.as<algebra::Union>()) {
      return drivable(*u->left, vars) && drivable(*u->right, vars);
    }
    if (const auto* f = node.as<algebra::Filter>()) return drivable(*f->child, vars);
    if (const auto* j = node.as<algebra::LeftJoin>()) return drivable(*j->left, vars);
    if (const auto* j = node.as<algebra::Join>()) {
      return drivable(*j->left, vars) || drivable(*j->right, vars);
    }
    return false;
  }

  OperatorPtr plan_driven(const algebra::Node& node, const algebra::Node& values,
                          const std::set<std::string>& vars) {
    if (const auto* b = node.as<algebra::Bgp>()) return plan_bgp(*b, plan_node(values), vars);
    if (const auto* u = node.as<algebra::Union>()) {
      return std::make_unique<exec::Union>(plan_driven(*u->left, values, vars),
                                           plan_driven(*u->right, values, vars));
    }
    if (const auto* f = node.as<algebra::Filter>()) {
      std::vector<Expression> conditions;
      conditions.push_back(resolve(f->condition));
      return std::make_unique<exec::Filter>(ctx_, plan_driven(*f->child, values, vars),
                                            std::move(conditions));
    }
    if (const auto* j = node.as<algebra::LeftJoin>()) {
      std::vector<int> keys = shared_certain_slots(*j->left, *j->right);
      std::optional<Expression> condition;
      if (j->condition) condition = resolve(*j->condition);
      return std::make_unique<exec::LeftJoin>(ctx_, plan_driven(*j->left, values, vars),
                                              plan_node(*j->right), std::move(keys),
                                              std::move(condition));
    }
    const auto& j = std::get<algebra::Join>(node.op);
    const bool left = drivable(*j.left, vars);
    const algebra::Node& driven = left ? *j.left : *j.right;
    const algebra::Node& rest = left ? *j.right : *j.left;
    std::set<std::string> shared, driven_vars = algebra::certainly_bound_variables(driven);
    for (const std::string& v : algebra::certainly_bound_variables(rest)) {
      if (driven_vars.count(v)) shared.insert(v);
    }
    return make_hash_join(plan_driven(driven, values, vars), plan_node(rest), shared);
  }

  OperatorPtr plan_op(const algebra::Filter& filter) {
    std::vector<Expression> conditions;
    conditions.push_back(resolve(filter.condition));
    return std::make_unique<exec::Filter>(ctx_, plan_node(*filter.child), std::move(conditions));
  }

  OperatorPtr plan_op(const algebra::OrderBy& order) {
    std::vector<exec::SortKey> keys;
    for (const algebra::OrderKey& k : order.keys) {
      keys.push_back({resolve(k.expression), k.descending});
    }
    return std::make_unique<exec::Sort>(ctx_, plan_node(*order.child), std::move(keys));
  }

  OperatorPtr plan_op(const algebra::Project& project) {
    std::vector<int> slots;
    for (const std::string& v : project.variables) slots.push_back(plan_.layout.slot_of(v));
    // The first Project met from the root is the query's; deeper ones belong
    // to subqueries and keep the full row width.
    const bool top = !seen_project_;
    seen_project_ = true;
    if (top) plan_.output_variables = project.variables;
    return std::make_unique<exec::Project>(plan_node(*project.child), std::move(slots),
                                           project.variables, !top);
  }

  std::vector<int> shared_certain_slots(const algebra::Node& a, const algebra::Node& b) {
    std::vector<int> slots;
    std::set<std::string> left = algebra::certainly_bound_variables(a);
    for (const std::string& v : algebra::certainly_bound_variables(b)) {
      if (left.count(v)) slots.push_back(plan_.layout.slot_of(v));
    }
    return slots;
  }

  OperatorPtr plan_op(const algebra::LeftJoin& join) {
    std::vector<int> keys = shared_certain_slots(*join.left, *join.right);
    std::optional<Expression> condition;
    if (join.condition) condition = resolve(*join.condition);
    return std::make_unique<exec::LeftJoin>(ctx_, plan_node(*join.left), plan_node(*join.right),
                                            std::move(keys), std::move(condition));
  }

  OperatorPtr plan_op(const algebra::Union& u) {
    return std::make_unique<exec::Union>(plan_node(*u.left), plan_node(*u.right));
  }

  OperatorPtr plan_op(const algebra::Minus& m) {
    std::vector<int> hidden;
    for (size_t i = 0; i < plan_.layout.width(); ++i) {
      if (plan_.layout.name(static_cast<int>(i)).rfind(".g", 0) == 0) {
        hidden.push_back(static_cast<int>(i));
      }
    }
    return std::make_unique<exec::Minus>(ctx_, plan_node(*m.left), plan_node(*m.right),
                                         std::move(hidden));
  }

  OperatorPtr plan_op(const algebra::PathPattern& p) {
    auto end = [&](const PatternTerm& t) {
      exec::PathEnd e;
      e.label = t.to_string();
      // A constant end the store lacks still matches itself at length zero.
      if (t.is_variable) e.slot = plan_.layout.slot_of(t.variable);
      else e.constant = ctx_.intern(t.term);
      return e;
    };
    // Paths read one graph: the GRAPH constant, the single default graph,
    // or (approximation for merged datasets and GRAPH ?g) all graphs.
    const auto& ds = ctx_.dataset;
    store::Id graph = store::kNoId;
    if (p.graph && !p.graph->is_variable) {
      graph = estimator_.id_of(p.graph->term).value_or(store::kNoId);
    } else if (!p.graph && !ds.union_default) {
      graph = ds.default_graphs.size() == 1 ? ds.default_graphs.front()
              : ds.default_graphs.empty()   ? store::kDefaultGraph
                                            : store::kNoId;
    }
    return std::make_unique<exec::PathScan>(ctx_, end(p.subject), p.path, end(p.object), graph,
                                            plan_.layout.width());
  }

  OperatorPtr plan_op(const algebra::GraphNames& g) {
    const auto& named = ctx_.dataset.named_graphs;
    std::vector<exec::Row> rows;
    for (store::Id id : ctx_.txn().graphs()) {
      if (id == store::kDefaultGraph) continue;
      if (named && std::find(named->begin(), named->end(), id) == named->end()) continue;
      exec::Row row(plan_.layout.width(), store::kNoId);
      for (const std::string& v : g.variables) row[static_cast<size_t>(plan_.layout.slot_of(v))] = id;
      rows.push_back(std::move(row));
    }
    return std::make_unique<exec::Values>(std::move(rows));
  }

  OperatorPtr plan_op(const algebra::Extend& e) {
    return std::make_unique<exec::Extend>(ctx_, plan_node(*e.child),
                                          plan_.layout.slot_of(e.variable), e.variable,
                                          resolve(e.expression));
  }

  OperatorPtr plan_op(const algebra::Values& v) {
    std::vector<exec::Row> rows;
    for (const auto& data_row : v.data.rows) {
      exec::Row row(plan_.layout.width(), store::kNoId);
      for (size_t c = 0; c < data_row.size(); ++c) {
        if (data_row[c]) {
          row[static_cast<size_t>(plan_.layout.slot_of(v.data.variables[c]))] =
              ctx_.intern(*data_row[c]);
        }
      }
      rows.push_back(std::move(row));
    }
    return std::make_unique<exec::Values>(std::move(rows));
  }

  OperatorPtr plan_op(const algebra::Group& g) {
    std::vector<exec::GroupKey> keys;
    for (const auto& [e, v] : g.keys) keys.push_back({resolve(e), plan_.layout.slot_of(v)});
    std::vector<exec::AggregateSpec> aggregates;
    for (const algebra::GroupAggregate& a : g.aggregates) {
      aggregates.push_back({resolve(a.aggregate), plan_.layout.slot_of(a.variable)});
    }
    return std::make_unique<exec::GroupBy>(ctx_, plan_node(*g.child), std::move(keys),
                                           std::move(aggregates), plan_.layout.width());
  }

  OperatorPtr plan_op(const algebra::Distinct& distinct) {
    return std::make_unique<exec::Distinct>(ctx_, plan_node(*distinct.child));
  }

  OperatorPtr plan_op(const algebra::Slice& slice) {
    return std::make_unique<exec::LimitOffset>(plan_node(*slice.child), slice.offset, slice.limit);
  }

  exec::ExecContext& ctx_;
  CardinalityEstimator& estimator_;
  PlannerOptions options_;
  PhysicalPlan plan_;
  bool seen_project_ = false;
  std::optional<PatternTerm> graph_;  // GRAPH of the Bgp being planned
};

}  // namespace

PhysicalPlan plan_query(const algebra::Node& root, exec::ExecContext& ctx,
                        CardinalityEstimator& estimator, const PlannerOptions& options) {
  PhysicalPlan plan = Planner(ctx, estimator, options).plan(root);
  TINYKG_ASSERT(!plan.output_variables.empty() || plan.root != nullptr,
                "a SELECT plan always has a projection");
  return plan;
}

}  // namespace tinykg::sparql
