#include "sparql/exec/expression_eval.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "common/error.h"
#include "sparql/exec/builtin_functions.h"
#include "sparql/exec/literal_value.h"

namespace tinykg::sparql::exec {
namespace {

template <typename T>
std::optional<bool> apply(CompareOp op, const T& a, const T& b) {
  switch (op) {
    case CompareOp::Eq:
      return a == b;
    case CompareOp::Ne:
      return a != b;
    case CompareOp::Lt:
      return a < b;
    case CompareOp::Le:
      return a <= b;
    case CompareOp::Gt:
      return a > b;
    case CompareOp::Ge:
      return a >= b;
  }
  return std::nullopt;
}

Value arithmetic(ArithOp op, const Value& lhs, const Value& rhs) {
  if (!lhs.ok() || !rhs.ok()) return Value::error();
  auto a = as_numeric(lhs.term());
  auto b = as_numeric(rhs.term());
  if (!a || !b) return Value::error();
  NumericType type = std::max(a->type, b->type);
  // Integer division yields a decimal (SPARQL op:numeric-divide).
  if (op == ArithOp::Div && type == NumericType::Integer) type = NumericType::Decimal;
  if (op == ArithOp::Div && type <= NumericType::Decimal && b->value == 0) return Value::error();
  if (type == NumericType::Integer && a->exact && b->exact) {
    int64_t r = 0;
    bool overflow = false;
    switch (op) {
      case ArithOp::Add:
        overflow = __builtin_add_overflow(a->integer, b->integer, &r);
        break;
      case ArithOp::Sub:
        overflow = __builtin_sub_overflow(a->integer, b->integer, &r);
        break;
      case ArithOp::Mul:
        overflow = __builtin_mul_overflow(a->integer, b->integer, &r);
        break;
      case ArithOp::Div:
        break;  // promoted to decimal above
    }
    if (!overflow) {
      auto t = make_numeric(type, static_cast<double>(r), r, true);
      return t ? Value::own(std::move(*t)) : Value::error();
    }
  }
  double r = 0;
  switch (op) {
    case ArithOp::Add:
      r = a->value + b->value;
      break;
    case ArithOp::Sub:
      r = a->value - b->value;
      break;
    case ArithOp::Mul:
      r = a->value * b->value;
      break;
    case ArithOp::Div:
      r = a->value / b->value;
      break;
  }
  auto t = make_numeric(type, r, 0, false);
  return t ? Value::own(std::move(*t)) : Value::error();
}

Value negate(const Value& v) {
  if (!v.ok()) return Value::error();
  auto n = as_numeric(v.term());
  if (!n) return Value::error();
  const bool exact = n->exact && n->integer != INT64_MIN;  // -INT64_MIN overflows
  auto t = make_numeric(n->type, -n->value, exact ? -n->integer : 0, exact);
  return t ? Value::own(std::move(*t)) : Value::error();
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Argument compatibility for CONTAINS/STRSTARTS/STRENDS (SPARQL 17.4.3.1.2).
bool compatible_strings(const rdf::Term& a, const rdf::Term& b) {
  if (!is_string_literal(a) || !is_string_literal(b)) return false;
  return b.lang.empty() || a.lang == b.lang;
}

bool lang_matches(std::string_view tag, std::string_view range) {
  if (range == "*") return !tag.empty();
  if (range.size() > tag.size()) return false;
  for (size_t i = 0; i < range.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(tag[i])) !=
        std::tolower(static_cast<unsigned char>(range[i])))
      return false;
  }
  return range.size() == tag.size() || tag[range.size()] == '-';
}

Value call(const Expression& e, const Row& row, ExecContext& ctx) {
  // Resolved once by Expression::call; by name only for a node built otherwise.
  const Builtin fn = e.builtin != Builtin::Unresolved ? e.builtin : builtin_of(e.name);
  if (fn == Builtin::Bound) {
    TINYKG_ASSERT(e.args[0].slot >= 0, "variable slot not resolved by the planner");
    return Value::boolean(row[static_cast<size_t>(e.args[0].slot)] != store::kNoId);
  }
  // Functional forms (SPARQL 17.4.1) evaluate their arguments lazily and
  // decide themselves what an error in one of them means.
  if (fn == Builtin::If) {
    auto cond = effective_boolean_value(evaluate(e.args[0], row, ctx));
    if (!cond) return Value::error();
    return evaluate(e.args[*cond ? 1 : 2], row, ctx);
  }
  if (fn == Builtin::Coalesce) {
    for (const Expression& a : e.args) {
      Value v = evaluate(a, row, ctx);
      if (v.ok()) return v;
    }
    return Value::error();
  }
  if (fn == Builtin::In || fn == Builtin::NotIn) {
    Value x = evaluate(e.args[0], row, ctx);
    if (!x.ok()) return Value::error();
    bool error = false;
    for (size_t i = 1; i < e.args.size(); ++i) {
      Value y = evaluate(e.args[i], row, ctx);
      auto eq = y.ok() ? compare_terms(x.term(), y.term(), CompareOp::Eq) : std::nullopt;
      if (eq && *eq) return Value::boolean(fn == Builtin::In);
      if (!eq) error = true;
    }
    if (error) return Value::error();
    return Value::boolean(fn == Builtin::NotIn);
  }
  std::vector<Value> args;
  args.reserve(e.args.size());
  for (const Expression& a : e.args) {
    args.push_back(evaluate(a, row, ctx));
    if (!args.back().ok()) return Value::error();
  }
  if (auto v = call_extended_builtin(fn, e.name, args, ctx)) return std::move(*v);
  const rdf::Term& x = args[0].term();
  if (fn == Builtin::Str) {
    if (x.is_blank()) return Value::error();
    return Value::own(rdf::Term::literal(x.value));
  }
  if (fn == Builtin::Lang) {
    if (!x.is_literal()) return Value::error();
    return Value::own(rdf::Term::literal(x.lang));
  }
  if (fn == Builtin::Datatype) {
    if (!x.is_literal()) return Value::error();
    return Value::own(rdf::Term::iri(std::string(x.effective_datatype())));
  }
  if (fn == Builtin::IsIri || fn == Builtin::IsUri) return Value::boolean(x.is_iri());
  if (fn == Builtin::IsBlank) return Value::boolean(x.is_blank());
  if (fn == Builtin::IsLiteral) return Value::boolean(x.is_literal());
  if (fn == Builtin::IsNumeric) return Value::boolean(as_numeric(x).has_value());
  if (fn == Builtin::SameTerm) return Value::boolean(x == args[1].term());
  if (fn == Builtin::StrLen) {
    if (!is_string_literal(x)) return Value::error();
    return Value::own(rdf::Term::integer(static_cast<int64_t>(utf8_length(x.value))));
  }
  if (fn == Builtin::UCase || fn == Builtin::LCase) {
    if (!is_string_literal(x)) return Value::error();
    rdf::Term out = x;
    for (char& c : out.value) {
      c = static_cast<char>(fn == Builtin::UCase ? std::toupper(static_cast<unsigned char>(c))
                                          : std::tolower(static_cast<unsigned char>(c)));
    }
    return Value::own(std::move(out));
  }
  if (fn == Builtin::LangMatches) {
    const rdf::Term& range = args[1].term();
    if (!is_plain_string(x) || !is_plain_string(range)) return Value::error();
    return Value::boolean(lang_matches(x.value, range.value));
  }
  if (fn == Builtin::Contains || fn == Builtin::StrStarts || fn == Builtin::StrEnds) {
    const rdf::Term& y = args[1].term();
    if (!compatible_strings(x, y)) return Value::error();
    std::string_view s = x.value, t = y.value;
    if (fn == Builtin::Contains) return Value::boolean(s.find(t) != std::string_view::npos);
    if (fn == Builtin::StrStarts) return Value::boolean(s.substr(0, t.size()) == t);
    return Value::boolean(s.size() >= t.size() && s.substr(s.size() - t.size()) == t);
  }
  if (fn == Builtin::Regex) {
    if (!is_string_literal(x)) return Value::error();
    const rdf::Term& pattern = args[1].term();
    if (!is_plain_string(pattern)) return Value::error();
    std::string flags;
    if (args.size() == 3) {
      if (!is_plain_string(args[2].term())) return Value::error();
      flags = args[2].term().value;
    }
    const RegexPattern* re = ctx.regex(pattern.value, flags);
    if (!re) return Value::error();
    try {
      return Value::boolean(re->search(x.value));
    } catch (const std::regex_error&) {
      return Value::error();  // e.g. error_complexity on a pathological pattern
    }
  }
  TINYKG_ASSERT(false, "the parser admitted a function the evaluator does not know");
  return Value::error();
}

}  // namespace

std::optional<bool> compare_terms(const rdf::Term& a, const rdf::Term& b, CompareOp op) {
  const bool equality = op == CompareOp::Eq || op == CompareOp::Ne;
  if (a.is_literal() && b.is_literal()) {
    auto na = as_numeric(a);
    auto nb = as_numeric(b);
    if (na && nb) {
      if (na->exact && nb->exact) return apply(op, na->integer, nb->integer);
      return apply(op, na->value, nb->value);  // NaN compares false (true for !=)
    }
    if (is_plain_string(a) && is_plain_string(b)) return apply(op, a.value, b.value);
    auto ba = as_boolean(a);
    auto bb = as_boolean(b);
    if (ba && bb) return apply(op, *ba, *bb);
    if (!a.lang.empty() && !b.lang.empty()) {
      if (!equality) return std::nullopt;
      return apply(op, std::tie(a.value, a.lang), std::tie(b.value, b.lang));
    }
    // Same non-numeric datatype (e.g. xsd:dateTime in canonical form): order
    // by lexical form. A proper dateTime type is future work.
    if (a.datatype == b.datatype && !a.datatype.empty() && a.lang.empty() && b.lang.empty() &&
        (a.datatype == rdf::xsd::kDateTime || a.datatype == rdf::xsd::kDate || equality)) {
      return apply(op, a.value, b.value);
    }
    if (!equality) return std::nullopt;
    // RDFterm-equal: different literals of unrelated types are an error.
    if (a == b) return op == CompareOp::Eq;
    return std::nullopt;
  }
  if (!equality) return std::nullopt;
  return apply(op, a == b, true);
}

Value evaluate(const Expression& e, const Row& row, ExecContext& ctx) {
  switch (e.kind) {
    case ExprKind::Variable: {
      TINYKG_ASSERT(e.slot >= 0, "variable slot not resolved by the planner");
      store::Id id = row[static_cast<size_t>(e.slot)];
      if (id == store::kNoId) return Value::error();
      return Value::borrow(ctx.term(id));
    }
    case ExprKind::Constant:
      return Value::borrow(e.constant);
    case ExprKind::Or:
    case ExprKind::And: {
      const bool is_or = e.kind == ExprKind::Or;
      auto lhs = effective_boolean_value(evaluate(e.args[0], row, ctx));
      // Short-circuit: the right side cannot change a decided result.
      if (lhs && *lhs == is_or) return Value::boolean(is_or);
      auto rhs = effective_boolean_value(evaluate(e.args[1], row, ctx));
      if (rhs && *rhs == is_or) return Value::boolean(is_or);
      if (lhs && rhs) return Value::boolean(!is_or);
      return Value::error();
    }
    case ExprKind::Not: {
      auto v = effective_boolean_value(evaluate(e.args[0], row, ctx));
      return v ? Value::boolean(!*v) : Value::error();
    }
    case ExprKind::Negate:
      return negate(evaluate(e.args[0], row, ctx));
    case ExprKind::Compare: {
      Value a = evaluate(e.args[0], row, ctx);
      Value b = evaluate(e.args[1], row, ctx);
      if (!a.ok() || !b.ok()) return Value::error();
      auto r = compare_terms(a.term(), b.term(), e.compare);
      return r ? Value::boolean(*r) : Value::error();
    }
    case ExprKind::Arithmetic:
      return arithmetic(e.arith, evaluate(e.args[0], row, ctx), evaluate(e.args[1], row, ctx));
    case ExprKind::Call:
      return call(e, row, ctx);
    case ExprKind::Aggregate:
      break;  // translate() replaces aggregates by variables; elsewhere an error
    case ExprKind::Exists:
      if (!ctx.exists) return Value::error();
      return Value::boolean(ctx.exists(e, row));
  }
  return Value::error();
}

std::optional<bool> effective_boolean_value(const Value& value) {
  if (!value.ok()) return std::nullopt;
  const rdf::Term& t = value.term();
  if (!t.is_literal()) return std::nullopt;
  if (t.datatype == rdf::xsd::kBoolean) return as_boolean(t).value_or(false);
  if (is_numeric_datatype(t.datatype)) {
    auto n = as_numeric(t);
    if (!n) return false;  // invalid lexical form: EBV is false
    return n->value != 0 && !std::isnan(n->value);
  }
  if (is_plain_string(t)) return !t.value.empty();
  return std::nullopt;
}

bool passes_filter(const Expression& expr, const Row& row, ExecContext& ctx) {
  return effective_boolean_value(evaluate(expr, row, ctx)).value_or(false);
}

}  // namespace tinykg::sparql::exec
