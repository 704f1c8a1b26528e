#include "store/inline_literal.h"

#include <cstring>

#include <fmt/format.h>

#include "common/error.h"

namespace tinykg::store::detail {
namespace {

enum Kind : Id { kInteger = 1, kDecimal = 2, kBoolean = 3, kString = 4, kDate = 5 };
constexpr int kKindShift = 59;
constexpr Id kPayloadMask = (Id{1} << kKindShift) - 1;

Id make(Kind kind, Id payload) { return kInlineBit | (Id{kind} << kKindShift) | payload; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Unsigned digits without a leading zero (except "0"), below `limit`.
std::optional<uint64_t> canonical_digits(std::string_view s, uint64_t limit) {
  if (!all_digits(s) || s.size() > 19 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) v = v * 10 + static_cast<uint64_t>(c - '0');
  if (v >= limit) return std::nullopt;
  return v;
}

std::optional<Id> inline_integer(std::string_view lex) {
  const bool negative = !lex.empty() && lex[0] == '-';
  if (negative) lex.remove_prefix(1);
  auto v = canonical_digits(lex, uint64_t{1} << 58);
  if (!v || (negative && *v == 0)) return std::nullopt;  // "-0" is not canonical
  const int64_t value = negative ? -static_cast<int64_t>(*v) : static_cast<int64_t>(*v);
  return make(kInteger, static_cast<Id>(value) & kPayloadMask);
}

// Payload: bit 58 sign, bits 54..57 scale (digits after the point), bits 0..53
// all digits read as one integer.
std::optional<Id> inline_decimal(std::string_view lex) {
  const bool negative = !lex.empty() && lex[0] == '-';
  if (negative) lex.remove_prefix(1);
  const size_t dot = lex.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view whole = lex.substr(0, dot), frac = lex.substr(dot + 1);
  if (frac.empty() || frac.size() > 15 || !all_digits(frac)) return std::nullopt;
  auto w = canonical_digits(whole, uint64_t{1} << 54);
  if (!w) return std::nullopt;
  uint64_t digits = *w;
  for (char c : frac) {
    if (digits > ((uint64_t{1} << 54) - 1) / 10) return std::nullopt;
    digits = digits * 10 + static_cast<uint64_t>(c - '0');
  }
  if (digits >= (uint64_t{1} << 54)) return std::nullopt;
  return make(kDecimal, (Id{negative} << 58) | (Id{frac.size()} << 54) | digits);
}

std::optional<Id> inline_date(std::string_view lex) {
  if (lex.size() != 10 || lex[4] != '-' || lex[7] != '-') return std::nullopt;
  if (!all_digits(lex.substr(0, 4)) || !all_digits(lex.substr(5, 2)) ||
      !all_digits(lex.substr(8, 2))) {
    return std::nullopt;
  }
  auto num = [&](size_t pos, size_t len) {
    Id v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + static_cast<Id>(lex[i] - '0');
    return v;
  };
  return make(kDate, num(0, 4) * 10000 + num(5, 2) * 100 + num(8, 2));
}

// Payload: bits 56..58 the length, bits 0..55 the bytes (first byte lowest).
std::optional<Id> inline_string(std::string_view lex) {
  if (lex.size() > 7 || lex.find('\0') != std::string_view::npos) return std::nullopt;
  Id payload = Id{lex.size()} << 56;
  for (size_t i = 0; i < lex.size(); ++i) {
    payload |= Id{static_cast<unsigned char>(lex[i])} << (8 * i);
  }
  return make(kString, payload);
}

}  // namespace

std::optional<Id> inline_id(std::string_view lexical, std::string_view datatype,
                            std::string_view lang) {
  if (!lang.empty()) return std::nullopt;
  if (datatype.empty() || datatype == rdf::xsd::kString) return inline_string(lexical);
  if (datatype == rdf::xsd::kInteger) return inline_integer(lexical);
  if (datatype == rdf::xsd::kDecimal) return inline_decimal(lexical);
  if (datatype == rdf::xsd::kDate) return inline_date(lexical);
  if (datatype == rdf::xsd::kBoolean) {
    if (lexical == "true") return make(kBoolean, 1);
    if (lexical == "false") return make(kBoolean, 0);
  }
  return std::nullopt;
}

std::optional<Id> inline_id(const rdf::Term& term) {
  if (!term.is_literal()) return std::nullopt;
  return inline_id(term.value, term.datatype, term.lang);
}

// Mirrors rdf::Term::decode: kind byte, value, then "\0@lang" or "\0^datatype".
std::optional<Id> inline_id_of_encoding(std::string_view enc) {
  if (enc.empty() || enc[0] != '0' + static_cast<int>(rdf::TermKind::Literal)) return std::nullopt;
  enc.remove_prefix(1);
  const size_t sep = enc.rfind('\0');
  if (sep != std::string_view::npos && sep + 1 < enc.size() &&
      (enc[sep + 1] == '@' || enc[sep + 1] == '^')) {
    if (enc[sep + 1] == '@') return std::nullopt;
    return inline_id(enc.substr(0, sep), enc.substr(sep + 2), {});
  }
  return inline_id(enc, {}, {});
}

rdf::Term inline_term(Id id) {
  TINYKG_ASSERT(is_inline(id), "inline_term on a dictionary id");
  const Id payload = id & kPayloadMask;
  switch (static_cast<Kind>((id & ~kInlineBit) >> kKindShift)) {
    case kInteger: {
      // Sign-extend the 59-bit two's complement payload.
      const int64_t v = static_cast<int64_t>(payload << 5) >> 5;
      return rdf::Term::literal(std::to_string(v), std::string(rdf::xsd::kInteger));
    }
    case kDecimal: {
      const bool negative = (payload >> 58) & 1;
      const size_t scale = (payload >> 54) & 0xf;
      std::string digits = std::to_string(payload & ((Id{1} << 54) - 1));
      if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
      digits.insert(digits.size() - scale, 1, '.');
      if (negative) digits.insert(0, 1, '-');
      return rdf::Term::literal(std::move(digits), std::string(rdf::xsd::kDecimal));
    }
    case kBoolean:
      return rdf::Term::literal(payload ? "true" : "false", std::string(rdf::xsd::kBoolean));
    case kString: {
      std::string s(static_cast<size_t>(payload >> 56), '\0');
      for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<char>((payload >> (8 * i)) & 0xff);
      return rdf::Term::literal(std::move(s));
    }
    case kDate:
      return rdf::Term::literal(fmt::format("{:04}-{:02}-{:02}", payload / 10000,
                                            payload / 100 % 100, payload % 100),
                                std::string(rdf::xsd::kDate));
  }
  throw Error(fmt::format("storage error: unknown inline term id {:#x}", id));
}

}  // namespace tinykg::store::detail
