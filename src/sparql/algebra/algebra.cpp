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
                   out += indent + "Bgp\n";
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
