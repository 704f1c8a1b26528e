#include "sparql/optimizer/join_order.h"

#include <limits>

namespace tinykg::sparql {
namespace {

std::vector<const PatternTerm*> variables_of(const TriplePattern& t) {
  std::vector<const PatternTerm*> out;
  for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
    if (p->is_variable) out.push_back(p);
  }
  return out;
}

bool shares_variable(const TriplePattern& t, const std::set<std::string>& bound) {
  for (const PatternTerm* p : variables_of(t)) {
    if (bound.count(p->variable)) return true;
  }
  return false;
}

void visit(algebra::Node& node, CardinalityEstimator& estimator) {
  if (auto* bgp = node.as<algebra::Bgp>()) {
    std::set<std::string> filter_variables;
    for (const Expression& f : bgp->filters) f.collect_variables(filter_variables);
    bgp->triples = greedy_join_order(std::move(bgp->triples), estimator, filter_variables);
    return;
  }
  algebra::for_each_child(node, [&](algebra::NodePtr& child) { visit(*child, estimator); });
}

}  // namespace

std::vector<TriplePattern> greedy_join_order(std::vector<TriplePattern> patterns,
                                             CardinalityEstimator& estimator,
                                             const std::set<std::string>& filter_variables) {
  std::vector<TriplePattern> ordered;
  std::vector<bool> used(patterns.size(), false);
  std::set<std::string> bound;
  // A pattern is "dangling" when every variable it would newly bind is used
  // by no other remaining pattern and no filter (e.g. ?m schema:name ?name).
  // It cannot shrink the result, so it runs last, on the fewest rows.
  auto dangling = [&](size_t i) {
    bool binds_new = false;
    for (const PatternTerm* p : variables_of(patterns[i])) {
      if (bound.count(p->variable)) continue;
      binds_new = true;
      if (filter_variables.count(p->variable)) return false;
      for (size_t j = 0; j < patterns.size(); ++j) {
        if (j == i || used[j]) continue;
        for (const PatternTerm* q : variables_of(patterns[j])) {
          if (q->variable == p->variable) return false;
        }
      }
    }
    return binds_new;
  };
  for (size_t step = 0; step < patterns.size(); ++step) {
    bool any_connected = false;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (!used[i] && shares_variable(patterns[i], bound)) any_connected = true;
    }
    size_t best = patterns.size();
    std::pair<bool, double> best_key{true, std::numeric_limits<double>::infinity()};
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (used[i] || (any_connected && !shares_variable(patterns[i], bound))) continue;
      double e = estimator.estimate(patterns[i], bound);
      std::pair<bool, double> key{e >= 1 && dangling(i), e};
      if (best == patterns.size() || key < best_key) {  // ties keep the query's order
        best_key = key;
        best = i;
      }
    }
    used[best] = true;
    for (const PatternTerm* p : variables_of(patterns[best])) bound.insert(p->variable);
    ordered.push_back(std::move(patterns[best]));
  }
  return ordered;
}

void order_joins(algebra::NodePtr& root, CardinalityEstimator& estimator) {
  visit(*root, estimator);
}

}  // namespace tinykg::sparql
