#include "sparql/parser/parser.h"

#include <cctype>
#include <functional>

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
  static const char* kUpdate[] = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE",
                                  "DROP",   "COPY",   "MOVE", "ADD",   "WITH"};
  for (const char* u : kUpdate) {
    if (kw == u) unsupported(t, fmt::format("SPARQL Update ({})", kw));
  }
  if (kw == "ASK") {
    parse_ask();
  } else if (kw == "CONSTRUCT") {
    parse_construct();
  } else if (kw == "SELECT") {
    parse_select();
  } else if (kw == "DESCRIBE") {
    parse_describe();
  } else {
    error(t, "expected SELECT, ASK, CONSTRUCT or DESCRIBE, found " + describe(t));
  }
  if (accept_word("VALUES")) query_.values = parse_data_block();
  if (peek().kind != TokenKind::End) {
    const Token& extra = peek();
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

void QueryParser::parse_ask() {
  take();  // ASK
  query_.form = QueryForm::Ask;
  parse_dataset_clause();
  accept_word("WHERE");
  query_.where = parse_group();
  parse_solution_modifiers();
}

void QueryParser::parse_construct() {
  take();  // CONSTRUCT
  query_.form = QueryForm::Construct;
  if (is_punct(peek(), "{")) {
    parse_construct_template();
    parse_dataset_clause();
    accept_word("WHERE");
    query_.where = parse_group();
  } else {
    // CONSTRUCT WHERE { triples }: the pattern is its own template.
    parse_dataset_clause();
    if (!accept_word("WHERE")) error(peek(), "expected '{' or WHERE after CONSTRUCT");
    const Token& open = peek();
    query_.where = parse_group();
    for (const GroupElement& e : query_.where.elements) {
      if (e.kind != GroupElement::Kind::Triples) {
        error(open, "CONSTRUCT WHERE takes triple patterns only");
      }
      query_.construct_template.insert(query_.construct_template.end(), e.triples.begin(),
                                       e.triples.end());
    }
  }
  parse_solution_modifiers();
}

void QueryParser::parse_construct_template() {
  expect_punct("{");
  while (!accept_punct("}")) {
    if (peek().kind == TokenKind::End) error(peek(), "expected '}', found end of query");
    parse_triples_same_subject(query_.construct_template);
    if (!accept_punct(".") && !is_punct(peek(), "}")) {
      error(peek(), "expected '.' or '}' in the CONSTRUCT template, found " + describe(peek()));
    }
  }
}

// DESCRIBE ( VarOrIri+ | '*' ) DatasetClause* WhereClause? SolutionModifier
void QueryParser::parse_describe() {
  take();  // DESCRIBE
  query_.form = QueryForm::Describe;
  if (accept_punct("*")) {
    query_.select_all = true;
  } else {
    while (peek().kind == TokenKind::Variable || peek().kind == TokenKind::Iri ||
           peek().kind == TokenKind::PrefixedName) {
      query_.describe_targets.push_back(parse_var_or_term());
    }
    if (query_.describe_targets.empty()) {
      error(peek(), "expected '*', variables or IRIs after DESCRIBE, found " + describe(peek()));
    }
  }
  parse_dataset_clause();
  // The WHERE clause is optional: DESCRIBE <iri> alone describes that IRI.
  if (accept_word("WHERE") || is_punct(peek(), "{")) query_.where = parse_group();
  parse_solution_modifiers();
}

void QueryParser::parse_dataset_clause() {
  while (accept_word("FROM")) {
    bool named = accept_word("NAMED");
    (named ? query_.from_named : query_.from).push_back(parse_iri());
  }
}

std::shared_ptr<ParsedQuery> QueryParser::parse_subselect() {
  ParsedQuery outer = std::move(query_);
  query_ = ParsedQuery{};
  query_.base = outer.base;
  query_.prefixes = outer.prefixes;
  parse_select();
  if (accept_word("VALUES")) query_.values = parse_data_block();
  auto sub = std::make_shared<ParsedQuery>(std::move(query_));
  query_ = std::move(outer);
  return sub;
}

std::optional<rdf::Term> QueryParser::parse_data_value() {
  const Token& t = peek();
  if (accept_word("UNDEF")) return std::nullopt;
  if (t.kind == TokenKind::Iri || t.kind == TokenKind::PrefixedName) {
    return rdf::Term::iri(parse_iri());
  }
  if (auto literal = try_parse_literal()) return literal;
  error(t, "expected an IRI, a literal or UNDEF in VALUES, found " + describe(t));
}

InlineData QueryParser::parse_data_block() {
  InlineData data;
  if (peek().kind == TokenKind::Variable) {
    data.variables.push_back(take().text);
    expect_punct("{");
    while (!accept_punct("}")) data.rows.push_back({parse_data_value()});
    return data;
  }
  expect_punct("(");
  while (peek().kind == TokenKind::Variable) data.variables.push_back(take().text);
  expect_punct(")");
  expect_punct("{");
  while (!accept_punct("}")) {
    const Token& open = peek();
    expect_punct("(");
    auto& row = data.rows.emplace_back();
    while (!accept_punct(")")) row.push_back(parse_data_value());
    if (row.size() != data.variables.size()) {
      error(open, fmt::format("VALUES row has {} values for {} variables", row.size(),
                              data.variables.size()));
    }
  }
  return data;
}

void QueryParser::parse_select() {
  const Token& select_token = take();
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
        query_.projection_expressions.push_back(std::nullopt);
      } else if (is_punct(t, "(")) {
        NestingGuard nesting{*this};
        take();
        Expression e = parse_expression();
        if (!accept_word("AS")) error(peek(), "expected AS in (expression AS ?var)");
        const Token& v = take();
        if (v.kind != TokenKind::Variable) error(v, "expected a variable after AS");
        if (std::find(query_.projection.begin(), query_.projection.end(), v.text) !=
            query_.projection.end()) {
          error(v, "variable ?" + v.text + " is already projected");
        }
        expect_punct(")");
        query_.projection.push_back(v.text);
        query_.projection_expressions.push_back(std::move(e));
      } else {
        break;
      }
    }
    if (query_.projection.empty()) {
      error(peek(), "expected '*' or variables after SELECT, found " + describe(peek()));
    }
  }
  parse_dataset_clause();
  accept_word("WHERE");
  query_.where = parse_group();
  parse_solution_modifiers();
  check_projection(select_token);
}

void QueryParser::parse_group_by() {
  size_t before = query_.group_by.size();
  while (true) {
    const Token& t = peek();
    if (t.kind == TokenKind::Variable) {
      query_.group_by.emplace_back(Expression::variable(take().text), "");
    } else if (is_punct(t, "(")) {
      NestingGuard nesting{*this};
      take();
      Expression e = parse_expression();
      std::string alias;
      if (accept_word("AS")) {
        const Token& v = take();
        if (v.kind != TokenKind::Variable) error(v, "expected a variable after AS");
        alias = v.text;
      }
      expect_punct(")");
      query_.group_by.emplace_back(std::move(e), alias);
    } else if (((t.kind == TokenKind::Word && !is_word(t, "HAVING")) ||
                t.kind == TokenKind::Iri || t.kind == TokenKind::PrefixedName) &&
               is_punct(peek(1), "(")) {
      query_.group_by.emplace_back(parse_primary(), "");
    } else {
      break;
    }
  }
  if (query_.group_by.size() == before) {
    error(peek(), "expected a GROUP BY condition, found " + describe(peek()));
  }
}

void QueryParser::parse_solution_modifiers() {
  if (accept_word("GROUP")) {
    if (!accept_word("BY")) error(peek(), "expected BY after GROUP");
    parse_group_by();
  }
  if (accept_word("HAVING")) {
    query_.having.push_back(parse_constraint());
    while (is_punct(peek(), "(") || (peek().kind == TokenKind::Word && is_punct(peek(1), "("))) {
      query_.having.push_back(parse_constraint());
    }
  }
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
  GroupPattern group;
  if (is_word(peek(), "SELECT")) {
    GroupElement e;
    e.kind = GroupElement::Kind::SubSelect;
    e.subquery = parse_subselect();
    group.elements.push_back(std::move(e));
    expect_punct("}");
    return group;
  }
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
      if (kw == "OPTIONAL" || kw == "MINUS") {
        take();
        GroupElement e;
        e.kind = kw == "OPTIONAL" ? GroupElement::Kind::Optional : GroupElement::Kind::Minus;
        e.group.push_back(parse_group());
        group.elements.push_back(std::move(e));
        accept_punct(".");
        continue;
      }
      if (kw == "BIND") {
        take();
        NestingGuard nesting{*this};
        expect_punct("(");
        GroupElement e;
        e.kind = GroupElement::Kind::Bind;
        e.filter = parse_expression();
        if (!accept_word("AS")) error(peek(), "expected AS in BIND");
        const Token& v = take();
        if (v.kind != TokenKind::Variable) error(v, "expected a variable after AS");
        // SPARQL 18.2.1: BIND may not rebind a variable in scope before it.
        ParsedQuery scope;
        scope.where = group;
        auto in_scope = scope.visible_variables();
        if (std::find(in_scope.begin(), in_scope.end(), v.text) != in_scope.end()) {
          error(v, "BIND to ?" + v.text + ", which is already in scope");
        }
        e.variable = v.text;
        expect_punct(")");
        group.elements.push_back(std::move(e));
        accept_punct(".");
        continue;
      }
      if (kw == "VALUES") {
        take();
        GroupElement e;
        e.kind = GroupElement::Kind::Values;
        e.values = parse_data_block();
        group.elements.push_back(std::move(e));
        accept_punct(".");
        continue;
      }
      if (kw == "GRAPH") {
        take();
        GroupElement e;
        e.kind = GroupElement::Kind::Graph;
        const Token& name = peek();
        e.graph = parse_var_or_term();
        if (!e.graph.is_variable && !e.graph.term.is_iri()) {
          error(name, "expected a variable or an IRI after GRAPH");
        }
        e.group.push_back(parse_group());
        group.elements.push_back(std::move(e));
        accept_punct(".");
        continue;
      }
      if (kw == "SERVICE") unsupported(t, kw);
    }
    if (is_punct(t, "{")) {
      GroupElement e;
      e.kind = GroupElement::Kind::Group;
      e.group.push_back(parse_group());
      while (accept_word("UNION")) {
        e.kind = GroupElement::Kind::Union;
        e.group.push_back(parse_group());
      }
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
    subject = parse_collection(out);
    // A collection may stand alone as a triples block: ( 1 2 ) .
    if (is_punct(peek(), ".") || is_punct(peek(), "}")) return;
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
    auto [verb, path] = parse_verb_or_path();
    parse_object(subject, verb, out, path);
    while (accept_punct(",")) parse_object(subject, verb, out, path);
    if (!accept_punct(";")) return;
    while (accept_punct(";")) {
    }
    const Token& next = peek();
    if (is_punct(next, ".") || is_punct(next, "]") || is_punct(next, "}")) return;
  }
}

void QueryParser::parse_object(const PatternTerm& subject, const PatternTerm& verb,
                               std::vector<TriplePattern>& out,
                               const std::shared_ptr<const PropertyPath>& path) {
  const Token& t = peek();
  PatternTerm object;
  if (is_punct(t, "[")) {
    take();
    object = accept_punct("]") ? fresh_blank() : parse_blank_node_property_list(out);
  } else if (is_punct(t, "(")) {
    object = parse_collection(out);
  } else {
    object = parse_var_or_term();
  }
  out.push_back({subject, verb, std::move(object), path});
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

// ( a b ) -> _:l1 rdf:first a ; rdf:rest _:l2 . _:l2 rdf:first b ; rdf:rest rdf:nil
PatternTerm QueryParser::parse_collection(std::vector<TriplePattern>& out) {
  NestingGuard nesting{*this};
  expect_punct("(");
  const std::string rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  PatternTerm nil = PatternTerm::constant(rdf::Term::iri(rdf + "nil"));
  PatternTerm head = nil;
  std::optional<PatternTerm> last;
  while (!accept_punct(")")) {
    if (peek().kind == TokenKind::End) error(peek(), "expected ')', found end of query");
    PatternTerm cell = fresh_blank();
    if (last) out.push_back({*last, PatternTerm::constant(rdf::Term::iri(rdf + "rest")), cell, nullptr});
    else head = cell;
    // The element may itself be [ ... ] or ( ... ): parse it as an object.
    parse_object(cell, PatternTerm::constant(rdf::Term::iri(rdf + "first")), out);
    last = cell;
  }
  if (last) out.push_back({*last, PatternTerm::constant(rdf::Term::iri(rdf + "rest")), nil, nullptr});
  return head;
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
