#include "server/rdf_json.h"

#include <cstdlib>
#include <string>

namespace tinykg::server {

std::string_view local_name(std::string_view iri) {
  size_t cut = iri.find_last_of("#/");
  return cut == std::string_view::npos ? iri : iri.substr(cut + 1);
}

nlohmann::json term_json(const rdf::Term& term) {
  if (!term.is_literal()) return term.value;
  std::string_view type = term.effective_datatype();
  if (type == rdf::xsd::kBoolean) return term.value == "true" || term.value == "1";
  if (type == rdf::xsd::kInteger) {
    char* end = nullptr;
    long long v = std::strtoll(term.value.c_str(), &end, 10);
    if (end != nullptr && *end == '\0') return v;
  }
  if (type == rdf::xsd::kDecimal || type == rdf::xsd::kDouble || type == rdf::xsd::kFloat) {
    char* end = nullptr;
    double v = std::strtod(term.value.c_str(), &end);
    if (end != nullptr && *end == '\0') return v;
  }
  return term.value;
}

nlohmann::json node_json(std::string_view iri, const std::vector<rdf::Quad>& quads) {
  nlohmann::json node = nlohmann::json::object();
  node["iri"] = iri;
  for (const rdf::Quad& q : quads) {
    std::string key(local_name(q.predicate.value));
    nlohmann::json value = term_json(q.object);
    if (!node.contains(key)) {
      node[key] = std::move(value);
    } else {
      if (!node[key].is_array()) node[key] = nlohmann::json::array({node[key]});
      node[key].push_back(std::move(value));
    }
  }
  return node;
}

std::vector<rdf::Term> objects_of(const std::vector<rdf::Quad>& quads,
                                  std::string_view predicate_iri) {
  std::vector<rdf::Term> out;
  for (const rdf::Quad& q : quads) {
    if (q.predicate.value == predicate_iri) out.push_back(q.object);
  }
  return out;
}

}  // namespace tinykg::server
