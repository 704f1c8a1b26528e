#include "rdf_isomorphism.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "common/utf8.h"

namespace tinykg::testing {

using rdf::Quad;
using rdf::Term;

namespace {

class NQuadsLine {
 public:
  explicit NQuadsLine(std::string_view s) : s_(s) {}
  void skip_ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }
  bool at_end() {
    skip_ws();
    return i_ >= s_.size() || s_[i_] == '#';
  }
  char peek() {
    skip_ws();
    return i_ < s_.size() ? s_[i_] : '\0';
  }
  bool consume(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  // Reads an escape after '\'; `iri` allows only \u and \U.
  bool escape(std::string& out) {
    if (i_ >= s_.size()) return false;
    char c = s_[i_++];
    if (c == 'u' || c == 'U') {
      size_t n = c == 'u' ? 4 : 8;
      if (i_ + n > s_.size()) return false;
      append_utf8(out, static_cast<uint32_t>(std::stoul(std::string(s_.substr(i_, n)), nullptr, 16)));
      i_ += n;
      return true;
    }
    static const std::map<char, char> kEscapes = {{'t', '\t'}, {'b', '\b'}, {'n', '\n'}, {'r', '\r'},
                                                  {'f', '\f'}, {'"', '"'},  {'\'', '\''}, {'\\', '\\'}};
    auto it = kEscapes.find(c);
    if (it == kEscapes.end()) return false;
    out += it->second;
    return true;
  }
  bool iri(std::string& out) {
    if (!consume('<')) return false;
    while (i_ < s_.size() && s_[i_] != '>') {
      if (s_[i_] == '\\') {
        ++i_;
        if (!escape(out)) return false;
      } else {
        out += s_[i_++];
      }
    }
    return i_++ < s_.size();
  }
  bool term(Term& t) {
    char c = peek();
    if (c == '<') {
      std::string v;
      if (!iri(v)) return false;
      t = Term::iri(v);
      return true;
    }
    if (c == '_' && i_ + 1 < s_.size() && s_[i_ + 1] == ':') {
      i_ += 2;
      size_t start = i_;
      while (i_ < s_.size() && s_[i_] != ' ' && s_[i_] != '\t' && s_[i_] != '.' ) ++i_;
      // A '.' may occur inside a label but not at its end.
      while (i_ < s_.size() && s_[i_] == '.' && i_ + 1 < s_.size() && s_[i_ + 1] != ' ' &&
             s_[i_ + 1] != '\t') {
        ++i_;
        while (i_ < s_.size() && s_[i_] != ' ' && s_[i_] != '\t' && s_[i_] != '.') ++i_;
      }
      t = Term::blank(std::string(s_.substr(start, i_ - start)));
      return true;
    }
    if (c == '"') {
      ++i_;
      std::string lex;
      while (i_ < s_.size() && s_[i_] != '"') {
        if (s_[i_] == '\\') {
          ++i_;
          if (!escape(lex)) return false;
        } else {
          lex += s_[i_++];
        }
      }
      if (i_++ >= s_.size()) return false;
      if (i_ < s_.size() && s_[i_] == '@') {
        size_t start = ++i_;
        while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-')) ++i_;
        t = Term::literal(lex, {}, std::string(s_.substr(start, i_ - start)));
        return true;
      }
      std::string dt;
      if (i_ + 1 < s_.size() && s_[i_] == '^' && s_[i_ + 1] == '^') {
        i_ += 2;
        if (!iri(dt)) return false;
      }
      t = Term::literal(lex, dt);
      return true;
    }
    return false;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

std::string key_of(const Quad& q) {
  return q.subject.encode() + '\x01' + q.predicate.encode() + '\x01' + q.object.encode() + '\x01' +
         q.graph.encode();
}

std::vector<Term*> terms_of(Quad& q) { return {&q.subject, &q.predicate, &q.object, &q.graph}; }

// Iterative colour refinement: a blank node's colour summarises the quads it
// occurs in, with other blank nodes replaced by their current colour.
std::map<std::string, size_t> refine_colours(const std::vector<Quad>& quads) {
  std::map<std::string, size_t> colour;
  for (const auto& q : quads) {
    for (const Term* t : {&q.subject, &q.predicate, &q.object, &q.graph}) {
      if (t->is_blank()) colour[t->value] = 0;
    }
  }
  for (size_t round = 0; round < colour.size() + 1; ++round) {
    std::map<std::string, std::vector<std::string>> signatures;
    for (const auto& q : quads) {
      const Term* ts[] = {&q.subject, &q.predicate, &q.object, &q.graph};
      for (const Term* self : ts) {
        if (!self->is_blank()) continue;
        std::string sig;
        for (const Term* t : ts) {
          if (t->is_blank()) {
            sig += t->value == self->value ? "@self" : "@b" + std::to_string(colour[t->value]);
          } else {
            sig += t->to_ntriples();
          }
          sig += '|';
        }
        signatures[self->value].push_back(std::move(sig));
      }
    }
    std::map<std::string, size_t> next;
    for (auto& [b, sigs] : signatures) {
      std::sort(sigs.begin(), sigs.end());
      std::string all = std::to_string(colour[b]);
      for (const auto& s : sigs) all += "\n" + s;
      next[b] = std::hash<std::string>{}(all);
    }
    if (next == colour) break;
    colour = std::move(next);
  }
  return colour;
}

}  // namespace

Result<std::vector<Quad>> parse_nquads(std::string_view text) {
  std::vector<Quad> out;
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    NQuadsLine p(line);
    if (p.at_end()) continue;
    Quad q;
    if (!p.term(q.subject) || !p.term(q.predicate) || !p.term(q.object)) {
      return fail("N-Quads line {}: bad term", line_no);
    }
    if (p.peek() != '.' && !p.term(q.graph)) return fail("N-Quads line {}: bad graph", line_no);
    if (!p.consume('.')) return fail("N-Quads line {}: missing '.'", line_no);
    out.push_back(std::move(q));
  }
  return out;
}

bool isomorphic(const std::vector<Quad>& a_in, const std::vector<Quad>& b_in) {
  auto dedupe = [](const std::vector<Quad>& in) {
    std::map<std::string, Quad> m;
    for (const auto& q : in) m.emplace(key_of(q), q);
    std::vector<Quad> out;
    for (auto& [_, q] : m) out.push_back(q);
    return out;
  };
  std::vector<Quad> a = dedupe(a_in), b = dedupe(b_in);
  if (a.size() != b.size()) return false;
  std::set<std::string> b_keys;
  for (const auto& q : b) b_keys.insert(key_of(q));

  auto ca = refine_colours(a), cb = refine_colours(b);
  if (ca.size() != cb.size()) return false;
  std::multiset<size_t> colours_a, colours_b;
  for (auto& [_, c] : ca) colours_a.insert(c);
  for (auto& [_, c] : cb) colours_b.insert(c);
  if (colours_a != colours_b) return false;

  std::vector<std::string> order;
  for (auto& [bnode, _] : ca) order.push_back(bnode);
  std::sort(order.begin(), order.end(), [&](const std::string& x, const std::string& y) {
    return colours_a.count(ca[x]) < colours_a.count(ca[y]);
  });
  std::map<std::string, std::string> mapping;
  std::set<std::string> used;

  // Checks every quad whose blank nodes are all mapped.
  auto consistent = [&]() {
    for (const auto& q : a) {
      Quad m = q;
      bool complete = true;
      for (Term* t : terms_of(m)) {
        if (!t->is_blank()) continue;
        auto it = mapping.find(t->value);
        if (it == mapping.end()) { complete = false; break; }
        t->value = it->second;
      }
      if (complete && !b_keys.count(key_of(m))) return false;
    }
    return true;
  };
  std::function<bool(size_t)> search = [&](size_t i) {
    if (i == order.size()) return consistent();
    const std::string& x = order[i];
    for (auto& [y, colour] : cb) {
      if (colour != ca[x] || used.count(y)) continue;
      mapping[x] = y;
      used.insert(y);
      if (consistent() && search(i + 1)) return true;
      mapping.erase(x);
      used.erase(y);
    }
    return false;
  };
  return search(0);
}

}  // namespace tinykg::testing
