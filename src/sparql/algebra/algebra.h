// The SPARQL algebra (SPARQL 1.1 section 18): the logical plan.
//
// A query becomes a tree of operators: Slice(Distinct(Project(OrderBy(
// Filter(Join(Bgp, Bgp)))))). Optimizer passes rewrite this tree; the planner
// turns it into physical operators (exec/). Nothing here touches the store.
//
// Bgp carries `filters`: conditions that the filter_pushdown pass moved into
// the pattern because every variable they mention is bound by it. The
// planner evaluates each one right after the join step that binds its last
// variable, so rows are dropped as early as possible.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "sparql/algebra/expression.h"
#include "sparql/parser/parsed_query.h"

namespace tinykg::sparql::algebra {

struct Node;
using NodePtr = std::unique_ptr<Node>;

struct Bgp {
  std::vector<TriplePattern> triples;
  std::vector<Expression> filters;  // conjunctive; see header comment
  // Inside GRAPH g { }: the graph (variable or IRI); none for the default graph.
  std::optional<PatternTerm> graph;
};
struct Join {
  NodePtr left, right;
};
struct Filter {
  Expression condition;
  NodePtr child;
};
// OPTIONAL: every left solution, extended by the compatible right ones that
// satisfy `condition` (the FILTERs of the optional group) when there are any.
struct LeftJoin {
  NodePtr left, right;
  std::optional<Expression> condition;
};
struct Union {
  NodePtr left, right;
};
// MINUS: left solutions with no compatible right solution sharing a variable.
struct Minus {
  NodePtr left, right;
};
// BIND / SELECT (expr AS ?v): binds `variable`; an error leaves it unbound.
struct Extend {
  std::string variable;
  Expression expression;
  NodePtr child;
};
// A property path with * + ? or a negated property set between two terms
// (the rest of path syntax is rewritten into Bgp and Union by translate).
struct PathPattern {
  PatternTerm subject, object;
  std::shared_ptr<const PropertyPath> path;
  std::optional<PatternTerm> graph;  // as Bgp::graph
};
// The named graphs of the dataset, each binding all `variables` (GRAPH ?g
// joins its pattern with this; see translate.cpp).
struct GraphNames {
  std::vector<std::string> variables;
};
// VALUES: a constant table.
struct Values {
  InlineData data;
};
// GROUP BY + aggregates: one row per group with the key variables and one
// variable per aggregate (named by translate, e.g. ".agg0").
struct GroupAggregate {
  std::string variable;
  Expression aggregate;  // kind Aggregate
};
struct Group {
  std::vector<std::pair<Expression, std::string>> keys;  // expression, variable bound to it
  std::vector<GroupAggregate> aggregates;
  NodePtr child;
};
struct OrderKey {
  Expression expression;
  bool descending = false;
};
struct OrderBy {
  std::vector<OrderKey> keys;
  NodePtr child;
};
struct Project {
  std::vector<std::string> variables;
  NodePtr child;
};
struct Distinct {
  NodePtr child;
};
struct Slice {
  uint64_t offset = 0;
  std::optional<uint64_t> limit;
  NodePtr child;
};

struct Node {
  std::variant<Bgp, Join, Filter, OrderBy, Project, Distinct, Slice, LeftJoin, Union, Minus, Extend,
               Values, Group, GraphNames, PathPattern>
      op;

  template <typename T>
  static NodePtr make(T op) {
    auto n = std::make_unique<Node>();
    n->op = std::move(op);
    return n;
  }
  template <typename T>
  T* as() {
    return std::get_if<T>(&op);
  }
  template <typename T>
  const T* as() const {
    return std::get_if<T>(&op);
  }
};

// Calls f(NodePtr&) for each direct child of `node` (none for Bgp, Values).
template <typename F>
void for_each_child(Node& node, F&& f) {
  std::visit(
      [&](auto& op) {
        if constexpr (requires { op.left; }) {
          f(op.left);
          f(op.right);
        } else if constexpr (requires { op.child; }) {
          f(op.child);
        }
      },
      node.op);
}

// Variables that every solution of `node` binds (with inner joins only, this
// is every variable of its patterns; OPTIONAL will make this smaller).
std::set<std::string> certainly_bound_variables(const Node& node);

// Indented tree, one operator per line; used by EXPLAIN and tests.
std::string to_string(const Node& node);

}  // namespace tinykg::sparql::algebra
