#include "sparql/algebra/translate.h"

namespace tinykg::sparql::algebra {
namespace {

NodePtr translate_group(const GroupPattern& group) {
  NodePtr pattern;
  std::vector<Expression> filters;
  auto join_with = [&](NodePtr next) {
    pattern = pattern ? Node::make(Join{std::move(pattern), std::move(next)}) : std::move(next);
  };
  for (const GroupElement& e : group.elements) {
    switch (e.kind) {
      case GroupElement::Kind::Triples:
        // Adjacent triples blocks (split only by a FILTER) form one BGP.
        if (pattern && pattern->as<Bgp>()) {
          auto& triples = pattern->as<Bgp>()->triples;
          triples.insert(triples.end(), e.triples.begin(), e.triples.end());
        } else {
          join_with(Node::make(Bgp{e.triples, {}}));
        }
        break;
      case GroupElement::Kind::Group:
        join_with(translate_group(e.group.front()));
        break;
      case GroupElement::Kind::Filter:
        filters.push_back(*e.filter);
        break;
    }
  }
  if (!pattern) pattern = Node::make(Bgp{});  // {} has one empty solution
  for (Expression& f : filters) pattern = Node::make(Filter{std::move(f), std::move(pattern)});
  return pattern;
}

}  // namespace

NodePtr translate(const ParsedQuery& query) {
  NodePtr node = translate_group(query.where);
  if (!query.order_by.empty()) {
    OrderBy order;
    for (const OrderCondition& c : query.order_by) {
      order.keys.push_back({c.expression, c.descending});
    }
    order.child = std::move(node);
    node = Node::make(std::move(order));
  }
  std::vector<std::string> variables =
      query.select_all ? query.visible_variables() : query.projection;
  node = Node::make(Project{std::move(variables), std::move(node)});
  if (query.distinct) node = Node::make(Distinct{std::move(node)});
  if (query.offset > 0 || query.limit) {
    node = Node::make(Slice{query.offset, query.limit, std::move(node)});
  }
  return node;
}

}  // namespace tinykg::sparql::algebra
