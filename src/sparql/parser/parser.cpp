#include "sparql/parser/parser.h"

#include <cctype>

#include "sparql/parser/iri_resolution.h"
#include "sparql/parser/query_parser.h"

namespace tinykg::sparql {
namespace detail {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

ParsedQuery QueryParser::parse() {
  parse_prologue();
  const Token& t = peek();
  const std::string kw = t.kind == TokenKind::Word ? upper(t.text) : "";
  if (kw == "CONSTRUCT" || kw == "ASK" || kw == "DESCRIBE") unsupported(t, kw + " queries");
  static const char* kUpdate[] = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE",
                                  "DROP",   "COPY",   "MOVE", "ADD",   "WITH"};
  for (const char* u : kUpdate) {
    if (kw == u) unsupported(t, fmt::format("SPARQL Update ({})", kw));
  }
  if (kw != "SELECT") error(t, "expected SELECT, found " + describe(t));
  parse_select();
  if (peek().kind != TokenKind::End) {
    const Token& extra = peek();
    if (is_word(extra, "VALUES")) unsupported(extra, "VALUES");
    error(extra, "expected end of query, found " + describe(extra));
  }
  return std::move(query_);
}

void QueryParser::parse_prologue() {
  while (true) {
    if (accept_word("BASE")) {
      const Token& iri = take();
      if (iri.kind != TokenKind::Iri) error(iri, "expected <iri> after BASE");
      query_.base = resolve_iri(query_.base, iri.text);
    } else if (accept_word("PREFIX")) {
      const Token& name = take();
      if (name.kind != TokenKind::PrefixedName || name.text.back() != ':' ||
          name.text.find(':') != name.text.size() - 1) {
        error(name, "expected a prefix name like 'ex:' after PREFIX, found " + describe(name));
      }
      const Token& iri = take();
      if (iri.kind != TokenKind::Iri) error(iri, "expected <iri> after PREFIX " + name.text);
      std::string prefix = name.text.substr(0, name.text.size() - 1);
      std::string expanded = resolve_iri(query_.base, iri.text);
      prefixes_[prefix] = expanded;
      query_.prefixes.emplace_back(prefix, expanded);
    } else {
      return;
    }
  }
}

void QueryParser::parse_select() {
  take();  // SELECT
  if (accept_word("DISTINCT")) {
    query_.distinct = true;
  } else if (accept_word("REDUCED")) {
    // REDUCED permits, but does not require, removing duplicates.
  }
  if (accept_punct("*")) {
    query_.select_all = true;
  } else {
    while (true) {
      const Token& t = peek();
      if (t.kind == TokenKind::Variable) {
        query_.projection.push_back(take().text);
      } else if (is_punct(t, "(")) {
        unsupported(t, "SELECT expressions (expr AS ?var)");
      } else {
        break;
      }
    }
    if (query_.projection.empty()) {
      error(peek(), "expected '*' or variables after SELECT, found " + describe(peek()));
    }
  }
  if (is_word(peek(), "FROM")) unsupported(peek(), "FROM (datasets)");
  accept_word("WHERE");
  query_.where = parse_group();
  parse_solution_modifiers();
}

void QueryParser::parse_solution_modifiers() {
  if (is_word(peek(), "GROUP")) unsupported(peek(), "GROUP BY");
  if (is_word(peek(), "HAVING")) unsupported(peek(), "HAVING");
  if (accept_word("ORDER")) {
    if (!accept_word("BY")) error(peek(), "expected BY after ORDER");
    parse_order_conditions();
  }
  bool seen_limit = false, seen_offset = false;
  while (true) {
    if (!seen_limit && accept_word("LIMIT")) {
      query_.limit = parse_count("LIMIT");
      seen_limit = true;
    } else if (!seen_offset && accept_word("OFFSET")) {
      query_.offset = parse_count("OFFSET");
      seen_offset = true;
    } else {
      return;
    }
  }
}

uint64_t QueryParser::parse_count(const char* clause) {
  const Token& t = take();
  if (t.kind != TokenKind::Integer) {
    error(t, fmt::format("expected a non-negative integer after {}", clause));
  }
  try {
    return std::stoull(t.text);
  } catch (const std::exception&) {
    error(t, fmt::format("{} value {} is too large", clause, t.text));
  }
}

void QueryParser::parse_order_conditions() {
  size_t before = query_.order_by.size();
  while (true) {
    const Token& t = peek();
    if (is_word(t, "ASC") || is_word(t, "DESC")) {
      bool desc = is_word(t, "DESC");
      take();
      if (!is_punct(peek(), "(")) error(peek(), "expected '(' after " + upper(t.text));
      query_.order_by.push_back({parse_bracketted_expression(), desc});
    } else if (t.kind == TokenKind::Variable) {
      query_.order_by.push_back({Expression::variable(take().text), false});
    } else if (is_punct(t, "(")) {
      query_.order_by.push_back({parse_bracketted_expression(), false});
    } else if (t.kind == TokenKind::Word && is_punct(peek(1), "(")) {
      query_.order_by.push_back({parse_primary(), false});
    } else {
      break;
    }
  }
  if (query_.order_by.size() == before) {
    error(peek(), "expected an ORDER BY condition, found " + describe(peek()));
  }
}

GroupPattern QueryParser::parse_group() {
  NestingGuard nesting{*this};
  expect_punct("{");
  if (is_word(peek(), "SELECT")) unsupported(peek(), "subqueries");
  GroupPattern group;
  while (true) {
    const Token& t = peek();
    if (accept_punct("}")) break;
    if (t.kind == TokenKind::End) error(t, "expected '}', found end of query");
    if (t.kind == TokenKind::Word) {
      const std::string kw = upper(t.text);
      if (kw == "FILTER") {
        take();
        GroupElement e;
        e.kind = GroupElement::Kind::Filter;
        e.filter = parse_constraint();
        group.elements.push_back(std::move(e));
        accept_punct(".");
        continue;
      }
      if (kw == "OPTIONAL" || kw == "MINUS" || kw == "GRAPH" || kw == "SERVICE" || kw == "BIND" ||
          kw == "VALUES") {
        unsupported(t, kw);
      }
    }
    if (is_punct(t, "{")) {
      GroupElement e;
      e.kind = GroupElement::Kind::Group;
      e.group.push_back(parse_group());
      if (is_word(peek(), "UNION")) unsupported(peek(), "UNION");
      group.elements.push_back(std::move(e));
      accept_punct(".");
      continue;
    }
    if (group.elements.empty() || group.elements.back().kind != GroupElement::Kind::Triples) {
      group.elements.push_back({});
    }
    parse_triples_same_subject(group.elements.back().triples);
    if (accept_punct(".")) continue;
    const Token& next = peek();
    if (!is_punct(next, "}") && !is_punct(next, "{") && next.kind != TokenKind::Word) {
      error(next, "expected '.' or '}' after a triple pattern, found " + describe(next));
    }
  }
  return group;
}

void QueryParser::parse_triples_same_subject(std::vector<TriplePattern>& out) {
  const Token& t = peek();
  PatternTerm subject;
  if (is_punct(t, "[")) {
    take();
    if (accept_punct("]")) {
      subject = fresh_blank();
    } else {
      subject = parse_blank_node_property_list(out);
      if (is_punct(peek(), ".") || is_punct(peek(), "}")) return;  // [ p o ] .
    }
  } else if (is_punct(t, "(")) {
    unsupported(t, "RDF collections ( ... )");
  } else {
    subject = parse_var_or_term();
  }
  parse_property_list(subject, out);
}

// After '[' has been taken: "p o ; p2 o2 ]" -> a fresh blank-node variable.
PatternTerm QueryParser::parse_blank_node_property_list(std::vector<TriplePattern>& out) {
  NestingGuard nesting{*this};
  PatternTerm node = fresh_blank();
  parse_property_list(node, out);
  expect_punct("]");
  return node;
}

void QueryParser::parse_property_list(const PatternTerm& subject, std::vector<TriplePattern>& out) {
  while (true) {
    PatternTerm verb = parse_verb();
    parse_object(subject, verb, out);
    while (accept_punct(",")) parse_object(subject, verb, out);
    if (!accept_punct(";")) return;
    while (accept_punct(";")) {
    }
    const Token& next = peek();
    if (is_punct(next, ".") || is_punct(next, "]") || is_punct(next, "}")) return;
  }
}

PatternTerm QueryParser::parse_verb() {
  const Token& t = peek();
  if (t.kind == TokenKind::Word && t.text == "a") {
    take();
    return PatternTerm::constant(rdf::Term::iri(std::string(rdf::kRdfType)));
  }
  if (is_punct(t, "^") || is_punct(t, "(") || is_punct(t, "!")) {
    unsupported(t, "property paths");
  }
  PatternTerm verb;
  if (t.kind == TokenKind::Variable) {
    verb = PatternTerm::var(take().text);
  } else if (t.kind == TokenKind::Iri || t.kind == TokenKind::PrefixedName) {
    verb = PatternTerm::constant(rdf::Term::iri(parse_iri()));
  } else {
    error(t, "expected a predicate (variable, IRI or 'a'), found " + describe(t));
  }
  const Token& after = peek();
  if (is_punct(after, "/") || is_punct(after, "|") || is_punct(after, "*") ||
      is_punct(after, "+") || is_punct(after, "?")) {
    unsupported(after, "property paths");
  }
  return verb;
}

void QueryParser::parse_object(const PatternTerm& subject, const PatternTerm& verb,
                               std::vector<TriplePattern>& out) {
  const Token& t = peek();
  PatternTerm object;
  if (is_punct(t, "[")) {
    take();
    object = accept_punct("]") ? fresh_blank() : parse_blank_node_property_list(out);
  } else if (is_punct(t, "(")) {
    unsupported(t, "RDF collections ( ... )");
  } else {
    object = parse_var_or_term();
  }
  out.push_back({subject, verb, std::move(object)});
}

PatternTerm QueryParser::parse_var_or_term() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::Variable:
      return PatternTerm::var(take().text);
    case TokenKind::BlankNode:
      return PatternTerm::var("_:" + take().text);
    case TokenKind::Iri:
    case TokenKind::PrefixedName:
      return PatternTerm::constant(rdf::Term::iri(parse_iri()));
    default:
      break;
  }
  if (auto literal = try_parse_literal()) return PatternTerm::constant(std::move(*literal));
  error(t, "expected a variable or an RDF term, found " + describe(t));
}

PatternTerm QueryParser::fresh_blank() {
  return PatternTerm::var(fmt::format("_:anon{}", ++blank_count_));
}

std::string QueryParser::parse_iri() {
  const Token& t = take();
  if (t.kind == TokenKind::Iri) return resolve_iri(query_.base, t.text);
  if (t.kind != TokenKind::PrefixedName) error(t, "expected an IRI, found " + describe(t));
  size_t colon = t.text.find(':');
  std::string prefix = t.text.substr(0, colon);
  auto it = prefixes_.find(prefix);
  if (it == prefixes_.end()) {
    error(t,
          fmt::format("undefined prefix '{}:' (declare it with PREFIX {}: <...>)", prefix, prefix));
  }
  return it->second + t.text.substr(colon + 1);
}

// Literals: strings (with @lang or ^^datatype), numbers (optionally signed),
// true/false. Returns nothing if the next token does not start a literal.
std::optional<rdf::Term> QueryParser::try_parse_literal() {
  const Token& t = peek();
  if (t.kind == TokenKind::String) {
    std::string lexical = take().text;
    if (peek().kind == TokenKind::LangTag) return rdf::Term::literal(lexical, {}, take().text);
    if (accept_punct("^^")) return rdf::Term::literal(lexical, parse_iri());
    return rdf::Term::literal(lexical);
  }
  std::string sign;
  if ((is_punct(t, "-") || is_punct(t, "+")) && is_number(peek(1))) sign = take().text;
  const Token& n = peek();
  if (is_number(n)) {
    std::string_view dt = n.kind == TokenKind::Integer   ? rdf::xsd::kInteger
                          : n.kind == TokenKind::Decimal ? rdf::xsd::kDecimal
                                                         : rdf::xsd::kDouble;
    return rdf::Term::literal(sign + take().text, std::string(dt));
  }
  if (t.kind == TokenKind::Word && (t.text == "true" || t.text == "false")) {
    return rdf::Term::boolean(take().text == "true");
  }
  return std::nullopt;
}

bool QueryParser::is_number(const Token& t) {
  return t.kind == TokenKind::Integer || t.kind == TokenKind::Decimal ||
         t.kind == TokenKind::Double;
}
}  // namespace detail

Result<ParsedQuery> parse_query(std::string_view query) {
  auto tokens = tokenize(query);
  if (!tokens) return tokens.failure();
  try {
    return detail::QueryParser(std::move(tokens).value()).parse();
  } catch (detail::ParseStop& stop) {
    return std::move(stop.failure);
  }
}

}  // namespace tinykg::sparql
