// Inline literals: small literals carried inside their 64-bit id, so they need
// no dictionary entry (no id2term/term2id rows, no lookup when loading).
//
// An inline id has the top bit set; bits 59..62 hold the kind and bits 0..58
// the payload. Dictionary ids count up from kFirstTermId and never get near
// bit 63, and ids below kFirstTermId stay reserved.
//
//   kind      lexical forms inlined (anything else goes to the dictionary)
//   integer   xsd:integer, canonical ("0", "-12", no '+', no leading zeros), |v| < 2^58
//   decimal   xsd:decimal as -?(0|[1-9][0-9]*).[0-9]{1,15}, < 2^54 as digits; the
//             scale is kept, so "12.50" stays "12.50"
//   boolean   xsd:boolean "true" / "false"
//   string    plain strings (xsd:string, no language) of at most 7 bytes
//   date      xsd:date as NNNN-NN-NN (no time zone)
//
// Only lexical forms that decode back to exactly the same bytes are inlined,
// so the id <-> term mapping stays a bijection: equal terms have equal ids
// whether they were inlined or not, which the query engine's joins rely on.
#pragma once

#include <optional>
#include <string_view>

#include "rdf/term.h"
#include "store/ids.h"

namespace tinykg::store::detail {

inline constexpr Id kInlineBit = Id{1} << 63;
inline bool is_inline(Id id) { return (id & kInlineBit) != 0; }

// The inline id of a literal, or nullopt if it must live in the dictionary.
std::optional<Id> inline_id(std::string_view lexical, std::string_view datatype,
                            std::string_view lang);
std::optional<Id> inline_id(const rdf::Term& term);
// Same, from a term encoding (rdf::Term::encode bytes).
std::optional<Id> inline_id_of_encoding(std::string_view encoded);

// The term of an inline id (is_inline(id) must hold).
rdf::Term inline_term(Id id);

}  // namespace tinykg::store::detail
