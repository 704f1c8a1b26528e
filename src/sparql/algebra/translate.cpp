#include "sparql/algebra/translate.h"

#include <algorithm>

namespace tinykg::sparql::algebra {
namespace {

class Translator {
 public:
  // `graph`: for a subquery inside GRAPH g, the graph its patterns read.
  NodePtr query(const ParsedQuery& q, const std::optional<PatternTerm>& graph = std::nullopt) {
    NodePtr node = group(q.where, graph);
    if (q.values) node = Node::make(Join{std::move(node), Node::make(Values{*q.values})});

    std::vector<std::optional<Expression>> projection_expressions = q.projection_expressions;
    std::vector<Expression> having = q.having;
    std::vector<OrderCondition> order_by = q.order_by;
    bool aggregated = !q.group_by.empty() || !having.empty();
    for (const auto& e : projection_expressions) aggregated |= e && e->has_aggregate();
    for (const auto& o : order_by) aggregated |= o.expression.has_aggregate();
    if (aggregated) {
      // SPARQL 18.2.4.1: Group, then aggregates computed per group; the
      // expressions above refer to them as variables.
      Group g;
      for (size_t i = 0; i < q.group_by.size(); ++i) {
        const auto& [e, alias] = q.group_by[i];
        std::string var = !alias.empty()                ? alias
                          : e.kind == ExprKind::Variable ? e.name
                                                         : ".key" + std::to_string(counter_++);
        g.keys.emplace_back(e, var);
      }
      for (auto& e : projection_expressions) {
        if (e) extract_aggregates(*e, g.aggregates);
      }
      for (Expression& e : having) extract_aggregates(e, g.aggregates);
      for (OrderCondition& o : order_by) extract_aggregates(o.expression, g.aggregates);
      g.child = std::move(node);
      node = Node::make(std::move(g));
      for (Expression& e : having) node = Node::make(Filter{std::move(e), std::move(node)});
    }
    for (size_t i = 0; i < q.projection.size(); ++i) {
      if (i < projection_expressions.size() && projection_expressions[i]) {
        node = Node::make(Extend{q.projection[i], *projection_expressions[i], std::move(node)});
      }
    }
    if (!order_by.empty()) {
      OrderBy order;
      for (const OrderCondition& c : order_by) order.keys.push_back({c.expression, c.descending});
      order.child = std::move(node);
      node = Node::make(std::move(order));
    }
    std::vector<std::string> variables;
    if (q.form == QueryForm::Construct) {
      for (const TriplePattern& t : q.construct_template) {
        for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
          if (p->is_variable && !p->is_blank_variable() &&
              std::find(variables.begin(), variables.end(), p->variable) == variables.end()) {
            variables.push_back(p->variable);
          }
        }
      }
    } else if (q.form == QueryForm::Describe && !q.select_all) {
      for (const PatternTerm& t : q.describe_targets) {
        if (t.is_variable) variables.push_back(t.variable);
      }
    } else {
      variables = q.select_all ? q.visible_variables() : q.projection;
    }
    node = Node::make(Project{std::move(variables), std::move(node)});
    if (q.distinct) node = Node::make(Distinct{std::move(node)});
    if (q.offset > 0 || q.limit) node = Node::make(Slice{q.offset, q.limit, std::move(node)});
    return node;
  }

 private:
  // Replaces each aggregate in `e` by a variable and records it.
  void extract_aggregates(Expression& e, std::vector<GroupAggregate>& out) {
    if (e.kind == ExprKind::Aggregate) {
      std::string var = ".agg" + std::to_string(counter_++);
      out.push_back({var, std::move(e)});
      e = Expression::variable(var);
      return;
    }
    for (Expression& a : e.args) extract_aggregates(a, out);
  }

  // SPARQL 18.2.2.4: links become triples, ^ swaps the ends, / chains
  // through a fresh variable, | becomes a union; closures and negated sets
  // stay paths.
  void rewrite_path(const PatternTerm& s, const PropertyPath& path, const PatternTerm& o,
                    const std::optional<PatternTerm>& graph, std::vector<TriplePattern>& triples,
                    std::vector<NodePtr>& nodes) {
    using K = PropertyPath::Kind;
    switch (path.kind) {
      case K::Link:
        triples.push_back({s, PatternTerm::constant(rdf::Term::iri(path.iri)), o, nullptr});
        return;
      case K::Inverse:
        rewrite_path(o, path.args[0], s, graph, triples, nodes);
        return;
      case K::Sequence: {
        PatternTerm middle = PatternTerm::var("_:path" + std::to_string(counter_++));
        rewrite_path(s, path.args[0], middle, graph, triples, nodes);
        rewrite_path(middle, path.args[1], o, graph, triples, nodes);
        return;
      }
      case K::Alternative: {
        auto side = [&](const PropertyPath& p) {
          std::vector<TriplePattern> t;
          std::vector<NodePtr> n;
          rewrite_path(s, p, o, graph, t, n);
          NodePtr node = Node::make(Bgp{std::move(t), {}, graph});
          for (NodePtr& x : n) node = Node::make(Join{std::move(node), std::move(x)});
          return node;
        };
        nodes.push_back(Node::make(Union{side(path.args[0]), side(path.args[1])}));
        return;
      }
      default:
        nodes.push_back(
            Node::make(PathPattern{s, o, std::make_shared<const PropertyPath>(path), graph}));
    }
  }

  // EXISTS inside GRAPH g reads g too: its pattern is wrapped in GRAPH g,
  // and a graph variable becomes one more variable it takes from the row.
  static Expression in_graph(Expression e, const PatternTerm& graph) {
    if (e.kind == ExprKind::Exists) {
      GroupPattern wrapped;
      GroupElement element;
      element.kind = GroupElement::Kind::Graph;
      element.graph = graph;
      element.group.push_back(*e.pattern);
      wrapped.elements.push_back(std::move(element));
      e.pattern = std::make_shared<GroupPattern>(std::move(wrapped));
      if (graph.is_variable) e.args.push_back(Expression::variable(graph.variable));
      return e;
    }
    for (Expression& a : e.args) a = in_graph(std::move(a), graph);
    return e;
  }

  // `graph`: the enclosing GRAPH name; patterns outside any GRAPH read the
  // default graph.
  NodePtr group(const GroupPattern& g, const std::optional<PatternTerm>& graph = std::nullopt) {
    NodePtr pattern;
    std::vector<Expression> filters;
    auto join_with = [&](NodePtr next) {
      pattern = pattern ? Node::make(Join{std::move(pattern), std::move(next)}) : std::move(next);
    };
    auto current = [&]() { return pattern ? std::move(pattern) : Node::make(Bgp{}); };
    for (const GroupElement& e : g.elements) {
      switch (e.kind) {
        case GroupElement::Kind::Triples: {
          std::vector<TriplePattern> triples;
          std::vector<NodePtr> paths;
          for (const TriplePattern& t : e.triples) {
            if (t.path) rewrite_path(t.subject, *t.path, t.object, graph, triples, paths);
            else triples.push_back(t);
          }
          // Adjacent triples blocks (split only by a FILTER) form one BGP.
          if (pattern && pattern->as<Bgp>() && pattern->as<Bgp>()->graph == graph) {
            auto& bgp = pattern->as<Bgp>()->triples;
            bgp.insert(bgp.end(), triples.begin(), triples.end());
          } else if (!triples.empty() || paths.empty()) {
            join_with(Node::make(Bgp{std::move(triples), {}, graph}));
          }
          for (NodePtr& p : paths) join_with(std::move(p));
          break;
        }
        case GroupElement::Kind::Group:
          join_with(group(e.group.front(), graph));
          break;
        case GroupElement::Kind::Union: {
          NodePtr u = group(e.group.front(), graph);
          for (size_t i = 1; i < e.group.size(); ++i) {
            u = Node::make(Union{std::move(u), group(e.group[i], graph)});
          }
          join_with(std::move(u));
          break;
        }
        case GroupElement::Kind::Optional: {
          // The optional group's own FILTERs become the LeftJoin condition.
          NodePtr right = group(e.group.front(), graph);
          std::optional<Expression> condition;
          while (auto* f = right->as<Filter>()) {
            condition = condition ? Expression::binary(ExprKind::And, std::move(f->condition),
                                                       std::move(*condition))
                                  : std::move(f->condition);
            NodePtr child = std::move(f->child);
            right = std::move(child);
          }
          pattern = Node::make(LeftJoin{current(), std::move(right), std::move(condition)});
          break;
        }
        case GroupElement::Kind::Minus:
          pattern = Node::make(Minus{current(), group(e.group.front(), graph)});
          break;
        case GroupElement::Kind::Bind:
          pattern = Node::make(
              Extend{e.variable, graph ? in_graph(*e.filter, *graph) : *e.filter, current()});
          break;
        case GroupElement::Kind::Values:
          join_with(Node::make(Values{e.values}));
          break;
        case GroupElement::Kind::Graph:
          if (e.graph.is_variable) {
            // GRAPH ?g { P } is the union over named graphs g of P evaluated
            // in g, joined with ?g = g. P's patterns share a hidden graph
            // variable (so MINUS inside does not see ?g as shared) that
            // GraphNames equates with ?g.
            std::string hidden = ".g" + std::to_string(counter_++);
            NodePtr inner = group(e.group.front(), PatternTerm::var(hidden));
            join_with(Node::make(
                Join{std::move(inner), Node::make(GraphNames{{e.graph.variable, hidden}})}));
          } else {
            join_with(group(e.group.front(), e.graph));
          }
          break;
        case GroupElement::Kind::SubSelect:
          join_with(query(*e.subquery, graph));
          break;
        case GroupElement::Kind::Filter:
          filters.push_back(graph ? in_graph(*e.filter, *graph) : *e.filter);
          break;
      }
    }
    if (!pattern) pattern = Node::make(Bgp{});  // {} has one empty solution
    for (Expression& f : filters) pattern = Node::make(Filter{std::move(f), std::move(pattern)});
    return pattern;
  }

  int counter_ = 0;
};

}  // namespace

NodePtr translate(const ParsedQuery& query) { return Translator().query(query); }

}  // namespace tinykg::sparql::algebra
