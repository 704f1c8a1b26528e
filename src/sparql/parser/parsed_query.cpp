#include "sparql/parser/parsed_query.h"

#include <algorithm>

namespace tinykg::sparql {

std::string PatternTerm::to_string() const {
  if (!is_variable) return term.to_ntriples();
  return is_blank_variable() ? variable : "?" + variable;
}

std::string TriplePattern::to_string() const {
  return subject.to_string() + " " + (path ? path->to_string() : predicate.to_string()) + " " +
         object.to_string();
}

std::string PropertyPath::to_string() const {
  switch (kind) {
    case Kind::Link:
      return "<" + iri + ">";
    case Kind::Inverse:
      return "^" + args[0].to_string();
    case Kind::Sequence:
      return "(" + args[0].to_string() + "/" + args[1].to_string() + ")";
    case Kind::Alternative:
      return "(" + args[0].to_string() + "|" + args[1].to_string() + ")";
    case Kind::ZeroOrMore:
      return args[0].to_string() + "*";
    case Kind::OneOrMore:
      return args[0].to_string() + "+";
    case Kind::ZeroOrOne:
      return args[0].to_string() + "?";
    case Kind::Negated: {
      std::string out = "!(";
      for (size_t i = 0; i < negated.size(); ++i) {
        out += (i ? "|" : "") + std::string(negated[i].second ? "^" : "") + "<" + negated[i].first + ">";
      }
      return out + ")";
    }
  }
  return {};
}

namespace {

void add_once(std::vector<std::string>& out, const std::string& name) {
  if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
}

void collect(const GroupPattern& group, std::vector<std::string>& out) {
  for (const GroupElement& e : group.elements) {
    switch (e.kind) {
      case GroupElement::Kind::Triples:
        for (const TriplePattern& t : e.triples) {
          for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
            if (p->is_variable && !p->is_blank_variable()) add_once(out, p->variable);
          }
        }
        break;
      case GroupElement::Kind::Graph:
        if (e.graph.is_variable) add_once(out, e.graph.variable);
        for (const GroupPattern& g : e.group) collect(g, out);
        break;
      case GroupElement::Kind::Group:
      case GroupElement::Kind::Optional:
      case GroupElement::Kind::Union:
        for (const GroupPattern& g : e.group) collect(g, out);
        break;
      case GroupElement::Kind::Bind:
        add_once(out, e.variable);
        break;
      case GroupElement::Kind::Values:
        for (const std::string& v : e.values.variables) add_once(out, v);
        break;
      case GroupElement::Kind::SubSelect:
        for (const std::string& v : e.subquery->select_all ? e.subquery->visible_variables()
                                                          : e.subquery->projection) {
          add_once(out, v);
        }
        break;
      case GroupElement::Kind::Filter:
      case GroupElement::Kind::Minus:
        break;  // FILTER and MINUS do not make variables visible
    }
  }
}

void collect_all(const GroupPattern& group, std::vector<std::string>& out) {
  for (const GroupElement& e : group.elements) {
    for (const TriplePattern& t : e.triples) {
      for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
        if (p->is_variable && !p->is_blank_variable()) add_once(out, p->variable);
      }
    }
    for (const GroupPattern& g : e.group) collect_all(g, out);
    if (e.kind == GroupElement::Kind::Graph && e.graph.is_variable) add_once(out, e.graph.variable);
    if (e.filter) {
      for (const std::string& v : e.filter->variables()) add_once(out, v);
    }
    if (!e.variable.empty()) add_once(out, e.variable);
    for (const std::string& v : e.values.variables) add_once(out, v);
    if (e.subquery) {
      for (const std::string& v : e.subquery->projection) add_once(out, v);
    }
  }
}

}  // namespace

std::vector<std::string> GroupPattern::all_variables() const {
  std::vector<std::string> out;
  collect_all(*this, out);
  return out;
}

std::vector<std::string> ParsedQuery::visible_variables() const {
  std::vector<std::string> out;
  collect(where, out);
  if (values) {
    for (const std::string& v : values->variables) add_once(out, v);
  }
  return out;
}

}  // namespace tinykg::sparql
