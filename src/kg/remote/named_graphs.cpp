#include "kg/remote/named_graphs.h"

namespace tinykg::kg::remote {
namespace {

void add_graph(const sparql::PatternTerm& graph, NamedGraphs& out) {
  if (graph.is_variable) {
    out.variable = true;
  } else if (graph.term.is_iri()) {
    out.iris.insert(graph.term.value);
  }
}

void collect(const sparql::GroupPattern& group, NamedGraphs& out);

void collect(const sparql::Expression& e, NamedGraphs& out) {
  if (e.kind == sparql::ExprKind::Exists && e.pattern) collect(*e.pattern, out);
  for (const sparql::Expression& arg : e.args) collect(arg, out);
}

void collect(const sparql::GroupPattern& group, NamedGraphs& out) {
  using Kind = sparql::GroupElement::Kind;
  for (const sparql::GroupElement& el : group.elements) {
    if (el.kind == Kind::Graph) add_graph(el.graph, out);
    for (const sparql::GroupPattern& inner : el.group) collect(inner, out);
    if (el.filter) collect(*el.filter, out);
    if (el.subquery) collect(el.subquery->where, out);
  }
}

}  // namespace

NamedGraphs named_graphs_of(const sparql::ParsedQuery& query) {
  NamedGraphs out;
  collect(query.where, out);
  return out;
}

NamedGraphs named_graphs_of(const sparql::ParsedUpdate& update) {
  using Kind = sparql::UpdateOperation::Kind;
  NamedGraphs out;
  for (const sparql::UpdateOperation& op : update.operations) {
    collect(op.where, out);
    if (op.kind != Kind::DeleteWhere) continue;
    for (const sparql::QuadPattern& q : op.remove) {
      if (q.graph) add_graph(*q.graph, out);
    }
  }
  return out;
}

}  // namespace tinykg::kg::remote
