// RDF terms and quads as plain values.
// A Term is an IRI, a blank node or a literal (lexical form + datatype IRI or
// language tag). Terms are compared by value; the store maps each distinct
// term to a 64-bit id (see store/dictionary.h) and works on ids only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tinykg::rdf {

enum class TermKind : uint8_t { Iri = 0, Blank = 1, Literal = 2 };

namespace xsd {
inline constexpr std::string_view kString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view kDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view kDouble = "http://www.w3.org/2001/XMLSchema#double";
inline constexpr std::string_view kFloat = "http://www.w3.org/2001/XMLSchema#float";
inline constexpr std::string_view kBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr std::string_view kDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
}  // namespace xsd
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

struct Term {
  TermKind kind = TermKind::Iri;
  std::string value;     // IRI, blank node label (without "_:"), or lexical form
  std::string datatype;  // literals: datatype IRI; empty = xsd:string (or langString)
  std::string lang;      // literals: language tag, lower-cased; empty if none

  static Term iri(std::string iri) { return {TermKind::Iri, std::move(iri), {}, {}}; }
  static Term blank(std::string label) { return {TermKind::Blank, std::move(label), {}, {}}; }
  static Term literal(std::string lexical, std::string datatype = {}, std::string lang = {});
  static Term integer(int64_t v);
  static Term decimal(double v);   // canonical xsd:decimal lexical form
  static Term boolean(bool v);

  bool is_iri() const { return kind == TermKind::Iri; }
  bool is_blank() const { return kind == TermKind::Blank; }
  bool is_literal() const { return kind == TermKind::Literal; }
  // Datatype with the RDF 1.1 defaults filled in (xsd:string / rdf:langString).
  std::string_view effective_datatype() const;

  // N-Triples syntax: <iri>, _:label, "lex"^^<dt>, "lex"@lang.
  std::string to_ntriples() const;

  // Compact, unambiguous byte encoding used as the dictionary key.
  std::string encode() const;
  static Term decode(std::string_view bytes);

  friend bool operator==(const Term&, const Term&) = default;
};

// A quad; `graph` is an IRI (or blank node) naming the graph, or the default
// graph when graph.value is empty and kind is Iri.
struct Quad {
  Term subject, predicate, object, graph;
  bool in_default_graph() const { return graph.is_iri() && graph.value.empty(); }
  friend bool operator==(const Quad&, const Quad&) = default;
};

// Escapes a string for use inside "..." in N-Triples / Turtle / SPARQL.
std::string escape_string(std::string_view s);

}  // namespace tinykg::rdf
