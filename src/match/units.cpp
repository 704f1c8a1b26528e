#include "match/units.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "kg/vocabulary.h"

namespace tinykg::match {

namespace {

bool is_numeric_datatype(std::string_view dt) {
  constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
  if (dt.substr(0, kXsd.size()) != kXsd) return false;
  static constexpr std::array<std::string_view, 16> kNumeric = {
      "integer", "decimal", "double", "float", "int", "long", "short", "byte",
      "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
      "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"};
  std::string_view local = dt.substr(kXsd.size());
  return std::find(kNumeric.begin(), kNumeric.end(), local) != kNumeric.end();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<double> numeric_value(const rdf::Term& literal) {
  if (!literal.is_literal() || !is_numeric_datatype(literal.effective_datatype())) {
    return std::nullopt;
  }
  std::string_view text = trim(literal.value);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text == "INF") return HUGE_VAL;
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || std::isnan(v)) return std::nullopt;
  return v;
}

std::optional<double> kilobytes_per_unit(const rdf::Term& unit) {
  struct Unit {
    std::string_view name;
    double kb;
  };
  // OM local names and text codes; text codes compare case-sensitively
  // because "MB" (megabyte) and "mb" (millibar) differ in real data.
  static constexpr std::array<Unit, 18> kUnits = {{
      {"byte", 0.001},        {"kilobyte", 1.0},     {"megabyte", 1000.0},
      {"gigabyte", 1e6},      {"kibibyte", 1.024},   {"mebibyte", 1048.576},
      {"B", 0.001},           {"kB", 1.0},           {"KB", 1.0},
      {"KiB", 1.024},         {"MB", 1000.0},        {"MiB", 1048.576},
      {"GB", 1e6},            {"AD", 0.001},         {"2P", 1.0},
      {"4L", 1000.0},         {"bytes", 0.001},      {"kilobytes", 1.0},
  }};
  std::string_view name = unit.value;
  if (unit.is_iri()) {
    if (name.substr(0, kg::vocab::kOm.size()) != kg::vocab::kOm) return std::nullopt;
    name.remove_prefix(kg::vocab::kOm.size());
  } else if (!unit.is_literal()) {
    return std::nullopt;
  }
  name = trim(name);
  for (const Unit& u : kUnits) {
    if (u.name == name) return u.kb;
  }
  return std::nullopt;
}

MemoryFigure memory_figure(const rdf::Term& value, const rdf::Term* unit) {
  std::optional<double> number = numeric_value(value);
  if (!number) {
    return MemoryFigure::not_understood(
        fmt::format("{} is not a number", value.to_ntriples()));
  }
  if (*number < 0) {
    return MemoryFigure::not_understood(fmt::format("{} is negative", value.value));
  }
  double factor = 1.0;
  if (unit) {
    std::optional<double> per_unit = kilobytes_per_unit(*unit);
    if (!per_unit) {
      return MemoryFigure::not_understood(
          fmt::format("unit {} is not a memory unit tinykg knows", unit->to_ntriples()));
    }
    factor = *per_unit;
  }
  return MemoryFigure::value(*number * factor);
}

bool memory_suffices(double need_kb, double have_kb) {
  return need_kb <= have_kb + 1e-9 * std::max(1.0, std::fabs(have_kb));
}

std::string format_kilobytes(double kb) {
  std::string s = fmt::format("{:.3f}", kb);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace tinykg::match
