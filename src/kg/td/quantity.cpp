#include "kg/td/quantity.h"

#include <cctype>
#include <span>
#include <utility>

#include "rdf/term.h"

namespace tinykg::kg::td {
namespace {

// value = mantissa / 10^scale, exact while the digits fit 38 decimal places.
struct Decimal {
  __int128 mantissa = 0;
  int scale = 0;
};

std::optional<Decimal> parse_decimal(std::string_view s) {
  Decimal d;
  bool negative = false, digits = false, point = false;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' && !point) { point = true; continue; }
    if (!std::isdigit(static_cast<unsigned char>(c))) break;
    if (d.mantissa > (__int128{1} << 100)) return std::nullopt;
    d.mantissa = d.mantissa * 10 + (c - '0');
    if (point) ++d.scale;
    digits = true;
  }
  if (!digits) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {  // xsd:double lexical forms: 1.5E0
    std::string_view rest = s.substr(i + 1);
    int exponent = 0;
    bool neg_exp = !rest.empty() && rest[0] == '-';
    size_t j = (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) ? 1 : 0;
    if (j >= rest.size()) return std::nullopt;
    for (; j < rest.size(); ++j) {
      if (!std::isdigit(static_cast<unsigned char>(rest[j])) || exponent > 30) return std::nullopt;
      exponent = exponent * 10 + (rest[j] - '0');
    }
    d.scale += neg_exp ? exponent : -exponent;
    i = s.size();
  }
  if (i != s.size()) return std::nullopt;
  while (d.scale < 0) { d.mantissa *= 10; ++d.scale; }
  if (negative) d.mantissa = -d.mantissa;
  return d;
}

Decimal multiply(Decimal a, const Decimal& b) {
  return {a.mantissa * b.mantissa, a.scale + b.scale};
}

rdf::Term to_literal(Decimal d) {
  while (d.scale > 0 && d.mantissa % 10 == 0) { d.mantissa /= 10; --d.scale; }
  bool negative = d.mantissa < 0;
  __int128 m = negative ? -d.mantissa : d.mantissa;
  std::string digits;
  do { digits.insert(digits.begin(), char('0' + int(m % 10))); m /= 10; } while (m > 0);
  if (d.scale > 0) {
    if (digits.size() <= size_t(d.scale)) digits.insert(0, size_t(d.scale) - digits.size() + 1, '0');
    digits.insert(digits.size() - size_t(d.scale), ".");
  }
  if (negative) digits.insert(digits.begin(), '-');
  return rdf::Term::literal(digits, std::string(d.scale > 0 ? rdf::xsd::kDecimal : rdf::xsd::kInteger));
}

struct Unit {
  std::string_view name;
  std::string_view factor;  // to kB or Hz
};

constexpr Unit kMemoryUnits[] = {
    {"B", "0.001"},   {"byte", "0.001"}, {"bytes", "0.001"}, {"kB", "1"},       {"KB", "1"},
    {"kb", "1"},      {"KiB", "1.024"},  {"MB", "1000"},     {"MiB", "1048.576"},
    {"GB", "1000000"}, {"GiB", "1073741.824"}};
constexpr Unit kFrequencyUnits[] = {
    {"Hz", "1"}, {"hz", "1"}, {"sps", "1"}, {"kHz", "1000"}, {"ksps", "1000"}, {"MHz", "1000000"}};

}  // namespace

Result<rdf::Term> normalise_quantity(std::string_view text, QuantityKind kind) {
  const bool memory = kind == QuantityKind::Memory;
  std::string_view trimmed = text;
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
  size_t split = trimmed.find(' ');
  if (split == std::string_view::npos) {
    split = 0;
    while (split < trimmed.size() &&
           (std::isdigit(static_cast<unsigned char>(trimmed[split])) || trimmed[split] == '.' ||
            trimmed[split] == '-' || trimmed[split] == '+' ||
            ((trimmed[split] == 'E' || trimmed[split] == 'e') && split + 1 < trimmed.size() &&
             !std::isalpha(static_cast<unsigned char>(trimmed[split + 1]))))) {
      ++split;
    }
  }
  std::string_view number = trimmed.substr(0, split);
  std::string_view unit = trimmed.substr(split);
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  auto value = parse_decimal(number);
  if (!value) {
    return fail("'{}' is not a {} (write a number and a unit, e.g. {})", text,
                memory ? "memory size" : "rate", memory ? "\"256 KiB\"" : "\"16 kHz\"");
  }
  if (value->mantissa < 0) return fail("'{}' is negative", text);
  if (unit.empty()) unit = memory ? "kB" : "Hz";
  for (const Unit& u : memory ? std::span<const Unit>(kMemoryUnits)
                              : std::span<const Unit>(kFrequencyUnits)) {
    if (u.name == unit) return to_literal(multiply(*value, *parse_decimal(u.factor)));
  }
  return fail("'{}': unknown unit '{}' (use {})", text, unit,
              memory ? "B, kB, KiB, MB, MiB, GB or GiB" : "Hz, kHz, MHz or sps");
}

std::string quantity_text(const rdf::Term& literal, QuantityKind kind) {
  auto value = parse_decimal(literal.value);
  std::string text = value ? to_literal(*value).value : literal.value;
  return text + (kind == QuantityKind::Memory ? " kB" : " Hz");
}

}  // namespace tinykg::kg::td
