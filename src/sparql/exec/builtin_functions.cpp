#include "sparql/exec/builtin_functions.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <ctime>
#include <cmath>
#include <random>
#include <regex>

#include "sparql/exec/literal_value.h"
#include "sparql/parser/iri_resolution.h"

namespace tinykg::sparql::exec {
namespace {

const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

// Code-point boundaries of a UTF-8 string (SUBSTR counts characters).
std::vector<size_t> char_offsets(const std::string& s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(s.size());
  return out;
}

// A string literal like `like` (same language tag or xsd:string-ness).
rdf::Term string_like(const rdf::Term& like, std::string value) {
  return rdf::Term::literal(std::move(value), like.datatype, like.lang);
}

bool compatible_args(const rdf::Term& a, const rdf::Term& b) {
  if (!is_string_literal(a) || !is_string_literal(b)) return false;
  return b.lang.empty() || a.lang == b.lang;
}

std::optional<Value> hash(Builtin fn, const rdf::Term& x) {
  if (!is_plain_string(x)) return Value::error();
  const EVP_MD* md = fn == Builtin::Md5      ? EVP_md5()
                     : fn == Builtin::Sha1   ? EVP_sha1()
                     : fn == Builtin::Sha256 ? EVP_sha256()
                     : fn == Builtin::Sha384 ? EVP_sha384()
                                      : EVP_sha512();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!EVP_Digest(x.value.data(), x.value.size(), digest, &len, md, nullptr)) return Value::error();
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) hex += fmt::format("{:02x}", digest[i]);
  return Value::own(rdf::Term::literal(hex));
}

// xsd:dateTime "YYYY-MM-DDThh:mm:ss(.s*)?(Z|(+|-)hh:mm)?" parts.
struct DateTime {
  int64_t year = 0;
  int month = 0, day = 0, hours = 0, minutes = 0;
  std::string seconds;  // lexical, with fraction
  std::string tz;       // "", "Z" or "+hh:mm"
};

std::optional<DateTime> parse_datetime(const rdf::Term& t) {
  if (!t.is_literal() || (t.datatype != kXsd + "dateTime" && t.datatype != kXsd + "date")) {
    return std::nullopt;
  }
  static const std::regex kDateTime(
      R"((-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?))?(Z|[+-]\d{2}:\d{2})?)");
  std::smatch m;
  if (!std::regex_match(t.value, m, kDateTime)) return std::nullopt;
  DateTime d;
  d.year = std::stoll(m[1]);
  d.month = std::stoi(m[2]);
  d.day = std::stoi(m[3]);
  if (m[4].matched) {
    d.hours = std::stoi(m[4]);
    d.minutes = std::stoi(m[5]);
    d.seconds = m[6];
  }
  d.tz = m[7];
  return d;
}

std::optional<Value> date_part(Builtin fn, const rdf::Term& x) {
  auto d = parse_datetime(x);
  if (!d) return Value::error();
  if (fn == Builtin::Year) return Value::own(rdf::Term::integer(d->year));
  if (fn == Builtin::Month) return Value::own(rdf::Term::integer(d->month));
  if (fn == Builtin::Day) return Value::own(rdf::Term::integer(d->day));
  if (fn == Builtin::Hours) return Value::own(rdf::Term::integer(d->hours));
  if (fn == Builtin::Minutes) return Value::own(rdf::Term::integer(d->minutes));
  if (fn == Builtin::Seconds) {
    std::string s = d->seconds.empty() ? "0" : d->seconds;
    if (s.find('.') == std::string::npos) s += ".0";
    while (s.size() > 1 && s[0] == '0' && s[1] != '.') s.erase(0, 1);
    return Value::own(rdf::Term::literal(s, kXsd + "decimal"));
  }
  if (fn == Builtin::Tz) return Value::own(rdf::Term::literal(d->tz));
  // timezone: an xsd:dayTimeDuration, an error without a zone.
  if (d->tz.empty()) return Value::error();
  if (d->tz == "Z") return Value::own(rdf::Term::literal("PT0S", kXsd + "dayTimeDuration"));
  int h = std::stoi(d->tz.substr(1, 2)), m = std::stoi(d->tz.substr(4, 2));
  std::string out = (d->tz[0] == '-' ? "-PT" : "PT") + std::to_string(h) + "H";
  if (m) out += std::to_string(m) + "M";
  if (h == 0 && m == 0) out = "PT0S";
  return Value::own(rdf::Term::literal(out, kXsd + "dayTimeDuration"));
}

std::optional<Value> numeric_function(Builtin fn, const rdf::Term& x) {
  auto n = as_numeric(x);
  if (!n) return Value::error();
  if (n->type == NumericType::Integer && n->exact) {
    int64_t v = fn == Builtin::Abs ? std::llabs(n->integer) : n->integer;
    auto t = make_numeric(n->type, static_cast<double>(v), v, true);
    return t ? Value::own(std::move(*t)) : Value::error();
  }
  double v = n->value;
  double r = fn == Builtin::Abs     ? std::fabs(v)
             : fn == Builtin::Ceil  ? std::ceil(v)
             : fn == Builtin::Floor ? std::floor(v)
                             : std::floor(v + 0.5);  // SPARQL rounds halves up
  auto t = make_numeric(n->type, r, 0, false);
  return t ? Value::own(std::move(*t)) : Value::error();
}

std::string uuid_string() {
  static thread_local std::mt19937_64 rng(std::random_device{}());
  uint64_t a = rng(), b = rng();
  a = (a & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  b = (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // variant 1
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xffff,
                     a & 0xffff, b >> 48, b & 0xffffffffffffULL);
}

// The cast table of SPARQL 1.1 section 17.5: numbers and booleans convert
// among each other, strings convert when their lexical form is valid for the
// target type, IRIs only to xsd:string; anything else is an error.
std::optional<Value> cast(const std::string& target, const rdf::Term& x) {
  const std::string type = target.substr(kXsd.size());
  if (x.is_blank()) return Value::error();
  if (type == "string") return Value::own(rdf::Term::literal(x.value));
  if (!x.is_literal()) return Value::error();
  const bool from_string = is_plain_string(x);
  auto n = as_numeric(x);
  auto b = as_boolean(x);
  if (!from_string && !n && !b && !(type == "dateTime" && x.datatype == kXsd + "dateTime")) {
    return Value::error();
  }
  std::string lex = x.value;
  if (from_string) {
    while (!lex.empty() && std::isspace(static_cast<unsigned char>(lex.back()))) lex.pop_back();
    while (!lex.empty() && std::isspace(static_cast<unsigned char>(lex.front()))) lex.erase(0, 1);
  }
  auto valid = [&](const char* pattern) { return std::regex_match(lex, std::regex(pattern)); };
  if (type == "boolean") {
    if (from_string) {
      if (lex == "true" || lex == "1") return Value::own(rdf::Term::boolean(true));
      if (lex == "false" || lex == "0") return Value::own(rdf::Term::boolean(false));
      return Value::error();
    }
    if (b) return Value::own(rdf::Term::boolean(*b));
    return Value::own(rdf::Term::boolean(n->value != 0 && !std::isnan(n->value)));
  }
  if (type == "dateTime") {
    if (!from_string && x.datatype != kXsd + "dateTime") return Value::error();
    auto d = parse_datetime(rdf::Term::literal(lex, kXsd + "dateTime"));
    if (!d) return Value::error();
    return Value::own(rdf::Term::literal(lex, kXsd + "dateTime"));
  }
  if (b) return Value::own(rdf::Term::literal(*b ? "1" : "0", target));
  if (from_string) {
    bool ok = type == "integer" ? valid(R"([+-]?\d+)")
              : type == "decimal" ? valid(R"([+-]?(\d+(\.\d*)?|\.\d+))")
                                  : valid(R"([+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|NaN))");
    if (!ok) return Value::error();
    auto parsed = as_numeric(rdf::Term::literal(lex, target));
    if (!parsed) return Value::error();
    return Value::own(rdf::Term::literal(lex, target));
  }
  if (type == "integer") {
    if (std::isnan(n->value) || std::isinf(n->value)) return Value::error();
    if (n->exact) return Value::own(rdf::Term::integer(n->integer));
    return Value::own(rdf::Term::integer(static_cast<int64_t>(std::trunc(n->value))));
  }
  if (type == "decimal") {
    if (std::isnan(n->value) || std::isinf(n->value)) return Value::error();
    if (n->exact) return Value::own(rdf::Term::literal(std::to_string(n->integer), target));
    return Value::own(rdf::Term::decimal(n->value));
  }
  if (n->exact) return Value::own(rdf::Term::literal(std::to_string(n->integer) + ".0E0", target));
  return Value::own(rdf::Term::literal(fmt::format("{:E}", n->value), target));
}

}  // namespace

bool is_cast_function(const std::string& iri) {
  if (iri.rfind(kXsd, 0) != 0) return false;
  std::string type = iri.substr(kXsd.size());
  return type == "string" || type == "boolean" || type == "integer" || type == "decimal" ||
         type == "float" || type == "double" || type == "dateTime";
}

const std::vector<BuiltinSignature>& extended_builtins() {
  static const std::vector<BuiltinSignature> k = {
      {"concat", 0, 64},   {"substr", 2, 3},    {"strbefore", 2, 2}, {"strafter", 2, 2},
      {"replace", 3, 4},   {"encode_for_uri", 1, 1}, {"strdt", 2, 2}, {"strlang", 2, 2},
      {"iri", 1, 1},       {"uri", 1, 1},       {"abs", 1, 1},       {"ceil", 1, 1},
      {"floor", 1, 1},     {"round", 1, 1},     {"rand", 0, 0},      {"year", 1, 1},
      {"month", 1, 1},     {"day", 1, 1},       {"hours", 1, 1},     {"minutes", 1, 1},
      {"seconds", 1, 1},   {"timezone", 1, 1},  {"tz", 1, 1},        {"now", 0, 0},
      {"md5", 1, 1},       {"sha1", 1, 1},      {"sha256", 1, 1},    {"sha384", 1, 1},
      {"sha512", 1, 1},    {"bnode", 0, 1},     {"uuid", 0, 0},      {"struuid", 0, 0},
  };
  return k;
}

std::optional<Value> call_extended_builtin(Builtin fn, const std::string& name,
                                           const std::vector<Value>& args, ExecContext& ctx) {
  if (fn == Builtin::Concat) {
    std::string out;
    std::optional<std::string> lang;
    bool all_strings = true;
    for (const Value& a : args) {
      const rdf::Term& t = a.term();
      if (!is_string_literal(t)) return Value::error();
      out += t.value;
      if (!lang) lang = t.lang;
      else if (*lang != t.lang) lang = "";
      all_strings = all_strings && !t.datatype.empty();
    }
    (void)all_strings;
    return Value::own(rdf::Term::literal(out, {}, lang.value_or("")));
  }
  if (fn == Builtin::Rand) {
    static thread_local std::mt19937_64 rng(std::random_device{}());
    return Value::own(rdf::Term::literal(fmt::format("{}", std::uniform_real_distribution<>(0, 1)(rng)),
                                         kXsd + "double"));
  }
  if (fn == Builtin::Now) {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return Value::own(rdf::Term::literal(buf, kXsd + "dateTime"));
  }
  if (fn == Builtin::Uuid) return Value::own(rdf::Term::iri("urn:uuid:" + uuid_string()));
  if (fn == Builtin::StrUuid) return Value::own(rdf::Term::literal(uuid_string()));
  if (fn == Builtin::BNode) {
    if (args.empty()) return Value::own(rdf::Term::blank("fn" + uuid_string()));
    if (!is_plain_string(args[0].term())) return Value::error();
    return Value::own(rdf::Term::blank("fn" + args[0].term().value));
  }
  if (args.empty()) return std::nullopt;
  const rdf::Term& x = args[0].term();
  if (fn == Builtin::Unknown && is_cast_function(name)) return cast(name, x);
  if (fn == Builtin::Md5 || fn == Builtin::Sha1 || fn == Builtin::Sha256 ||
      fn == Builtin::Sha384 || fn == Builtin::Sha512) return hash(fn, x);
  if (fn == Builtin::Year || fn == Builtin::Month || fn == Builtin::Day ||
      fn == Builtin::Hours || fn == Builtin::Minutes || fn == Builtin::Seconds ||
      fn == Builtin::Timezone || fn == Builtin::Tz) {
    return date_part(fn, x);
  }
  if (fn == Builtin::Abs || fn == Builtin::Ceil || fn == Builtin::Floor ||
      fn == Builtin::Round) {
    return numeric_function(fn, x);
  }
  if (fn == Builtin::Iri || fn == Builtin::Uri) {
    if (x.is_iri()) return Value::own(x);
    if (!is_plain_string(x)) return Value::error();
    return Value::own(rdf::Term::iri(resolve_iri(ctx.base_iri, x.value)));
  }
  if (fn == Builtin::StrDt) {
    const rdf::Term& dt = args[1].term();
    if (!is_plain_string(x) || !dt.is_iri()) return Value::error();
    return Value::own(rdf::Term::literal(x.value, dt.value));
  }
  if (fn == Builtin::StrLang) {
    const rdf::Term& lang = args[1].term();
    if (!is_plain_string(x) || !is_plain_string(lang) || lang.value.empty()) return Value::error();
    return Value::own(rdf::Term::literal(x.value, {}, lang.value));
  }
  if (fn == Builtin::EncodeForUri) {
    if (!is_string_literal(x)) return Value::error();
    std::string out;
    for (unsigned char c : x.value) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
      else out += fmt::format("%{:02X}", c);
    }
    return Value::own(rdf::Term::literal(out));
  }
  if (fn == Builtin::Substr) {
    if (!is_string_literal(x)) return Value::error();
    auto start = as_numeric(args[1].term());
    if (!start) return Value::error();
    std::vector<size_t> offsets = char_offsets(x.value);
    const double n = static_cast<double>(offsets.size() - 1);
    double from = std::floor(start->value + 0.5);  // positions are 1-based
    double to = n + 1;
    if (args.size() == 3) {
      auto len = as_numeric(args[2].term());
      if (!len) return Value::error();
      to = from + std::floor(len->value + 0.5);
    }
    if (std::isnan(from) || std::isnan(to)) return Value::own(string_like(x, ""));
    double lo = std::max(from, 1.0), hi = std::min(to, n + 1);
    if (hi <= lo) return Value::own(string_like(x, ""));
    size_t a = offsets[static_cast<size_t>(lo) - 1], b = offsets[static_cast<size_t>(hi) - 1];
    return Value::own(string_like(x, x.value.substr(a, b - a)));
  }
  if (fn == Builtin::StrBefore || fn == Builtin::StrAfter) {
    const rdf::Term& y = args[1].term();
    if (!compatible_args(x, y)) return Value::error();
    size_t pos = x.value.find(y.value);
    if (pos == std::string::npos) return Value::own(rdf::Term::literal(""));
    std::string part = fn == Builtin::StrBefore ? x.value.substr(0, pos) : x.value.substr(pos + y.value.size());
    // An empty match keeps the argument's type (xsd:string or language).
    return Value::own(string_like(x, std::move(part)));
  }
  if (fn == Builtin::Replace) {
    if (!is_string_literal(x)) return Value::error();
    const rdf::Term& pattern = args[1].term();
    const rdf::Term& replacement = args[2].term();
    if (!is_plain_string(pattern) || !is_plain_string(replacement)) return Value::error();
    std::string flags = args.size() == 4 ? args[3].term().value : "";
    const RegexPattern* re = ctx.regex(pattern.value, flags);
    if (!re) return Value::error();
    // XPath uses $1 for groups, as does ECMAScript's format syntax.
    return Value::own(string_like(x, std::regex_replace(x.value, re->regex(), replacement.value)));
  }
  return std::nullopt;
}

}  // namespace tinykg::sparql::exec
