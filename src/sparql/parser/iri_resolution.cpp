#include "sparql/parser/iri_resolution.h"

#include <cctype>

namespace tinykg::sparql {
namespace {

bool has_scheme(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return false;
}

struct Parts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_authority = false, has_query = false, has_fragment = false;
};

Parts split(std::string_view s) {
  Parts p;
  if (has_scheme(s)) {
    size_t colon = s.find(':');
    p.scheme = s.substr(0, colon);
    s.remove_prefix(colon + 1);
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
  if (s.substr(0, 2) == "//") {
    s.remove_prefix(2);
    size_t slash = s.find('/');
    p.authority = s.substr(0, slash);
    p.has_authority = true;
    s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
  }
  p.path = s;
  return p;
}

std::string remove_dot_segments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.substr(0, 4) == "/../" || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      size_t last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      out += in.substr(0, next);
      in = next == std::string_view::npos ? std::string_view{} : in.substr(next);
    }
  }
  return out;
}

}  // namespace

std::string resolve_iri(std::string_view base, std::string_view reference) {
  if (base.empty() || has_scheme(reference)) return std::string(reference);
  Parts b = split(base), r = split(reference);
  std::string authority, path, query;
  bool has_authority = b.has_authority, has_query = r.has_query;
  if (r.has_authority) {
    has_authority = true;
    authority = r.authority;
    path = remove_dot_segments(r.path);
    query = r.query;
  } else {
    authority = b.authority;
    if (r.path.empty()) {
      path = b.path;
      query = r.has_query ? r.query : b.query;
      has_query = r.has_query || b.has_query;
    } else {
      if (r.path[0] == '/') {
        path = remove_dot_segments(r.path);
      } else {
        std::string merged;
        if (b.has_authority && b.path.empty()) {
          merged = "/" + std::string(r.path);
        } else {
          size_t slash = b.path.rfind('/');
          merged = slash == std::string_view::npos
                       ? std::string(r.path)
                       : std::string(b.path.substr(0, slash + 1)) + std::string(r.path);
        }
        path = remove_dot_segments(merged);
      }
      query = r.query;
    }
  }
  std::string out = std::string(b.scheme) + ":";
  if (has_authority) out.append("//").append(authority);
  out += path;
  if (has_query) out.append("?").append(query);
  if (r.has_fragment) out.append("#").append(r.fragment);
  return out;
}

}  // namespace tinykg::sparql
