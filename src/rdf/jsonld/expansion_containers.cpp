// Expansion algorithm, steps 13.7–13.8 (JSON-LD 1.1 API, section 5.1.2):
// language maps and index / id / type maps (each also combined with @graph).
#include "rdf/jsonld/error.h"
#include "rdf/jsonld/expansion.h"
#include "rdf/jsonld/iri.h"

namespace tinykg::rdf::jsonld {

json ElementExpander::expand_language_map(const TermDefinition& def, const json& value,
                                          const std::string& pointer) {
  json expanded = json::array();
  json direction = active_->default_direction ? json(*active_->default_direction) : json(nullptr);
  if (def.direction) direction = *def.direction;
  for (auto& [language, language_value] : value.items()) {
    auto language_iri = expand_iri(*active_, language, false, true);
    for (const auto& item : as_array(language_value)) {
      if (item.is_null()) continue;
      if (!item.is_string()) {
        throw JsonLdError("invalid language map value", "must be a string", pointer_child(pointer, language));
      }
      json v{{"@value", item}};
      if (!language_iri || *language_iri != "@none") {
        std::string tag = language;
        for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        v["@language"] = tag;
      }
      if (!direction.is_null()) v["@direction"] = direction;
      expanded.push_back(std::move(v));
    }
  }
  return expanded;
}

json ElementExpander::expand_index_map(const std::string& key, const TermDefinition& def,
                                       const json& value, const std::string& pointer) {
  json expanded = json::array();
  const std::string index_key = def.index.value_or("@index");
  bool id_or_type = def.has_container("@id") || def.has_container("@type");
  for (auto& [index, index_value] : value.items()) {
    std::string here = pointer_child(pointer, index);
    // Keys of id and type maps are read with the context outside any
    // type-scoped one, as the spec's "map context".
    ContextPtr map_context = active_;
    if (id_or_type && active_->previous) map_context = active_->previous;
    if (def.has_container("@type")) {
      if (const TermDefinition* idef = map_context->find(index); idef && idef->context) {
        map_context = process_context(env_, map_context, *idef->context,
                                      idef->base_url.value_or(base_url_), {}, {}, here);
      }
    }
    auto expanded_index = expand_iri(*active_, index, false, true);
    bool is_none = expanded_index && *expanded_index == "@none";
    json items = expand_element(env_, map_context, key, as_array(index_value), base_url_,
                                /*from_map=*/true, here);
    for (auto item : as_array(items)) {
      if (def.has_container("@graph") && !is_graph_object(item)) {
        item = json{{"@graph", as_array(item)}};
      }
      if (def.has_container("@index") && index_key != "@index" && !is_none) {
        // Property-valued index: the key becomes a value of that property.
        json re_expanded = expand_value(*active_, index_key, index);
        auto index_property = expand_iri(*active_, index_key, false, true);
        if (!index_property) continue;
        json values = json::array({re_expanded});
        if (item.contains(*index_property)) {
          for (const auto& v : as_array(item[*index_property])) values.push_back(v);
        }
        item[*index_property] = std::move(values);
        if (is_value_object(item)) {
          throw JsonLdError("invalid value object", "a property-valued index on a value", here);
        }
      } else if (def.has_container("@index") && !item.contains("@index") && !is_none) {
        item["@index"] = index;
      } else if (def.has_container("@id") && !item.contains("@id") && !is_none) {
        auto id = expand_iri(*active_, index, true, false);
        item["@id"] = id ? json(*id) : json(nullptr);
      } else if (def.has_container("@type") && !is_none) {
        // A key that only looks like a keyword ("@neno") expands to nothing:
        // it adds no type (a null type would reach toRdf as a non-string).
        json types = json::array();
        if (expanded_index) types.push_back(*expanded_index);
        if (item.contains("@type")) {
          for (const auto& t : as_array(item["@type"])) types.push_back(t);
        }
        item["@type"] = std::move(types);
      }
      expanded.push_back(std::move(item));
    }
  }
  return expanded;
}

}  // namespace tinykg::rdf::jsonld
