// Property path grammar (SPARQL 1.1 section 19, rules 82-96): alternatives
// of sequences of (inverse) elements with * + ? modifiers, over IRIs, 'a',
// groups and negated property sets.
#include "sparql/parser/query_parser.h"

namespace tinykg::sparql::detail {

std::pair<PatternTerm, std::shared_ptr<const PropertyPath>> QueryParser::parse_verb_or_path() {
  if (peek().kind == TokenKind::Variable) return {PatternTerm::var(take().text), nullptr};
  PropertyPath path = parse_path();
  if (path.kind == PropertyPath::Kind::Link) {
    return {PatternTerm::constant(rdf::Term::iri(path.iri)), nullptr};
  }
  return {PatternTerm{}, std::make_shared<const PropertyPath>(std::move(path))};
}

PropertyPath QueryParser::parse_path() {
  NestingGuard nesting{*this};
  PropertyPath lhs = parse_path_sequence();
  while (accept_punct("|")) {
    PropertyPath alt;
    alt.kind = PropertyPath::Kind::Alternative;
    alt.args = {std::move(lhs), parse_path_sequence()};
    lhs = std::move(alt);
  }
  return lhs;
}

PropertyPath QueryParser::parse_path_sequence() {
  PropertyPath lhs = parse_path_elt();
  while (accept_punct("/")) {
    PropertyPath seq;
    seq.kind = PropertyPath::Kind::Sequence;
    seq.args = {std::move(lhs), parse_path_elt()};
    lhs = std::move(seq);
  }
  return lhs;
}

PropertyPath QueryParser::parse_path_elt() {
  bool inverse = accept_punct("^");
  PropertyPath p = parse_path_primary();
  for (auto [op, kind] : {std::pair{"*", PropertyPath::Kind::ZeroOrMore},
                          std::pair{"+", PropertyPath::Kind::OneOrMore},
                          std::pair{"?", PropertyPath::Kind::ZeroOrOne}}) {
    if (accept_punct(op)) {
      PropertyPath m;
      m.kind = kind;
      m.args.push_back(std::move(p));
      p = std::move(m);
      break;
    }
  }
  if (!inverse) return p;
  PropertyPath inv;
  inv.kind = PropertyPath::Kind::Inverse;
  inv.args.push_back(std::move(p));
  return inv;
}

PropertyPath QueryParser::parse_path_primary() {
  const Token& t = peek();
  PropertyPath p;
  if (t.kind == TokenKind::Word && t.text == "a") {
    take();
    p.iri = std::string(rdf::kRdfType);
    return p;
  }
  if (t.kind == TokenKind::Iri || t.kind == TokenKind::PrefixedName) {
    p.iri = parse_iri();
    return p;
  }
  if (accept_punct("(")) {
    p = parse_path();
    expect_punct(")");
    return p;
  }
  if (accept_punct("!")) {
    p.kind = PropertyPath::Kind::Negated;
    auto one = [&]() {
      bool inv = accept_punct("^");
      if (is_word(peek(), "A") && peek().text == "a") {
        take();
        p.negated.emplace_back(std::string(rdf::kRdfType), inv);
      } else {
        p.negated.emplace_back(parse_iri(), inv);
      }
    };
    if (accept_punct("(")) {
      if (!is_punct(peek(), ")")) {
        one();
        while (accept_punct("|")) one();
      }
      expect_punct(")");
    } else {
      one();
    }
    return p;
  }
  error(t, "expected a predicate (variable, IRI, 'a' or a property path), found " + describe(t));
}

}  // namespace tinykg::sparql::detail
