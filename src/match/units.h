// Memory figures as the graph states them, normalised to kilobytes
// (1 kB = 1000 bytes, the tinykg and reference-graph convention).
//
// A board's RAM is `schema:value`, a model's need is `schema:minValue`; both
// may be any XSD numeric literal (integer, decimal, double, float, int, ...)
// and may carry a `schema:unitCode`. Without a unit the figure is kB, as in
// every tinykg and reference graph. Understood units: om:byte, om:kilobyte,
// om:megabyte, om:gigabyte, om:kibibyte, om:mebibyte (IRIs), and the text
// codes "B", "kB", "KB", "KiB", "MB", "MiB", "GB" plus the UN/CEFACT common
// codes "AD" (byte), "2P" (kilobyte), "4L" (megabyte).
#pragma once

#include <optional>
#include <string>

#include "rdf/term.h"

namespace tinykg::match {

// One memory figure of a board or a model. `state` keeps apart what the
// graph does not say (NotStated) from what it says in a form we cannot read
// (NotUnderstood): both make a fit "unknown", with different reasons.
// `Any` is for ad-hoc questions that do not constrain this figure.
struct MemoryFigure {
  enum class State { NotStated, Value, NotUnderstood, Any };
  State state = State::NotStated;
  double kilobytes = 0;  // meaningful when state == Value
  std::string problem;   // NotUnderstood: what is wrong, for the explanation

  static MemoryFigure not_stated() { return {}; }
  static MemoryFigure any() { return {State::Any, 0, {}}; }
  static MemoryFigure value(double kb) { return {State::Value, kb, {}}; }
  static MemoryFigure not_understood(std::string why) {
    return {State::NotUnderstood, 0, std::move(why)};
  }
  bool known() const { return state == State::Value; }
  friend bool operator==(const MemoryFigure&, const MemoryFigure&) = default;
};

// The numeric value of a literal of any XSD numeric type; nullopt for
// anything else (IRIs, strings, booleans, malformed numbers).
std::optional<double> numeric_value(const rdf::Term& literal);

// Kilobytes per unit for a `schema:unitCode` (IRI or text code); nullopt for
// a unit that is not a memory unit we know.
std::optional<double> kilobytes_per_unit(const rdf::Term& unit);

// A stated value (and its unit, if any) as a MemoryFigure in kB.
MemoryFigure memory_figure(const rdf::Term& value, const rdf::Term* unit);

// True when `need_kb` fits into `have_kb`. Unit conversions happen in
// double, so 1 KiB and 1024 bytes may differ in the last bit: figures within
// a relative 1e-9 count as equal. The one comparison every fit check uses.
bool memory_suffices(double need_kb, double have_kb);

// "116.536", "96", "1.024": at most three decimals, no trailing zeros.
std::string format_kilobytes(double kb);

}  // namespace tinykg::match
