#include "conformance/result_compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

namespace tinykg::sparql::conformance {
namespace {

using Cell = std::optional<rdf::Term>;
using Cells = std::vector<Cell>;

bool is_numeric_type(std::string_view dt) {
  static const char* kTypes[] = {"integer", "decimal", "double", "float", "int", "long", "short",
                                 "byte", "nonNegativeInteger", "positiveInteger",
                                 "nonPositiveInteger", "negativeInteger", "unsignedInt",
                                 "unsignedLong", "unsignedShort", "unsignedByte"};
  constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
  if (dt.substr(0, kXsd.size()) != kXsd) return false;
  for (const char* t : kTypes) if (dt.substr(kXsd.size()) == t) return true;
  return false;
}

bool same_term(const rdf::Term& a, const rdf::Term& b) {
  if (a.kind != b.kind) return false;
  if (!a.is_literal()) return a.value == b.value;
  if (a.lang != b.lang || a.effective_datatype() != b.effective_datatype()) return false;
  if (a.value == b.value) return true;
  if (!is_numeric_type(a.datatype)) return false;
  try {
    size_t ia = 0, ib = 0;
    double x = std::stod(a.value, &ia), y = std::stod(b.value, &ib);
    if (ia != a.value.size() || ib != b.value.size()) return false;
    return x == y || std::fabs(x - y) <= 1e-12 * std::max(std::fabs(x), std::fabs(y));
  } catch (...) {
    return false;
  }
}

// A blank-node bijection built up during the search, with undo.
struct BlankMap {
  std::map<std::string, std::string> fwd, back;
  std::vector<std::string> trail;
  bool unify(const Cell& e, const Cell& a) {
    if (!e || !a) return !e && !a;
    if (e->is_blank() || a->is_blank()) {
      if (!e->is_blank() || !a->is_blank()) return false;
      auto f = fwd.find(e->value);
      auto r = back.find(a->value);
      if (f != fwd.end() || r != back.end()) {
        return f != fwd.end() && f->second == a->value;
      }
      fwd[e->value] = a->value;
      back[a->value] = e->value;
      trail.push_back(e->value);
      return true;
    }
    return same_term(*e, *a);
  }
  void undo(size_t mark) {
    while (trail.size() > mark) {
      back.erase(fwd[trail.back()]);
      fwd.erase(trail.back());
      trail.pop_back();
    }
  }
};

// A key that equal rows share (blank nodes and numbers blurred), to only try
// plausible partners during the search.
std::string bucket_key(const Cells& row) {
  std::string k;
  for (const Cell& c : row) {
    if (!c) k += "U|";
    else if (c->is_blank()) k += "B|";
    else if (c->is_literal() && is_numeric_type(c->datatype)) k += "N" + c->datatype + "|";
    else k += c->to_ntriples() + "|";
  }
  return k;
}

class MultisetMatcher {
 public:
  MultisetMatcher(const std::vector<Cells>& e, const std::vector<Cells>& a) : e_(e), a_(a) {
    used_.assign(a.size(), false);
    for (size_t j = 0; j < a.size(); ++j) candidates_[bucket_key(a[j])].push_back(j);
  }
  bool run() { return e_.size() == a_.size() && match(0); }
  bool gave_up() const { return steps_ > kMaxSteps; }

 private:
  static constexpr long kMaxSteps = 2'000'000;  // bounds pathological blank-node searches
  bool match(size_t i) {
    if (i == e_.size()) return true;
    if (++steps_ > kMaxSteps) return false;
    auto it = candidates_.find(bucket_key(e_[i]));
    if (it == candidates_.end()) return false;
    for (size_t j : it->second) {
      if (used_[j]) continue;
      size_t mark = map_.trail.size();
      bool ok = true;
      for (size_t c = 0; c < e_[i].size() && ok; ++c) ok = map_.unify(e_[i][c], a_[j][c]);
      if (ok) {
        used_[j] = true;
        if (match(i + 1)) return true;
        used_[j] = false;
      }
      map_.undo(mark);
      // Rows without blank nodes have no alternatives worth trying.
      if (ok && mark == map_.trail.size()) return false;
    }
    return false;
  }
  const std::vector<Cells>& e_;
  const std::vector<Cells>& a_;
  std::vector<bool> used_;
  std::map<std::string, std::vector<size_t>> candidates_;
  BlankMap map_;
  long steps_ = 0;
};

std::string cell_text(const Cell& c) { return c ? c->to_ntriples() : "UNDEF"; }

}  // namespace

std::string describe(const ResultTable& t, size_t max_rows) {
  std::string out = "[";
  for (const auto& v : t.variables) out += " ?" + v;
  out += " ] " + std::to_string(t.rows.size()) + " rows";
  for (size_t i = 0; i < t.rows.size() && i < max_rows; ++i) {
    out += "\n      ";
    for (const auto& c : t.rows[i]) out += cell_text(c) + " ";
  }
  return out;
}

std::string compare_tables(const ResultTable& expected, const ResultTable& actual,
                           const std::vector<std::string>& order_keys) {
  // Align by variable name; a variable missing on one side is unbound there.
  std::vector<std::string> vars = expected.variables;
  for (const auto& v : actual.variables) {
    if (std::find(vars.begin(), vars.end(), v) == vars.end()) vars.push_back(v);
  }
  auto align = [&](const ResultTable& t) {
    std::vector<Cells> rows;
    for (const auto& r : t.rows) {
      Cells out(vars.size());
      for (size_t c = 0; c < t.variables.size() && c < r.size(); ++c) {
        out[std::find(vars.begin(), vars.end(), t.variables[c]) - vars.begin()] = r[c];
      }
      rows.push_back(std::move(out));
    }
    return rows;
  };
  std::vector<Cells> e = align(expected), a = align(actual);
  MultisetMatcher m(e, a);
  if (!m.run()) {
    return (m.gave_up() ? "blank-node matching gave up; " : std::string()) + "expected " +
           describe(expected) + "\n    got " + describe(actual);
  }
  for (const std::string& key : order_keys) {
    auto col = std::find(vars.begin(), vars.end(), key) - vars.begin();
    if (static_cast<size_t>(col) == vars.size()) continue;
    for (size_t i = 0; i < e.size(); ++i) {
      const Cell &x = e[i][col], &y = a[i][col];
      bool same = (!x && !y) || (x && y && (x->is_blank() ? y->is_blank() : same_term(*x, *y)));
      if (!same) {
        return "order differs at row " + std::to_string(i) + " for ?" + key + ": expected " +
               cell_text(x) + ", got " + cell_text(y);
      }
    }
  }
  return {};
}

std::string compare_graphs(const ConstructedGraph& expected, const ConstructedGraph& actual) {
  auto rows = [](const ConstructedGraph& g) {
    std::vector<Cells> out;
    for (const auto& q : g) out.push_back({q.subject, q.predicate, q.object});
    // Set semantics: a graph holds each triple once.
    std::sort(out.begin(), out.end(), [](const Cells& x, const Cells& y) {
      return bucket_key(x) + cell_text(x[0]) + cell_text(x[2]) <
             bucket_key(y) + cell_text(y[0]) + cell_text(y[2]);
    });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  std::vector<Cells> e = rows(expected), a = rows(actual);
  MultisetMatcher m(e, a);
  if (m.run()) return {};
  auto text = [](const std::vector<Cells>& g) {
    std::string s = std::to_string(g.size()) + " triples";
    for (size_t i = 0; i < g.size() && i < 8; ++i) {
      s += "\n      " + cell_text(g[i][0]) + " " + cell_text(g[i][1]) + " " + cell_text(g[i][2]);
    }
    return s;
  };
  return "expected " + text(e) + "\n    got " + text(a);
}

ResultTable as_csv_cells(const ResultTable& table) {
  ResultTable out = table;
  for (auto& row : out.rows) {
    for (auto& c : row) {
      if (c && !c->is_blank()) c = rdf::Term::literal(c->value);
    }
  }
  return out;
}

std::vector<std::string> order_keys_of(const std::string& query) {
  static const std::regex kOrderBy(R"(ORDER\s+BY\s+([^{}]*)$)", std::regex::icase);
  std::smatch m;
  std::vector<std::string> keys;
  size_t last_brace = query.rfind('}');
  std::string tail = last_brace == std::string::npos ? query : query.substr(last_brace);
  if (!std::regex_search(tail, m, kOrderBy)) return keys;
  std::string clause = m[1];
  // Stop at LIMIT/OFFSET; take ?x, ASC(?x), DESC(?x) keys in order.
  static const std::regex kStop(R"(\b(LIMIT|OFFSET)\b)", std::regex::icase);
  std::smatch stop;
  if (std::regex_search(clause, stop, kStop)) clause = clause.substr(0, stop.position(0));
  static const std::regex kKey(R"((?:^|\s)(?:(?:ASC|DESC)\s*\(\s*)?[?$]([A-Za-z0-9_]+)\s*\)?)",
                               std::regex::icase);
  for (auto it = std::sregex_iterator(clause.begin(), clause.end(), kKey);
       it != std::sregex_iterator(); ++it) {
    keys.push_back((*it)[1]);
    // Later keys only order within ties of the first; checking the first
    // column alone stays right when a later key is an expression.
    break;
  }
  return keys;
}

}  // namespace tinykg::sparql::conformance
