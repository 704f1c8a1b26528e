#include "sparql/algebra/substitute.h"

namespace tinykg::sparql::algebra {
namespace {

PatternTerm substitute(const PatternTerm& p, const Bindings& bindings) {
  if (!p.is_variable || p.is_blank_variable()) return p;
  auto it = bindings.find(p.variable);
  return it == bindings.end() ? p : PatternTerm::constant(it->second);
}

}  // namespace

Expression substitute(const Expression& e, const Bindings& bindings) {
  if (e.kind == ExprKind::Variable) {
    auto it = bindings.find(e.name);
    return it == bindings.end() ? e : Expression::constant_term(it->second);
  }
  if (e.kind == ExprKind::Call && e.name == "bound" && e.args[0].kind == ExprKind::Variable &&
      bindings.count(e.args[0].name)) {
    return Expression::constant_term(rdf::Term::boolean(true));
  }
  Expression out = e;
  if (e.kind == ExprKind::Exists) {
    // The nested pattern is substituted too; its argument list shrinks to
    // the variables still free.
    out.pattern = std::make_shared<GroupPattern>(substitute(*e.pattern, bindings));
    out.args.clear();
    for (const Expression& a : e.args) {
      if (!bindings.count(a.name)) out.args.push_back(a);
    }
    return out;
  }
  for (Expression& a : out.args) a = substitute(a, bindings);
  return out;
}

GroupPattern substitute(const GroupPattern& pattern, const Bindings& bindings) {
  GroupPattern out = pattern;
  for (GroupElement& e : out.elements) {
    for (TriplePattern& t : e.triples) {
      t.subject = substitute(t.subject, bindings);
      t.predicate = substitute(t.predicate, bindings);
      t.object = substitute(t.object, bindings);
    }
    for (GroupPattern& g : e.group) g = substitute(g, bindings);
    if (e.kind == GroupElement::Kind::Graph) e.graph = substitute(e.graph, bindings);
    if (e.filter) e.filter = substitute(*e.filter, bindings);
  }
  return out;
}

}  // namespace tinykg::sparql::algebra
