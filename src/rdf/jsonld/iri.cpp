#include "rdf/jsonld/iri.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace tinykg::rdf::jsonld {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

// The five components of RFC 3986 section 3; `has_*` distinguishes an empty
// component from an absent one, which matters for resolution.
struct IriParts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

size_t scheme_length(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return 0;
  for (size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':') return i;
    if (!is_alnum(c) && c != '+' && c != '-' && c != '.') return 0;
  }
  return 0;
}

IriParts split(std::string_view s) {
  IriParts p;
  if (size_t n = scheme_length(s)) {
    p.scheme = s.substr(0, n);
    p.has_scheme = true;
    s.remove_prefix(n + 1);
  }
  if (size_t hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = s.substr(hash + 1);
    p.has_fragment = true;
    s = s.substr(0, hash);
  }
  if (size_t q = s.find('?'); q != std::string_view::npos) {
    p.query = s.substr(q + 1);
    p.has_query = true;
    s = s.substr(0, q);
  }
  if (s.starts_with("//")) {
    s.remove_prefix(2);
    size_t slash = s.find('/');
    p.authority = s.substr(0, slash);
    p.has_authority = true;
    s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
  }
  p.path = s;
  return p;
}

// RFC 3986 section 5.2.4.
std::string remove_dot_segments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      size_t last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      size_t start = in[0] == '/' ? 1 : 0;
      size_t next = in.find('/', start);
      if (next == std::string_view::npos) next = in.size();
      out.append(in.substr(0, next));
      in.remove_prefix(next);
    }
  }
  return out;
}

std::string merge_paths(const IriParts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + std::string(ref_path);
  size_t slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(ref_path);
  return std::string(base.path.substr(0, slash + 1)) + std::string(ref_path);
}

}  // namespace

bool is_keyword(std::string_view s) {
  // The JSON-LD 1.1 keywords plus the framing ones (which expansion ignores).
  static constexpr std::array<std::string_view, 29> kKeywords = {
      "@base",    "@container", "@context",   "@default", "@direction", "@embed",
      "@explicit", "@graph",    "@id",        "@import",  "@included",  "@index",
      "@json",    "@language",  "@list",      "@nest",    "@none",      "@omitDefault",
      "@prefix",  "@preserve",  "@protected", "@requireAll", "@reverse", "@set",
      "@type",    "@value",     "@version",   "@vocab",   "@propagate"};
  return s.starts_with('@') && std::find(kKeywords.begin(), kKeywords.end(), s) != kKeywords.end();
}

bool has_keyword_form(std::string_view s) {
  if (s.size() < 2 || s[0] != '@') return false;
  return std::all_of(s.begin() + 1, s.end(), is_alpha);
}

bool is_absolute_iri(std::string_view s) { return scheme_length(s) > 0; }

bool is_blank_node_id(std::string_view s) { return s.starts_with("_:"); }

bool is_well_formed_iri(std::string_view s) {
  if (!is_absolute_iri(s)) return false;
  // A fragment cannot contain another '#'.
  if (size_t hash = s.find('#'); hash != std::string_view::npos && s.find('#', hash + 1) != std::string_view::npos) {
    return false;
  }
  for (unsigned char c : s) {
    if (c <= 0x20) return false;
    switch (c) {
      case '<': case '>': case '"': case '{': case '}': case '|': case '\\': case '^': case '`':
        return false;
      default: break;
    }
  }
  return true;
}

bool is_well_formed_language(std::string_view s) {
  size_t i = 0;
  bool first = true;
  while (true) {
    size_t start = i;
    while (i < s.size() && (first ? is_alpha(s[i]) : is_alnum(s[i]))) ++i;
    size_t len = i - start;
    if (len < 1 || len > 8) return false;
    if (i == s.size()) return true;
    if (s[i] != '-') return false;
    ++i;
    first = false;
  }
}

std::string resolve_iri(std::string_view base_iri, std::string_view reference) {
  IriParts r = split(reference);
  if (r.has_scheme) {
    std::string out(r.scheme);
    out += ':';
    if (r.has_authority) out.append("//").append(r.authority);
    out += remove_dot_segments(r.path);
    if (r.has_query) out.append("?").append(r.query);
    if (r.has_fragment) out.append("#").append(r.fragment);
    return out;
  }
  if (!is_absolute_iri(base_iri)) return std::string(reference);
  IriParts b = split(base_iri);
  std::string authority, path, query;
  bool has_authority = false, has_query = false;
  if (r.has_authority) {
    authority = r.authority;
    has_authority = true;
    path = remove_dot_segments(r.path);
    query = r.query;
    has_query = r.has_query;
  } else {
    authority = b.authority;
    has_authority = b.has_authority;
    if (r.path.empty()) {
      path = b.path;
      query = r.has_query ? r.query : b.query;
      has_query = r.has_query || b.has_query;
    } else {
      path = r.path[0] == '/' ? remove_dot_segments(r.path)
                              : remove_dot_segments(merge_paths(b, r.path));
      query = r.query;
      has_query = r.has_query;
    }
  }
  std::string out(b.scheme);
  out += ':';
  if (has_authority) out.append("//").append(authority);
  out += path;
  if (has_query) out.append("?").append(query);
  if (r.has_fragment) out.append("#").append(r.fragment);
  return out;
}

}  // namespace tinykg::rdf::jsonld
