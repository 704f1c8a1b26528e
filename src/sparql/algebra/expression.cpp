#include "sparql/algebra/expression.h"

#include <fmt/format.h>

namespace tinykg::sparql {

Expression Expression::variable(std::string name) {
  Expression e;
  e.kind = ExprKind::Variable;
  e.name = std::move(name);
  return e;
}

Expression Expression::constant_term(rdf::Term term) {
  Expression e;
  e.kind = ExprKind::Constant;
  e.constant = std::move(term);
  return e;
}

Expression Expression::unary(ExprKind kind, Expression operand) {
  Expression e;
  e.kind = kind;
  e.args.push_back(std::move(operand));
  return e;
}

Expression Expression::binary(ExprKind kind, Expression lhs, Expression rhs) {
  Expression e;
  e.kind = kind;
  e.args.push_back(std::move(lhs));
  e.args.push_back(std::move(rhs));
  return e;
}

Expression Expression::comparison(CompareOp op, Expression lhs, Expression rhs) {
  Expression e = binary(ExprKind::Compare, std::move(lhs), std::move(rhs));
  e.compare = op;
  return e;
}

Expression Expression::arithmetic(ArithOp op, Expression lhs, Expression rhs) {
  Expression e = binary(ExprKind::Arithmetic, std::move(lhs), std::move(rhs));
  e.arith = op;
  return e;
}

Expression Expression::call(std::string function, std::vector<Expression> args) {
  Expression e;
  e.kind = ExprKind::Call;
  e.name = std::move(function);
  e.builtin = builtin_of(e.name);
  e.args = std::move(args);
  return e;
}

bool Expression::has_aggregate() const {
  if (kind == ExprKind::Aggregate) return true;
  for (const Expression& a : args) {
    if (a.has_aggregate()) return true;
  }
  return false;
}

std::set<std::string> Expression::variables() const {
  std::set<std::string> out;
  collect_variables(out);
  return out;
}

void Expression::collect_variables(std::set<std::string>& out) const {
  if (kind == ExprKind::Variable) out.insert(name);
  for (const Expression& a : args) a.collect_variables(out);
}

const char* to_string(CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      return "=";
    case CompareOp::Ne:
      return "!=";
    case CompareOp::Lt:
      return "<";
    case CompareOp::Le:
      return "<=";
    case CompareOp::Gt:
      return ">";
    case CompareOp::Ge:
      return ">=";
  }
  return "?";
}

const char* to_string(ArithOp op) {
  switch (op) {
    case ArithOp::Add:
      return "+";
    case ArithOp::Sub:
      return "-";
    case ArithOp::Mul:
      return "*";
    case ArithOp::Div:
      return "/";
  }
  return "?";
}

std::string Expression::to_string() const {
  switch (kind) {
    case ExprKind::Variable:
      return "?" + name;
    case ExprKind::Constant:
      return constant.to_ntriples();
    case ExprKind::Or:
      return fmt::format("({} || {})", args[0].to_string(), args[1].to_string());
    case ExprKind::And:
      return fmt::format("({} && {})", args[0].to_string(), args[1].to_string());
    case ExprKind::Not:
      return fmt::format("!{}", args[0].to_string());
    case ExprKind::Negate:
      return fmt::format("-{}", args[0].to_string());
    case ExprKind::Compare:
      return fmt::format("({} {} {})", args[0].to_string(), sparql::to_string(compare),
                         args[1].to_string());
    case ExprKind::Arithmetic:
      return fmt::format("({} {} {})", args[0].to_string(), sparql::to_string(arith),
                         args[1].to_string());
    case ExprKind::Exists:
      return "EXISTS {...}";
    case ExprKind::Aggregate:
    case ExprKind::Call: {
      std::string out = name + "(" + (distinct ? "DISTINCT " : "");
      if (kind == ExprKind::Aggregate && args.empty()) out += "*";
      for (size_t i = 0; i < args.size(); ++i) {
        if (i) out += ", ";
        out += args[i].to_string();
      }
      return out + ")";
    }
  }
  return {};
}

std::vector<Expression> split_conjunction(Expression e) {
  std::vector<Expression> out;
  if (e.kind == ExprKind::And) {
    for (Expression& a : e.args) {
      auto parts = split_conjunction(std::move(a));
      for (Expression& p : parts) out.push_back(std::move(p));
    }
  } else {
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace tinykg::sparql
