#include "sparql/algebra/builtin.h"

#include <algorithm>

namespace tinykg::sparql {

const std::vector<std::pair<std::string_view, Builtin>>& all_builtins() {
  static const std::vector<std::pair<std::string_view, Builtin>> k = {
      {"bound", Builtin::Bound}, {"if", Builtin::If}, {"coalesce", Builtin::Coalesce},
      {"in", Builtin::In}, {"notin", Builtin::NotIn}, {"str", Builtin::Str},
      {"lang", Builtin::Lang}, {"datatype", Builtin::Datatype}, {"isiri", Builtin::IsIri},
      {"isuri", Builtin::IsUri}, {"isblank", Builtin::IsBlank},
      {"isliteral", Builtin::IsLiteral}, {"isnumeric", Builtin::IsNumeric},
      {"sameterm", Builtin::SameTerm}, {"strlen", Builtin::StrLen}, {"ucase", Builtin::UCase},
      {"lcase", Builtin::LCase}, {"langmatches", Builtin::LangMatches},
      {"contains", Builtin::Contains}, {"strstarts", Builtin::StrStarts},
      {"strends", Builtin::StrEnds}, {"regex", Builtin::Regex}, {"concat", Builtin::Concat},
      {"substr", Builtin::Substr}, {"strbefore", Builtin::StrBefore},
      {"strafter", Builtin::StrAfter}, {"replace", Builtin::Replace},
      {"encode_for_uri", Builtin::EncodeForUri}, {"strdt", Builtin::StrDt},
      {"strlang", Builtin::StrLang}, {"iri", Builtin::Iri}, {"uri", Builtin::Uri},
      {"abs", Builtin::Abs}, {"ceil", Builtin::Ceil}, {"floor", Builtin::Floor},
      {"round", Builtin::Round}, {"rand", Builtin::Rand}, {"year", Builtin::Year},
      {"month", Builtin::Month}, {"day", Builtin::Day}, {"hours", Builtin::Hours},
      {"minutes", Builtin::Minutes}, {"seconds", Builtin::Seconds},
      {"timezone", Builtin::Timezone}, {"tz", Builtin::Tz}, {"now", Builtin::Now},
      {"md5", Builtin::Md5}, {"sha1", Builtin::Sha1}, {"sha256", Builtin::Sha256},
      {"sha384", Builtin::Sha384}, {"sha512", Builtin::Sha512}, {"bnode", Builtin::BNode},
      {"uuid", Builtin::Uuid}, {"struuid", Builtin::StrUuid},
  };
  return k;
}

Builtin builtin_of(std::string_view name) {
  const auto& all = all_builtins();
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& b) { return b.first == name; });
  return it == all.end() ? Builtin::Unknown : it->second;
}

}  // namespace tinykg::sparql
