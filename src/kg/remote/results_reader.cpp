#include "kg/remote/results_reader.h"

#include <nlohmann/json.hpp>

#include "common/utf8.h"
#include "kg/remote/skolem.h"

namespace tinykg::kg::remote {
namespace {

rdf::Term make_literal(std::string value, std::string datatype, std::string lang) {
  if (datatype == rdf::xsd::kBoolean) {
    if (value == "1") value = "true";
    if (value == "0") value = "false";
  }
  return rdf::Term::literal(std::move(value), std::move(datatype), std::move(lang));
}

rdf::Term make_term(std::string_view type, std::string value, std::string datatype,
                    std::string lang, const ReadOptions& options) {
  if (type == "uri") {
    rdf::Term t = rdf::Term::iri(std::move(value));
    return options.deskolemize ? deskolemize(std::move(t)) : t;
  }
  if (type == "bnode") return rdf::Term::blank(std::move(value));
  return make_literal(std::move(value), std::move(datatype), std::move(lang));
}

size_t column_of(sparql::ResultTable& table, const std::string& var) {
  for (size_t i = 0; i < table.variables.size(); ++i) {
    if (table.variables[i] == var) return i;
  }
  // A binding of a variable the head did not list: keep it rather than drop data.
  table.variables.push_back(var);
  for (auto& row : table.rows) row.resize(table.variables.size());
  return table.variables.size() - 1;
}

// --- SPARQL XML results: a small reader for exactly that vocabulary. ---

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) {
      out += s[i];
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "lt") out += '<';
    else if (ent == "gt") out += '>';
    else if (ent == "amp") out += '&';
    else if (ent == "quot") out += '"';
    else if (ent == "apos") out += '\'';
    else if (ent.size() > 1 && ent[0] == '#') {
      const bool hex = ent[1] == 'x' || ent[1] == 'X';
      append_utf8(out, static_cast<uint32_t>(std::stoul(
                           std::string(ent.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10)));
    } else {
      out.append(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

struct Tag {
  std::string name;        // without '/', e.g. "binding"
  bool closing = false;    // </name>
  bool self_closing = false;
  std::string_view attrs;  // raw attribute text
};

class SrxScanner {
 public:
  explicit SrxScanner(std::string_view s) : s_(s) {}
  // Next element tag; text before it goes to `text`. False at the end.
  bool next(Tag& tag, std::string_view& text) {
    for (;;) {
      size_t lt = s_.find('<', pos_);
      if (lt == std::string_view::npos) return false;
      text = s_.substr(pos_, lt - pos_);
      if (s_.substr(lt, 4) == "<!--") {
        size_t end = s_.find("-->", lt);
        if (end == std::string_view::npos) return false;
        pos_ = end + 3;
        continue;
      }
      size_t gt = s_.find('>', lt);
      if (gt == std::string_view::npos) return false;
      pos_ = gt + 1;
      std::string_view inner = s_.substr(lt + 1, gt - lt - 1);
      if (inner.starts_with('?') || inner.starts_with('!')) continue;
      tag = Tag{};
      if (inner.starts_with('/')) {
        tag.closing = true;
        inner.remove_prefix(1);
      }
      if (inner.ends_with('/')) {
        tag.self_closing = true;
        inner.remove_suffix(1);
      }
      size_t name_end = inner.find_first_of(" \t\r\n");
      tag.name = std::string(inner.substr(0, name_end));
      if (size_t colon = tag.name.find(':'); colon != std::string::npos) {
        tag.name = tag.name.substr(colon + 1);  // res:binding → binding
      }
      tag.attrs = name_end == std::string_view::npos ? std::string_view{} : inner.substr(name_end);
      return true;
    }
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

std::string attribute(std::string_view attrs, std::string_view name) {
  size_t pos = 0;
  while ((pos = attrs.find(name, pos)) != std::string_view::npos) {
    const bool starts = pos == 0 || attrs[pos - 1] == ' ' || attrs[pos - 1] == '\t' ||
                        attrs[pos - 1] == '\n' || attrs[pos - 1] == '\r';
    size_t eq = pos + name.size();
    while (eq < attrs.size() && attrs[eq] == ' ') ++eq;
    if (starts && eq < attrs.size() && attrs[eq] == '=') {
      size_t q = attrs.find_first_of("\"'", eq);
      if (q == std::string_view::npos) return {};
      size_t end = attrs.find(attrs[q], q + 1);
      if (end == std::string_view::npos) return {};
      return decode_entities(attrs.substr(q + 1, end - q - 1));
    }
    pos += name.size();
  }
  return {};
}

}  // namespace

Result<sparql::QueryResult> read_results_json(std::string_view text, ReadOptions options) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return fail("remote store: answer is not SPARQL JSON results");
  }
  if (auto b = doc.find("boolean"); b != doc.end() && b->is_boolean()) {
    return sparql::QueryResult{b->get<bool>()};
  }
  sparql::ResultTable table;
  try {
    for (const auto& v : doc.at("head").at("vars")) table.variables.push_back(v.get<std::string>());
    for (const auto& binding : doc.at("results").at("bindings")) {
      auto& row = table.rows.emplace_back(table.variables.size());
      for (const auto& [var, cell] : binding.items()) {
        const size_t c = column_of(table, var);
        row.resize(table.variables.size());
        row[c] = make_term(cell.at("type").get<std::string>(), cell.at("value").get<std::string>(),
                           cell.value("datatype", ""), cell.value("xml:lang", ""), options);
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return fail("remote store: malformed SPARQL JSON results ({})", e.what());
  }
  for (auto& row : table.rows) row.resize(table.variables.size());
  return sparql::QueryResult{std::move(table)};
}

Result<sparql::QueryResult> read_results_xml(std::string_view text, ReadOptions options) {
  SrxScanner scanner(text);
  sparql::ResultTable table;
  std::optional<bool> boolean;
  std::vector<std::optional<rdf::Term>>* row = nullptr;
  std::optional<size_t> column;
  Tag open;  // the uri/bnode/literal element being read
  Tag tag;
  std::string_view text_before;
  bool saw_root = false;
  while (scanner.next(tag, text_before)) {
    if (tag.name == "sparql") saw_root = true;
    if (tag.closing) {
      if (tag.name == "boolean") boolean = decode_entities(text_before).find("true") != std::string::npos;
      if ((tag.name == "uri" || tag.name == "bnode" || tag.name == "literal") && row && column) {
        (*row)[*column] = make_term(tag.name, decode_entities(text_before),
                                    attribute(open.attrs, "datatype"),
                                    attribute(open.attrs, "xml:lang"), options);
      }
      if (tag.name == "binding") column.reset();
      if (tag.name == "result") row = nullptr;
      continue;
    }
    if (tag.name == "variable") {
      table.variables.push_back(attribute(tag.attrs, "name"));
    } else if (tag.name == "result") {
      row = &table.rows.emplace_back(table.variables.size());
      if (tag.self_closing) row = nullptr;
    } else if (tag.name == "binding" && row) {
      column = column_of(table, attribute(tag.attrs, "name"));
      row->resize(table.variables.size());
    } else if (tag.name == "uri" || tag.name == "bnode" || tag.name == "literal") {
      open = tag;
      if (tag.self_closing && row && column) {  // <literal/>: the empty string
        (*row)[*column] = make_term(tag.name, "", attribute(tag.attrs, "datatype"),
                                    attribute(tag.attrs, "xml:lang"), options);
      }
    }
  }
  if (!saw_root) return fail("remote store: answer is not SPARQL XML results");
  if (boolean) return sparql::QueryResult{*boolean};
  for (auto& r : table.rows) r.resize(table.variables.size());
  return sparql::QueryResult{std::move(table)};
}

Result<sparql::QueryResult> read_results(std::string_view text, std::string_view content_type,
                                         ReadOptions options) {
  if (content_type.find("xml") != std::string_view::npos) return read_results_xml(text, options);
  return read_results_json(text, options);
}

}  // namespace tinykg::kg::remote
