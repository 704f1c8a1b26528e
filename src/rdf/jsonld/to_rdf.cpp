// Deserialize JSON-LD to RDF (JSON-LD 1.1 API, section 8.1.2) with Object to
// RDF (8.1.3) and List to RDF (8.1.4).
#include "rdf/jsonld/to_rdf.h"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "rdf/jsonld/iri.h"

namespace tinykg::rdf::jsonld {

namespace {

constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

std::string rdf_iri(std::string_view local) { return std::string(kRdf) + std::string(local); }

Term term_for_id(const std::string& id) {
  if (is_blank_node_id(id)) return Term::blank(id.substr(2));
  return Term::iri(id);
}

std::string integer_lexical(const json& v) {
  if (v.is_number_integer()) return v.dump();
  // A float without a fractional part below 10^21 is written as an integer.
  // Adding 0.0 turns -0 into 0.
  return fmt::format("{:.0f}", v.get<double>() + 0.0);
}

class RdfWriterState {
 public:
  RdfWriterState(BlankNodeIssuer& issuer, const JsonLdOptions& opts, std::vector<Quad>& out)
      : issuer_(issuer), opts_(opts), out_(out) {}

  void emit(Term s, Term p, Term o, const Term& g) {
    Quad q{std::move(s), std::move(p), std::move(o), g};
    std::string key = q.subject.encode() + '\x01' + q.predicate.encode() + '\x01' +
                      q.object.encode() + '\x01' + q.graph.encode();
    if (seen_.insert(std::move(key)).second) out_.push_back(std::move(q));
  }

  // Object to RDF; nullopt when the item yields no term (ill-formed IRI,
  // ill-formed language tag).
  std::optional<Term> object(const json& item, const Term& graph) {
    if (item.contains("@list")) return list(item["@list"], graph);
    if (!item.contains("@value")) {
      if (!item.contains("@id") || !item["@id"].is_string()) return std::nullopt;
      std::string id = item["@id"].get<std::string>();
      if (!is_blank_node_id(id) && !is_well_formed_iri(id)) return std::nullopt;
      return term_for_id(id);
    }
    const json& value = item["@value"];
    std::string datatype = item.contains("@type") && item["@type"].is_string()
                               ? item["@type"].get<std::string>() : std::string();
    if (!datatype.empty() && datatype != "@json" && !is_well_formed_iri(datatype)) {
      return std::nullopt;
    }
    std::string language = item.contains("@language") ? item["@language"].get<std::string>() : "";
    if (item.contains("@language") && !is_well_formed_language(language)) return std::nullopt;

    std::string lexical;
    if (datatype == "@json") {
      lexical = canonical_json(value);
      datatype = rdf_iri("JSON");
    } else if (value.is_boolean()) {
      lexical = value.get<bool>() ? "true" : "false";
      if (datatype.empty()) datatype = std::string(xsd::kBoolean);
    } else if (value.is_number()) {
      double d = value.get<double>();
      bool is_double = value.is_number_float() &&
                       (std::fmod(d, 1.0) != 0.0 || std::fabs(d) >= 1e21);
      if (is_double || datatype == xsd::kDouble) {
        lexical = canonical_double(d);
        if (datatype.empty()) datatype = std::string(xsd::kDouble);
      } else {
        lexical = integer_lexical(value);
        if (datatype.empty()) datatype = std::string(xsd::kInteger);
      }
    } else if (value.is_string()) {
      lexical = value.get<std::string>();
    } else {
      return std::nullopt;
    }

    if (item.contains("@direction") && opts_.rdf_direction != RdfDirection::None) {
      std::string direction = item["@direction"].get<std::string>();
      if (opts_.rdf_direction == RdfDirection::I18nDatatype) {
        return Term::literal(lexical, "https://www.w3.org/ns/i18n#" + language + "_" + direction);
      }
      Term node = term_for_id(issuer_.issue());
      emit(node, Term::iri(rdf_iri("value")), Term::literal(lexical), graph);
      if (!language.empty()) emit(node, Term::iri(rdf_iri("language")), Term::literal(language), graph);
      emit(node, Term::iri(rdf_iri("direction")), Term::literal(direction), graph);
      return node;
    }
    if (!language.empty()) return Term::literal(lexical, {}, language);
    return Term::literal(lexical, datatype);
  }

  // List to RDF: rdf:first / rdf:rest cells ending in rdf:nil.
  Term list(const json& items, const Term& graph) {
    if (items.empty()) return Term::iri(rdf_iri("nil"));
    std::vector<Term> cells;
    for (size_t i = 0; i < items.size(); ++i) cells.push_back(term_for_id(issuer_.issue()));
    for (size_t i = 0; i < items.size(); ++i) {
      if (auto o = object(items[i], graph)) emit(cells[i], Term::iri(rdf_iri("first")), *o, graph);
      Term rest = i + 1 < items.size() ? cells[i + 1] : Term::iri(rdf_iri("nil"));
      emit(cells[i], Term::iri(rdf_iri("rest")), rest, graph);
    }
    return cells[0];
  }

 private:
  BlankNodeIssuer& issuer_;
  const JsonLdOptions& opts_;
  std::vector<Quad>& out_;
  std::set<std::string> seen_;
};

}  // namespace

std::vector<Quad> node_map_to_rdf(const json& node_map, BlankNodeIssuer& issuer,
                                  const JsonLdOptions& opts) {
  std::vector<Quad> out;
  RdfWriterState writer(issuer, opts, out);
  for (auto& [graph_name, graph] : node_map.items()) {
    Term graph_term;  // default graph: empty IRI
    if (graph_name != "@default") {
      if (!is_blank_node_id(graph_name) && !is_well_formed_iri(graph_name)) continue;
      graph_term = term_for_id(graph_name);
    }
    for (auto& [subject, node] : graph.items()) {
      if (!is_blank_node_id(subject) && !is_well_formed_iri(subject)) continue;
      Term s = term_for_id(subject);
      for (auto& [property, values] : node.items()) {
        if (property == "@type") {
          for (const auto& type : values) {
            // A keyword-like type ("@foo") expands to null: not an IRI, so no triple.
            if (!type.is_string()) continue;
            std::string t = type.get<std::string>();
            if (!is_blank_node_id(t) && !is_well_formed_iri(t)) continue;
            writer.emit(s, Term::iri(std::string(kRdfType)), term_for_id(t), graph_term);
          }
          continue;
        }
        if (is_keyword(property)) continue;
        if (is_blank_node_id(property) && !opts.produce_generalized_rdf) continue;
        if (!is_blank_node_id(property) && !is_well_formed_iri(property)) continue;
        Term p = term_for_id(property);
        for (const auto& item : values) {
          if (auto o = writer.object(item, graph_term)) writer.emit(s, p, *o, graph_term);
        }
      }
    }
  }
  return out;
}

}  // namespace tinykg::rdf::jsonld
