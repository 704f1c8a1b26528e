#include "sparql/parser/parsed_query.h"

#include <algorithm>

namespace tinykg::sparql {

std::string PatternTerm::to_string() const {
  if (!is_variable) return term.to_ntriples();
  return is_blank_variable() ? variable : "?" + variable;
}

std::string TriplePattern::to_string() const {
  return subject.to_string() + " " + predicate.to_string() + " " + object.to_string();
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
      case GroupElement::Kind::Group:
        collect(e.group.front(), out);
        break;
      case GroupElement::Kind::Filter:
        break;  // FILTER does not make variables visible
    }
  }
}

}  // namespace

std::vector<std::string> ParsedQuery::visible_variables() const {
  std::vector<std::string> out;
  collect(where, out);
  return out;
}

}  // namespace tinykg::sparql
