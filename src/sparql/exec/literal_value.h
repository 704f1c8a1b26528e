// Typed views of literal terms for comparisons and arithmetic.
//
// SPARQL compares numbers by value across all XSD numeric types, so
// "116"^^xsd:integer >= 116.0 holds. Derived integer types (xsd:int, long,
// short, byte, the (non)negative/positive and unsigned ones) count as
// xsd:integer for type promotion (integer < decimal < float < double).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "rdf/term.h"

namespace tinykg::sparql::exec {

enum class NumericType { Integer = 0, Decimal = 1, Float = 2, Double = 3 };

struct Numeric {
  NumericType type = NumericType::Integer;
  double value = 0;     // every type, for comparisons
  int64_t integer = 0;  // exact value when type == Integer and it fits
  bool exact = false;   // `integer` is valid
};

bool is_numeric_datatype(std::string_view datatype);

// The numeric value of a literal with a numeric datatype and a valid lexical
// form; nothing otherwise (SPARQL: a type error).
std::optional<Numeric> as_numeric(const rdf::Term& term);

// Simple literal or xsd:string (no language tag).
bool is_plain_string(const rdf::Term& term);
// Any literal whose lexical form is a string: plain, xsd:string or @lang.
bool is_string_literal(const rdf::Term& term);

// xsd:boolean with a valid lexical form.
std::optional<bool> as_boolean(const rdf::Term& term);

// Builds the literal for an arithmetic result of the given type; nothing if
// the value cannot be represented (e.g. an infinite decimal).
std::optional<rdf::Term> make_numeric(NumericType type, double value, int64_t integer, bool exact);

}  // namespace tinykg::sparql::exec
