#include "sparql/algebra/algebra.h"

#include <fmt/format.h>

namespace tinykg::sparql::algebra {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

void print(const Node& node, int depth, std::string& out) {
  std::string indent(2 * depth, ' ');
  std::visit(Overloaded{
                 [&](const Bgp& b) {
                   out += indent + "Bgp" + (b.graph ? " GRAPH " + b.graph->to_string() : "") + "\n";
                   for (const TriplePattern& t : b.triples)
                     out += indent + "  " + t.to_string() + "\n";
                   for (const Expression& f : b.filters) {
                     out += indent + "  FILTER " + f.to_string() + "\n";
                   }
                 },
                 [&](const Join& j) {
                   out += indent + "Join\n";
                   print(*j.left, depth + 1, out);
                   print(*j.right, depth + 1, out);
                 },
                 [&](const Filter& f) {
                   out += indent + "Filter " + f.condition.to_string() + "\n";
                   print(*f.child, depth + 1, out);
                 },
                 [&](const OrderBy& o) {
                   out += indent + "OrderBy";
                   for (const OrderKey& k : o.keys) {
                     out += fmt::format(" {}({})", k.descending ? "DESC" : "ASC",
                                        k.expression.to_string());
                   }
                   out += "\n";
                   print(*o.child, depth + 1, out);
                 },
                 [&](const Project& p) {
                   out += indent + "Project";
                   for (const std::string& v : p.variables) out += " ?" + v;
                   out += "\n";
                   print(*p.child, depth + 1, out);
                 },
                 [&](const Distinct& d) {
                   out += indent + "Distinct\n";
                   print(*d.child, depth + 1, out);
                 },
                 [&](const LeftJoin& j) {
                   out += indent + "LeftJoin" +
                          (j.condition ? " " + j.condition->to_string() : std::string()) + "\n";
                   print(*j.left, depth + 1, out);
                   print(*j.right, depth + 1, out);
                 },
                 [&](const Union& u) {
                   out += indent + "Union\n";
                   print(*u.left, depth + 1, out);
                   print(*u.right, depth + 1, out);
                 },
                 [&](const Minus& m) {
                   out += indent + "Minus\n";
                   print(*m.left, depth + 1, out);
                   print(*m.right, depth + 1, out);
                 },
                 [&](const Extend& e) {
                   out += indent + "Extend ?" + e.variable + " := " + e.expression.to_string() + "\n";
                   print(*e.child, depth + 1, out);
                 },
                 [&](const PathPattern& p) {
                   out += indent + "Path " + p.subject.to_string() + " " + p.path->to_string() +
                          " " + p.object.to_string() + "\n";
                 },
                 [&](const GraphNames& g) {
                   out += indent + "GraphNames";
                   for (const std::string& v : g.variables) out += " ?" + v;
                   out += "\n";
                 },
                 [&](const Values& v) {
                   out += indent + fmt::format("Values {} rows\n", v.data.rows.size());
                 },
                 [&](const Group& g) {
                   out += indent + "Group";
                   for (const auto& [e, v] : g.keys) out += " " + e.to_string();
                   for (const GroupAggregate& a : g.aggregates) {
                     out += " ?" + a.variable + "=" + a.aggregate.to_string();
                   }
                   out += "\n";
                   print(*g.child, depth + 1, out);
                 },
                 [&](const Slice& s) {
                   out += indent + fmt::format("Slice offset={} limit={}\n", s.offset,
                                               s.limit ? std::to_string(*s.limit) : "none");
                   print(*s.child, depth + 1, out);
                 },
             },
             node.op);
}

}  // namespace

std::set<std::string> certainly_bound_variables(const Node& node) {
  std::set<std::string> out;
  std::visit(Overloaded{
                 [&](const Bgp& b) {
                   if (b.graph && b.graph->is_variable && !b.triples.empty()) {
                     out.insert(b.graph->variable);
                   }
                   for (const TriplePattern& t : b.triples) {
                     for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
                       if (p->is_variable) out.insert(p->variable);
                     }
                   }
                 },
                 [&](const Join& j) {
                   out = certainly_bound_variables(*j.left);
                   out.merge(certainly_bound_variables(*j.right));
                 },
                 [&](const LeftJoin& j) { out = certainly_bound_variables(*j.left); },
                 [&](const Minus& m) { out = certainly_bound_variables(*m.left); },
                 [&](const Union& u) {
                   std::set<std::string> right = certainly_bound_variables(*u.right);
                   for (const std::string& v : certainly_bound_variables(*u.left)) {
                     if (right.count(v)) out.insert(v);
                   }
                 },
                 // The expression may fail, leaving the variable unbound.
                 [&](const Extend& e) { out = certainly_bound_variables(*e.child); },
                 [&](const GraphNames& g) { out.insert(g.variables.begin(), g.variables.end()); },
                 [&](const PathPattern& p) {
                   for (const PatternTerm* t : {&p.subject, &p.object}) {
                     if (t->is_variable) out.insert(t->variable);
                   }
                 },
                 [&](const Values& v) {
                   for (size_t c = 0; c < v.data.variables.size(); ++c) {
                     bool all = true;
                     for (const auto& row : v.data.rows) all = all && row[c].has_value();
                     if (all) out.insert(v.data.variables[c]);
                   }
                 },
                 [&](const Group& g) {
                   std::set<std::string> inner = certainly_bound_variables(*g.child);
                   for (const auto& [e, v] : g.keys) {
                     if (e.kind == ExprKind::Variable && inner.count(e.name)) out.insert(v);
                   }
                 },
                 [&](const Project& p) {
                   std::set<std::string> inner = certainly_bound_variables(*p.child);
                   for (const std::string& v : p.variables) {
                     if (inner.count(v)) out.insert(v);
                   }
                 },
                 [&](const auto& unary) { out = certainly_bound_variables(*unary.child); },
             },
             node.op);
  return out;
}

std::string to_string(const Node& node) {
  std::string out;
  print(node, 0, out);
  return out;
}

}  // namespace tinykg::sparql::algebra
