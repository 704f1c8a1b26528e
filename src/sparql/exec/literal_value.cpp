#include "sparql/exec/literal_value.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <string>

namespace tinykg::sparql::exec {
namespace {

constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

std::optional<NumericType> numeric_type(std::string_view datatype) {
  if (datatype.substr(0, kXsd.size()) != kXsd) return std::nullopt;
  std::string_view local = datatype.substr(kXsd.size());
  if (local == "decimal") return NumericType::Decimal;
  if (local == "double") return NumericType::Double;
  if (local == "float") return NumericType::Float;
  static constexpr std::string_view kIntegers[] = {"integer",
                                                   "int",
                                                   "long",
                                                   "short",
                                                   "byte",
                                                   "nonNegativeInteger",
                                                   "positiveInteger",
                                                   "negativeInteger",
                                                   "nonPositiveInteger",
                                                   "unsignedLong",
                                                   "unsignedInt",
                                                   "unsignedShort",
                                                   "unsignedByte"};
  for (std::string_view name : kIntegers) {
    if (local == name) return NumericType::Integer;
  }
  return std::nullopt;
}

std::string_view trim(std::string_view s) {
  // XSD numeric types collapse whitespace around the lexical form.
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool valid_integer(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  return all_digits(s);
}

bool valid_decimal(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  size_t dot = s.find('.');
  if (dot == std::string_view::npos) return all_digits(s);
  std::string_view whole = s.substr(0, dot), frac = s.substr(dot + 1);
  if (whole.empty() && frac.empty()) return false;
  return (whole.empty() || all_digits(whole)) && (frac.empty() || all_digits(frac));
}

bool valid_double(std::string_view s) {
  if (s == "INF" || s == "+INF" || s == "-INF" || s == "NaN") return true;
  size_t e = s.find_first_of("eE");
  if (e == std::string_view::npos) return valid_decimal(s);
  return valid_decimal(s.substr(0, e)) && valid_integer(s.substr(e + 1));
}

std::optional<double> parse_double(std::string_view s) {
  if (s == "INF" || s == "+INF") return HUGE_VAL;
  if (s == "-INF") return -HUGE_VAL;
  if (s == "NaN") return std::nan("");
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() && ec != std::errc::result_out_of_range) return std::nullopt;
  if (ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

bool is_numeric_datatype(std::string_view datatype) { return numeric_type(datatype).has_value(); }

std::optional<Numeric> as_numeric(const rdf::Term& term) {
  if (!term.is_literal() || !term.lang.empty()) return std::nullopt;
  auto type = numeric_type(term.datatype);
  if (!type) return std::nullopt;
  std::string_view lex = trim(term.value);
  Numeric n;
  n.type = *type;
  switch (*type) {
    case NumericType::Integer: {
      if (!valid_integer(lex)) return std::nullopt;
      std::string_view digits = lex[0] == '+' ? lex.substr(1) : lex;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n.integer);
      n.exact = ec == std::errc() && ptr == digits.data() + digits.size();
      auto v = parse_double(lex);
      if (!v) return std::nullopt;
      n.value = *v;
      return n;
    }
    case NumericType::Decimal:
      if (!valid_decimal(lex)) return std::nullopt;
      break;
    case NumericType::Float:
    case NumericType::Double:
      if (!valid_double(lex)) return std::nullopt;
      break;
  }
  auto v = parse_double(lex);
  if (!v) return std::nullopt;
  n.value = *v;
  return n;
}

bool is_plain_string(const rdf::Term& term) {
  return term.is_literal() && term.lang.empty() &&
         (term.datatype.empty() || term.datatype == rdf::xsd::kString);
}

bool is_string_literal(const rdf::Term& term) {
  return is_plain_string(term) || (term.is_literal() && !term.lang.empty());
}

std::optional<bool> as_boolean(const rdf::Term& term) {
  if (!term.is_literal() || term.datatype != rdf::xsd::kBoolean) return std::nullopt;
  std::string_view lex = trim(term.value);
  if (lex == "true" || lex == "1") return true;
  if (lex == "false" || lex == "0") return false;
  return std::nullopt;
}

std::optional<rdf::Term> make_numeric(NumericType type, double value, int64_t integer, bool exact) {
  switch (type) {
    case NumericType::Integer:
      if (exact) return rdf::Term::integer(integer);
      if (!std::isfinite(value)) return std::nullopt;
      return rdf::Term::literal(fmt::format("{:.0f}", value), std::string(rdf::xsd::kInteger));
    case NumericType::Decimal:
      if (!std::isfinite(value)) return std::nullopt;
      return rdf::Term::decimal(value);
    case NumericType::Float:
    case NumericType::Double: {
      std::string lex = std::isnan(value)   ? "NaN"
                        : std::isinf(value) ? (value > 0 ? "INF" : "-INF")
                                            : fmt::format("{:E}", value);
      return rdf::Term::literal(
          lex, std::string(type == NumericType::Float ? rdf::xsd::kFloat : rdf::xsd::kDouble));
    }
  }
  return std::nullopt;
}

}  // namespace tinykg::sparql::exec
