// The parsed query: what the user wrote, with prefixes expanded and relative
// IRIs resolved, but not yet translated into the algebra (algebra/translate.h
// does that, following SPARQL 1.1 section 18.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "rdf/term.h"
#include "sparql/algebra/expression.h"

namespace tinykg::sparql {

// A position of a triple pattern: a variable or a concrete RDF term.
// Blank nodes in patterns are variables whose names start with "_:" (they
// match anything and are never projected by SELECT *).
struct PatternTerm {
  bool is_variable = false;
  std::string variable;  // name without '?'
  rdf::Term term;

  static PatternTerm var(std::string name) { return {true, std::move(name), {}}; }
  static PatternTerm constant(rdf::Term t) { return {false, {}, std::move(t)}; }
  bool is_blank_variable() const { return is_variable && variable.rfind("_:", 0) == 0; }
  std::string to_string() const;
  friend bool operator==(const PatternTerm&, const PatternTerm&) = default;
};

struct TriplePattern {
  PatternTerm subject, predicate, object;
  std::string to_string() const;
  friend bool operator==(const TriplePattern&, const TriplePattern&) = default;
};

struct GroupPattern;

// One element of a group graph pattern, in the order written.
struct GroupElement {
  enum class Kind { Triples, Group, Filter } kind = Kind::Triples;
  std::vector<TriplePattern> triples;  // Triples: one block of consecutive triples
  std::vector<GroupPattern> group;     // Group: exactly one nested { ... }
  std::optional<Expression> filter;    // Filter
};

struct GroupPattern {
  std::vector<GroupElement> elements;
};

struct OrderCondition {
  Expression expression;
  bool descending = false;
};

struct ParsedQuery {
  std::string base;
  std::vector<std::pair<std::string, std::string>> prefixes;  // prefix -> IRI
  bool distinct = false;
  bool select_all = false;              // SELECT *
  std::vector<std::string> projection;  // SELECT ?a ?b (empty when select_all)
  GroupPattern where;
  std::vector<OrderCondition> order_by;
  std::optional<uint64_t> limit;
  uint64_t offset = 0;

  // Named variables in order of first appearance in WHERE (the meaning of *).
  std::vector<std::string> visible_variables() const;
};

}  // namespace tinykg::sparql
