// The expression grammar of SPARQL 1.1 (section 19): ||, &&, comparisons,
// + -, * /, unary ! - +, primaries and builtin calls.
#include <map>

#include "sparql/exec/builtin_functions.h"
#include "sparql/parser/query_parser.h"

namespace tinykg::sparql::detail {
namespace {

// Builtins we evaluate, with their allowed argument counts.
struct BuiltinArity {
  size_t min, max;
};
const std::map<std::string, BuiltinArity>& supported_builtins() {
  static const std::map<std::string, BuiltinArity> k = {
      {"str", {1, 1}},       {"lang", {1, 1}},      {"datatype", {1, 1}}, {"bound", {1, 1}},
      {"isiri", {1, 1}},     {"isuri", {1, 1}},     {"isblank", {1, 1}},  {"isliteral", {1, 1}},
      {"isnumeric", {1, 1}}, {"regex", {2, 3}},     {"sameterm", {2, 2}}, {"langmatches", {2, 2}},
      {"contains", {2, 2}},  {"strstarts", {2, 2}}, {"strends", {2, 2}},  {"strlen", {1, 1}},
      {"ucase", {1, 1}},     {"lcase", {1, 1}},     {"if", {3, 3}},       {"coalesce", {0, 99}},
  };
  return k;
}

bool is_aggregate(const std::string& up) {
  return up == "COUNT" || up == "SUM" || up == "MIN" || up == "MAX" || up == "AVG" ||
         up == "SAMPLE" || up == "GROUP_CONCAT";
}

}  // namespace

Expression QueryParser::parse_constraint() {
  const Token& t = peek();
  if (is_punct(t, "(")) return parse_bracketted_expression();
  if (t.kind == TokenKind::Word || t.kind == TokenKind::Iri || t.kind == TokenKind::PrefixedName) {
    return parse_primary();
  }
  error(t, "expected '(' or a function call after FILTER, found " + describe(t));
}

Expression QueryParser::parse_bracketted_expression() {
  NestingGuard nesting{*this};
  expect_punct("(");
  Expression e = parse_expression();
  expect_punct(")");
  return e;
}

Expression QueryParser::parse_expression() {
  NestingGuard nesting{*this, /*is_level=*/false};
  Expression lhs = parse_and();
  while (accept_punct("||")) {
    nesting.deepen();
    lhs = Expression::binary(ExprKind::Or, std::move(lhs), parse_and());
  }
  return lhs;
}

Expression QueryParser::parse_and() {
  NestingGuard nesting{*this, /*is_level=*/false};
  Expression lhs = parse_relational();
  while (accept_punct("&&")) {
    nesting.deepen();
    lhs = Expression::binary(ExprKind::And, std::move(lhs), parse_relational());
  }
  return lhs;
}

Expression QueryParser::parse_relational() {
  Expression lhs = parse_additive();
  static const std::pair<const char*, CompareOp> kOps[] = {
      {"=", CompareOp::Eq},  {"!=", CompareOp::Ne}, {"<", CompareOp::Lt},
      {"<=", CompareOp::Le}, {">", CompareOp::Gt},  {">=", CompareOp::Ge}};
  for (const auto& [text, op] : kOps) {
    if (accept_punct(text)) return Expression::comparison(op, std::move(lhs), parse_additive());
  }
  bool negated = is_word(peek(), "NOT") && is_word(peek(1), "IN");
  if (negated) take();
  if (accept_word("IN")) {
    // IN is a call whose first argument is the tested value.
    std::vector<Expression> args{std::move(lhs)};
    expect_punct("(");
    if (!is_punct(peek(), ")")) {
      args.push_back(parse_expression());
      while (accept_punct(",")) args.push_back(parse_expression());
    }
    expect_punct(")");
    return Expression::call(negated ? "notin" : "in", std::move(args));
  }
  return lhs;
}

Expression QueryParser::parse_additive() {
  NestingGuard nesting{*this, /*is_level=*/false};
  Expression lhs = parse_multiplicative();
  while (true) {
    if (is_punct(peek(), "+") || is_punct(peek(), "-")) nesting.deepen();
    if (accept_punct("+")) {
      lhs = Expression::arithmetic(ArithOp::Add, std::move(lhs), parse_multiplicative());
    } else if (accept_punct("-")) {
      lhs = Expression::arithmetic(ArithOp::Sub, std::move(lhs), parse_multiplicative());
    } else {
      return lhs;
    }
  }
}

Expression QueryParser::parse_multiplicative() {
  NestingGuard nesting{*this, /*is_level=*/false};
  Expression lhs = parse_unary();
  while (true) {
    if (is_punct(peek(), "*") || is_punct(peek(), "/")) nesting.deepen();
    if (accept_punct("*")) {
      lhs = Expression::arithmetic(ArithOp::Mul, std::move(lhs), parse_unary());
    } else if (accept_punct("/")) {
      lhs = Expression::arithmetic(ArithOp::Div, std::move(lhs), parse_unary());
    } else {
      return lhs;
    }
  }
}

Expression QueryParser::parse_unary() {
  NestingGuard nesting{*this};
  if (accept_punct("!")) return Expression::unary(ExprKind::Not, parse_unary());
  if (is_punct(peek(), "-") && is_number(peek(1))) {
    return Expression::constant_term(*try_parse_literal());  // "-5" is a literal
  }
  if (accept_punct("-")) return Expression::unary(ExprKind::Negate, parse_unary());
  if (accept_punct("+")) return parse_unary();
  return parse_primary();
}

Expression QueryParser::parse_primary() {
  const Token& t = peek();
  if (is_punct(t, "(")) return parse_bracketted_expression();
  if (t.kind == TokenKind::Variable) return Expression::variable(take().text);
  if (t.kind == TokenKind::Iri || t.kind == TokenKind::PrefixedName) {
    if (is_punct(peek(1), "(")) {
      std::string iri = parse_iri();
      if (!exec::is_cast_function(iri)) unsupported(t, "function calls by IRI (casts)");
      NestingGuard nesting{*this};
      expect_punct("(");
      std::vector<Expression> args;
      if (!is_punct(peek(), ")")) {
        args.push_back(parse_expression());
        while (accept_punct(",")) args.push_back(parse_expression());
      }
      expect_punct(")");
      if (args.size() != 1) error(t, "a cast takes 1 argument");
      return Expression::call(iri, std::move(args));
    }
    return Expression::constant_term(rdf::Term::iri(parse_iri()));
  }
  if (t.kind == TokenKind::Word && t.text != "true" && t.text != "false") {
    return parse_builtin_call();
  }
  if (auto literal = try_parse_literal()) return Expression::constant_term(std::move(*literal));
  error(t, "expected an expression, found " + describe(t));
}

Expression QueryParser::parse_builtin_call() {
  const Token& name = take();
  const std::string up = upper(name.text);
  if (up == "EXISTS" || (up == "NOT" && is_word(peek(), "EXISTS"))) {
    if (up == "NOT") take();
    Expression e;
    e.kind = ExprKind::Exists;
    auto pattern = std::make_shared<GroupPattern>(parse_group());
    for (const std::string& v : pattern->all_variables()) e.args.push_back(Expression::variable(v));
    e.pattern = std::move(pattern);
    return up == "NOT" ? Expression::unary(ExprKind::Not, std::move(e)) : e;
  }
  if (is_aggregate(up)) return parse_aggregate(lower(name.text));
  if (!is_punct(peek(), "(")) {
    error(name, "expected an expression, found " + describe(name));
  }
  const std::string fn = lower(name.text);
  auto it = supported_builtins().find(fn);
  BuiltinArity arity{0, 0};
  if (it != supported_builtins().end()) {
    arity = it->second;
  } else {
    const auto& more = exec::extended_builtins();
    auto m = std::find_if(more.begin(), more.end(),
                          [&](const exec::BuiltinSignature& b) { return fn == b.name; });
    if (m == more.end()) unsupported(name, "function " + up);
    arity = {m->min_args, m->max_args};
  }
  expect_punct("(");
  std::vector<Expression> args;
  if (!is_punct(peek(), ")")) {
    args.push_back(parse_expression());
    while (accept_punct(",")) args.push_back(parse_expression());
  }
  expect_punct(")");
  const auto [min, max] = arity;
  if (args.size() < min || args.size() > max) {
    error(name, min == max ? fmt::format("{} takes {} argument(s), got {}", up, min, args.size())
                           : fmt::format("{} takes {} to {} arguments, got {}", up, min, max,
                                         args.size()));
  }
  if (fn == "bound" && args[0].kind != ExprKind::Variable) {
    error(name, "BOUND takes a variable");
  }
  return Expression::call(fn, std::move(args));
}
Expression QueryParser::parse_aggregate(const std::string& name) {
  NestingGuard nesting{*this};
  expect_punct("(");
  Expression e;
  e.kind = ExprKind::Aggregate;
  e.name = name;
  e.distinct = accept_word("DISTINCT");
  if (name == "count" && accept_punct("*")) {
    expect_punct(")");
    return e;
  }
  e.args.push_back(parse_expression());
  if (name == "group_concat" && accept_punct(";")) {
    if (!accept_word("SEPARATOR")) error(peek(), "expected SEPARATOR in GROUP_CONCAT");
    expect_punct("=");
    const Token& sep = take();
    if (sep.kind != TokenKind::String) error(sep, "expected a string after SEPARATOR =");
    e.separator = sep.text;
  }
  expect_punct(")");
  return e;
}
}  // namespace tinykg::sparql::detail
