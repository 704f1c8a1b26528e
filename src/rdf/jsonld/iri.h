// IRI helpers for the JSON-LD processor: RFC 3986 reference resolution and the
// syntactic tests the JSON-LD 1.1 API keeps asking ("is this an absolute IRI?",
// "does this look like a keyword?").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tinykg::rdf::jsonld {

// The JSON-LD keywords (the `@` forms the algorithms give meaning to).
bool is_keyword(std::string_view s);
// "@" followed by one or more ASCII letters: reserved for future keywords and
// ignored with a warning by the spec.
bool has_keyword_form(std::string_view s);

// Has a scheme, i.e. matches `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`.
bool is_absolute_iri(std::string_view s);
bool is_blank_node_id(std::string_view s);
// An absolute IRI without characters N-Quads cannot carry (space, <>"{}|\^`).
// toRdf silently drops statements whose IRIs are not well-formed.
bool is_well_formed_iri(std::string_view s);
// BCP47-shaped: 1*8ALPHA *("-" 1*8alphanum).
bool is_well_formed_language(std::string_view s);

// Resolves `reference` against `base` (RFC 3986 section 5.2). An empty or
// non-absolute base leaves the reference as it is.
std::string resolve_iri(std::string_view base, std::string_view reference);

}  // namespace tinykg::rdf::jsonld
