// The parsed query: what the user wrote, with prefixes expanded and relative
// IRIs resolved, but not yet translated into the algebra (algebra/translate.h
// does that, following SPARQL 1.1 section 18.2).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "rdf/term.h"
#include "sparql/algebra/expression.h"
#include "sparql/parser/property_path.h"

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
  // A property path other than a plain IRI or variable; `predicate` is then
  // unused. Shared: patterns are copied around by the optimizer.
  std::shared_ptr<const PropertyPath> path;
  std::string to_string() const;
  friend bool operator==(const TriplePattern&, const TriplePattern&) = default;
};

struct GroupPattern;
struct ParsedQuery;

// VALUES data: rows of terms over variables; nullopt is UNDEF.
struct InlineData {
  std::vector<std::string> variables;
  std::vector<std::vector<std::optional<rdf::Term>>> rows;
};

// One element of a group graph pattern, in the order written.
struct GroupElement {
  enum class Kind { Triples, Group, Filter, Optional, Union, Minus, Bind, Values, SubSelect, Graph };
  Kind kind = Kind::Triples;
  std::vector<TriplePattern> triples;  // Triples: one block of consecutive triples
  // Group, Optional, Minus: exactly one nested { ... }; Union: the alternatives
  std::vector<GroupPattern> group;
  std::optional<Expression> filter;  // Filter condition; Bind expression
  std::string variable;              // Bind: the target variable
  InlineData values;                 // Values
  std::shared_ptr<ParsedQuery> subquery;  // SubSelect
  PatternTerm graph;                      // Graph: the graph name (variable or IRI)
};

struct GroupPattern {
  std::vector<GroupElement> elements;
  // Every named variable mentioned anywhere inside (patterns, FILTERs, BIND,
  // nested groups; not inside subqueries, whose variables are their own).
  std::vector<std::string> all_variables() const;
};

struct OrderCondition {
  Expression expression;
  bool descending = false;
};

enum class QueryForm { Select, Ask, Construct, Describe };

struct ParsedQuery {
  QueryForm form = QueryForm::Select;
  std::vector<TriplePattern> construct_template;  // CONSTRUCT
  // DESCRIBE: the resources named (variables and IRIs, in order); empty with
  // select_all for DESCRIBE *.
  std::vector<PatternTerm> describe_targets;
  std::string base;
  std::vector<std::pair<std::string, std::string>> prefixes;  // prefix -> IRI
  bool distinct = false;
  bool select_all = false;              // SELECT *
  std::vector<std::string> projection;  // SELECT ?a ?b (empty when select_all)
  // Parallel to `projection`: the expression of (expr AS ?v), else nullopt.
  std::vector<std::optional<Expression>> projection_expressions;
  // GROUP BY conditions; the string is the AS variable or empty.
  std::vector<std::pair<Expression, std::string>> group_by;
  std::vector<Expression> having;
  std::optional<InlineData> values;  // VALUES after the query pattern
  std::vector<std::string> from, from_named;  // the dataset (FROM / FROM NAMED IRIs)
  GroupPattern where;
  std::vector<OrderCondition> order_by;
  std::optional<uint64_t> limit;
  uint64_t offset = 0;

  // Named variables in order of first appearance in WHERE (the meaning of *).
  std::vector<std::string> visible_variables() const;
};

}  // namespace tinykg::sparql
