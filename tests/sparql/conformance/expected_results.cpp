#include "conformance/expected_results.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "conformance/manifest.h"
#include "conformance/xml_reader.h"
#include "rdf/serd_io.h"

namespace tinykg::sparql::conformance {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string attr(const XmlNode& n, const std::string& a) {
  auto it = n.attrs.find(a);
  return it == n.attrs.end() ? std::string() : it->second;
}

int column(ResultTable& t, const std::string& var) {
  for (size_t i = 0; i < t.variables.size(); ++i) if (t.variables[i] == var) return static_cast<int>(i);
  t.variables.push_back(var);
  for (auto& r : t.rows) r.resize(t.variables.size());
  return static_cast<int>(t.variables.size()) - 1;
}

Result<ExpectedResult> read_srx(const std::string& text) {
  auto doc = XmlReader(text).document();
  if (!doc) return doc.failure();
  ExpectedResult out;
  if (const XmlNode* b = doc->child("boolean")) {
    out.kind = ExpectedResult::Kind::Boolean;
    out.boolean = b->text.find("true") != std::string::npos;
    return out;
  }
  if (const XmlNode* head = doc->child("head")) {
    for (const auto& v : head->children) if (v.name == "variable") column(out.table, attr(v, "name"));
  }
  const XmlNode* results = doc->child("results");
  if (!results) return out;
  for (const auto& r : results->children) {
    if (r.name != "result") continue;
    auto& row = out.table.rows.emplace_back(out.table.variables.size());
    for (const auto& b : r.children) {
      if (b.name != "binding" || b.children.empty()) continue;
      int c = column(out.table, attr(b, "name"));
      const XmlNode& v = b.children.front();
      if (v.name == "uri") row[c] = rdf::Term::iri(v.text);
      else if (v.name == "bnode") row[c] = rdf::Term::blank(v.text);
      else row[c] = rdf::Term::literal(v.text, attr(v, "datatype"), attr(v, "xml:lang"));
    }
    row.resize(out.table.variables.size());
  }
  for (auto& row : out.table.rows) row.resize(out.table.variables.size());
  return out;
}

Result<ExpectedResult> read_srj(const std::string& text) {
  ExpectedResult out;
  try {
    auto j = nlohmann::json::parse(text);
    if (j.contains("boolean")) {
      out.kind = ExpectedResult::Kind::Boolean;
      out.boolean = j["boolean"].get<bool>();
      return out;
    }
    for (const auto& v : j["head"]["vars"]) column(out.table, v.get<std::string>());
    for (const auto& b : j["results"]["bindings"]) {
      auto& row = out.table.rows.emplace_back(out.table.variables.size());
      for (const auto& [var, v] : b.items()) {
        int c = column(out.table, var);
        row.resize(out.table.variables.size());
        std::string type = v["type"], value = v["value"];
        if (type == "uri") row[c] = rdf::Term::iri(value);
        else if (type == "bnode") row[c] = rdf::Term::blank(value);
        else row[c] = rdf::Term::literal(value, v.value("datatype", ""), v.value("xml:lang", ""));
      }
    }
    for (auto& row : out.table.rows) row.resize(out.table.variables.size());
  } catch (const std::exception& e) {
    return fail("bad SPARQL JSON results: {}", e.what());
  }
  return out;
}

// One TSV cell: a term in Turtle syntax (numbers and booleans bare).
std::optional<rdf::Term> tsv_term(const std::string& cell) {
  if (cell.empty()) return std::nullopt;
  std::optional<rdf::Term> term;
  // Reusing the Turtle reader keeps escapes and numeric forms right.
  std::string doc = "<urn:s> <urn:p> " + cell + " .";
  Status st = rdf::read_rdf_string(doc, rdf::Syntax::Turtle, [&](const rdf::Quad& q) { term = q.object; });
  if (!st || !term) return rdf::Term::literal(cell);
  if (cell.rfind("_:", 0) == 0) return rdf::Term::blank(cell.substr(2));
  return term;
}

std::vector<std::string> split_csv_line(const std::string& line, bool& open_quote, std::string& cell,
                                        std::vector<std::string>& cells) {
  for (size_t i = 0; i < line.size(); ++i) {
    char ch = line[i];
    if (open_quote) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') { cell += '"'; ++i; }
      else if (ch == '"') open_quote = false;
      else cell += ch;
    } else if (ch == '"') open_quote = true;
    else if (ch == ',') { cells.push_back(cell); cell.clear(); }
    else if (ch != '\r') cell += ch;
  }
  return cells;
}

Result<ExpectedResult> read_csv_tsv(const std::string& text, bool csv) {
  ExpectedResult out;
  out.csv = csv;
  std::vector<std::vector<std::string>> lines;
  if (csv) {
    // Quoted CSV cells may span lines.
    std::istringstream in(text);
    std::string line, cell;
    std::vector<std::string> cells;
    bool open = false;
    while (std::getline(in, line)) {
      split_csv_line(line, open, cell, cells);
      if (open) { cell += '\n'; continue; }
      cells.push_back(cell);
      lines.push_back(cells);
      cells.clear();
      cell.clear();
    }
  } else {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::vector<std::string> cells;
      size_t start = 0;
      for (;;) {
        size_t tab = line.find('\t', start);
        cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      lines.push_back(cells);
    }
  }
  if (lines.empty()) return out;
  for (std::string v : lines[0]) {
    if (!v.empty() && (v[0] == '?' || v[0] == '$')) v.erase(0, 1);
    out.table.variables.push_back(v);
  }
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].size() == 1 && lines[i][0].empty() && out.table.variables.size() != 1) continue;
    auto& row = out.table.rows.emplace_back(out.table.variables.size());
    for (size_t c = 0; c < row.size() && c < lines[i].size(); ++c) {
      const std::string& cell = lines[i][c];
      if (csv) {
        if (cell.empty()) continue;
        row[c] = cell.rfind("_:", 0) == 0 ? rdf::Term::blank(cell.substr(2)) : rdf::Term::literal(cell);
      } else {
        row[c] = tsv_term(cell);
      }
    }
  }
  return out;
}

// RDF results: a result set in the rs: vocabulary, or a plain graph.
Result<ExpectedResult> read_rdf_result(const std::string& path) {
  ExpectedResult out;
  std::vector<rdf::Quad> quads;
  rdf::ReadOptions opts;
  opts.base_iri = "file://" + path;
  auto syntax = rdf::syntax_for_path(path).value_or(rdf::Syntax::Turtle);
  Status st = rdf::read_rdf_file(path, syntax, [&](const rdf::Quad& q) { quads.push_back(q); }, opts);
  if (!st) return st.failure();
  const std::string rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";
  bool is_result_set = false;
  for (const auto& q : quads) {
    if (q.object.is_iri() && q.object.value == rs + "ResultSet") is_result_set = true;
  }
  if (!is_result_set) {
    out.kind = ExpectedResult::Kind::Graph;
    for (auto q : quads) {
      q.graph = rdf::Term::iri("");
      out.graph.push_back(std::move(q));
    }
    return out;
  }
  auto objects = [&](const rdf::Term& s, const std::string& p) {
    std::vector<rdf::Term> o;
    for (const auto& q : quads) if (q.subject == s && q.predicate.value == p) o.push_back(q.object);
    return o;
  };
  for (const auto& q : quads) {
    if (q.predicate.value == rs + "boolean") {
      out.kind = ExpectedResult::Kind::Boolean;
      out.boolean = q.object.value == "true";
      return out;
    }
  }
  for (const auto& q : quads) {
    if (q.predicate.value == rs + "resultVariable") column(out.table, q.object.value);
  }
  std::vector<std::pair<int64_t, std::vector<std::optional<rdf::Term>>>> indexed;
  for (const auto& q : quads) {
    if (q.predicate.value != rs + "solution") continue;
    std::vector<std::optional<rdf::Term>> row(out.table.variables.size());
    for (const auto& b : objects(q.object, rs + "binding")) {
      auto var = objects(b, rs + "variable");
      auto val = objects(b, rs + "value");
      if (var.empty() || val.empty()) continue;
      int c = column(out.table, var[0].value);
      row.resize(out.table.variables.size());
      row[c] = val[0];
    }
    auto index = objects(q.object, rs + "index");
    indexed.emplace_back(index.empty() ? 0 : std::stoll(index[0].value), std::move(row));
  }
  std::stable_sort(indexed.begin(), indexed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [i, row] : indexed) {
    row.resize(out.table.variables.size());
    out.table.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace

Result<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot open {}", path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Result<ExpectedResult> read_expected(const std::string& path) {
  if (ends_with(path, ".ttl") || ends_with(path, ".nt")) return read_rdf_result(path);
  auto text = read_text(path);
  if (!text) return text.failure();
  if (ends_with(path, ".srx")) return read_srx(*text);
  if (ends_with(path, ".srj")) return read_srj(*text);
  if (ends_with(path, ".tsv")) return read_csv_tsv(*text, false);
  if (ends_with(path, ".csv")) return read_csv_tsv(*text, true);
  return fail("unsupported result format: {}", path);
}

}  // namespace tinykg::sparql::conformance
