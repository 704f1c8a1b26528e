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
};
struct Join {
  NodePtr left, right;
};
struct Filter {
  Expression condition;
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
  std::variant<Bgp, Join, Filter, OrderBy, Project, Distinct, Slice> op;

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

// Variables that every solution of `node` binds (with inner joins only, this
// is every variable of its patterns; OPTIONAL will make this smaller).
std::set<std::string> certainly_bound_variables(const Node& node);

// Indented tree, one operator per line; used by EXPLAIN and tests.
std::string to_string(const Node& node);

}  // namespace tinykg::sparql::algebra
