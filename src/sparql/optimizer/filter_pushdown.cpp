#include "sparql/optimizer/filter_pushdown.h"

#include <algorithm>

namespace tinykg::sparql {
namespace {

using algebra::Node;
using algebra::NodePtr;

bool covered_by(const std::set<std::string>& needed, const std::set<std::string>& bound) {
  return std::includes(bound.begin(), bound.end(), needed.begin(), needed.end());
}

// Tries to place `conjunct` inside `node`; false if it must stay above it.
bool push_into(Node& node, Expression& conjunct, const std::set<std::string>& needed) {
  if (auto* bgp = node.as<algebra::Bgp>()) {
    if (!covered_by(needed, algebra::certainly_bound_variables(node))) return false;
    bgp->filters.push_back(std::move(conjunct));
    return true;
  }
  if (auto* join = node.as<algebra::Join>()) {
    for (NodePtr* side : {&join->left, &join->right}) {
      if (covered_by(needed, algebra::certainly_bound_variables(**side)) &&
          push_into(**side, conjunct, needed)) {
        return true;
      }
    }
    return false;
  }
  if (auto* filter = node.as<algebra::Filter>()) return push_into(*filter->child, conjunct, needed);
  return false;
}

void rewrite(NodePtr& node) {
  if (auto* filter = node->as<algebra::Filter>()) {
    rewrite(filter->child);
    NodePtr child = std::move(filter->child);
    std::vector<Expression> kept;
    for (Expression& c : split_conjunction(std::move(filter->condition))) {
      std::set<std::string> needed = c.variables();
      if (!push_into(*child, c, needed)) kept.push_back(std::move(c));
    }
    for (Expression& c : kept) child = Node::make(algebra::Filter{std::move(c), std::move(child)});
    node = std::move(child);
    return;
  }
  algebra::for_each_child(*node, [](NodePtr& child) { rewrite(child); });
}

}  // namespace

void push_down_filters(algebra::NodePtr& root) { rewrite(root); }

}  // namespace tinykg::sparql
