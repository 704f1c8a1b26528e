// The builtin function of a Call expression, resolved from its name once when
// the expression is built, so evaluation dispatches on an enum instead of
// comparing the name against every builtin for each row.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace tinykg::sparql {

enum class Builtin : uint8_t {
  Unresolved,  // not a Call, or built without Expression::call
  Unknown,     // a name that is no builtin: a function named by IRI (XSD casts)
  Bound, If, Coalesce, In, NotIn, Str, Lang, Datatype, IsIri, IsUri, IsBlank, IsLiteral,
  IsNumeric, SameTerm, StrLen, UCase, LCase, LangMatches, Contains, StrStarts, StrEnds, Regex,
  Concat, Substr, StrBefore, StrAfter, Replace, EncodeForUri, StrDt, StrLang, Iri, Uri, Abs,
  Ceil, Floor, Round, Rand, Year, Month, Day, Hours, Minutes, Seconds, Timezone, Tz, Now, Md5,
  Sha1, Sha256, Sha384, Sha512, BNode, Uuid, StrUuid
};

// The builtin named `name` (lower-case), Unknown for any other name.
Builtin builtin_of(std::string_view name);

// Every builtin with its name, for tests that check each one dispatches.
const std::vector<std::pair<std::string_view, Builtin>>& all_builtins();

}  // namespace tinykg::sparql
