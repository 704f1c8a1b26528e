// Expansion algorithm, steps 1–12 and 15–20 (JSON-LD 1.1 API, section 5.1.2),
// and Value Expansion (5.3.2).
#include "rdf/jsonld/expansion.h"

#include <algorithm>

#include "rdf/jsonld/error.h"
#include "rdf/jsonld/iri.h"

namespace tinykg::rdf::jsonld {

json as_array(const json& v) { return v.is_array() ? v : json::array({v}); }
bool is_value_object(const json& v) { return v.is_object() && v.contains("@value"); }
bool is_list_object(const json& v) { return v.is_object() && v.contains("@list"); }
bool is_graph_object(const json& v) {
  if (!v.is_object() || !v.contains("@graph")) return false;
  for (auto& [k, _] : v.items()) {
    if (k != "@graph" && k != "@id" && k != "@index") return false;
  }
  return true;
}

json expand_value(const ActiveContext& active, const std::string& active_property,
                  const json& value) {
  const TermDefinition* def = active.find(active_property);
  if (def && def->type && value.is_string()) {
    if (*def->type == "@id" || *def->type == "@vocab") {
      auto iri = expand_iri(active, value.get<std::string>(), true, *def->type == "@vocab");
      return json{{"@id", iri ? json(*iri) : json(nullptr)}};
    }
  }
  json result{{"@value", value}};
  if (def && def->type && *def->type != "@id" && *def->type != "@vocab" && *def->type != "@none") {
    result["@type"] = *def->type;
  } else if (value.is_string()) {
    json language = def && def->language ? *def->language
                    : active.default_language ? json(*active.default_language)
                                              : json(nullptr);
    json direction = def && def->direction ? *def->direction
                     : active.default_direction ? json(*active.default_direction)
                                                : json(nullptr);
    if (!language.is_null()) result["@language"] = language;
    if (!direction.is_null()) result["@direction"] = direction;
  }
  return result;
}

namespace {

bool expands_to(const ActiveContext& active, const std::string& key, std::string_view keyword) {
  auto iri = expand_iri(active, key, false, true);
  return iri && *iri == keyword;
}

// Step 7: a type-scoped context does not reach into nested node objects,
// except value objects and bare references.
ContextPtr revert_unpropagated(const ContextPtr& active, const json& element) {
  for (auto& [key, _] : element.items()) {
    if (expands_to(*active, key, "@value")) return active;
  }
  if (element.size() == 1 && expands_to(*active, element.begin().key(), "@id")) return active;
  return active->previous;
}

// Steps 15–19: checks and simplifications of the expanded map.
json finish_object(json result, const std::string& active_property, const std::string& pointer) {
  if (result.contains("@value")) {
    for (auto& [k, _] : result.items()) {
      if (k != "@direction" && k != "@index" && k != "@language" && k != "@type" && k != "@value") {
        throw JsonLdError("invalid value object", "unexpected entry " + k, pointer);
      }
    }
    if (result.contains("@type") && (result.contains("@language") || result.contains("@direction"))) {
      throw JsonLdError("invalid value object", "@type together with @language/@direction", pointer);
    }
    const json& v = result["@value"];
    if (result.contains("@type") && result["@type"] == "@json") {
      // A JSON literal may hold any JSON value.
    } else if (v.is_null()) {
      return nullptr;
    } else if (!v.is_string() && result.contains("@language")) {
      throw JsonLdError("invalid language-tagged value", "@language on a non-string", pointer);
    } else if (result.contains("@type") &&
               (!result["@type"].is_string() ||
                !is_well_formed_iri(result["@type"].get<std::string>()))) {
      throw JsonLdError("invalid typed value", result["@type"].dump(), pointer);
    }
  } else if (result.contains("@type") && !result["@type"].is_array()) {
    result["@type"] = json::array({result["@type"]});
  } else if (result.contains("@set") || result.contains("@list")) {
    if (result.size() > 2 || (result.size() == 2 && !result.contains("@index"))) {
      throw JsonLdError("invalid set or list object", "only @index may accompany @set/@list",
                        pointer);
    }
    if (result.contains("@set")) return result["@set"];
  }
  if (result.size() == 1 && result.contains("@language")) return nullptr;
  if (active_property.empty() || active_property == "@graph") {
    // Free-floating values, lists and bare references carry no statements.
    if (result.empty() || result.contains("@value") || result.contains("@list")) return nullptr;
    if (result.size() == 1 && result.contains("@id")) return nullptr;
  }
  return result;
}

}  // namespace

json expand_element(const Env& env, ContextPtr active, const std::string& active_property,
                    const json& element, const std::string& base_url, bool from_map,
                    const std::string& pointer) {
  if (element.is_null()) return nullptr;
  const TermDefinition* property_def = active->find(active_property);
  std::shared_ptr<const json> property_scoped = property_def ? property_def->context : nullptr;
  std::string property_base = property_def && property_def->base_url ? *property_def->base_url
                                                                      : base_url;

  if (element.is_primitive()) {
    if (active_property.empty() || active_property == "@graph") return nullptr;
    if (property_scoped) {
      active = process_context(env, active, *property_scoped, property_base, {},
                               {true, true, true}, pointer);
    }
    return expand_value(*active, active_property, element);
  }

  if (element.is_array()) {
    json result = json::array();
    bool list_container = property_def && property_def->has_container("@list");
    for (size_t i = 0; i < element.size(); ++i) {
      json item = expand_element(env, active, active_property, element[i], base_url, from_map,
                                 pointer + "/" + std::to_string(i));
      if (list_container && item.is_array()) item = json{{"@list", item}};
      if (item.is_array()) {
        for (auto& x : item) result.push_back(std::move(x));
      } else if (!item.is_null()) {
        result.push_back(std::move(item));
      }
    }
    return result;
  }

  if (active->previous && !from_map) active = revert_unpropagated(active, element);
  if (property_scoped) {
    active = process_context(env, active, *property_scoped, property_base, {},
                             {/*override_protected=*/true, true, true}, pointer);
  }
  if (element.contains("@context")) {
    active = process_context(env, active, element["@context"], base_url, {}, {},
                             pointer + "/@context");
  }

  // Step 11: contexts scoped to the node's types, in lexicographical order of
  // the type terms (the JSON object's keys are already sorted).
  ContextPtr type_scoped = active;
  std::string input_type;
  bool seen_type_key = false;
  for (auto& [key, value] : element.items()) {
    if (!expands_to(*active, key, "@type")) continue;
    std::vector<std::string> terms;
    for (const auto& t : as_array(value)) {
      if (t.is_string()) terms.push_back(t.get<std::string>());
    }
    std::sort(terms.begin(), terms.end());
    for (const auto& term : terms) {
      const TermDefinition* def = type_scoped->find(term);
      if (!def || !def->context) continue;
      active = process_context(env, active, *def->context, def->base_url.value_or(base_url), {},
                               {false, /*propagate=*/false, true}, pointer_child(pointer, key));
    }
    if (!seen_type_key && (value.is_array() ? !value.empty() : value.is_string())) {
      const json& last = value.is_array() ? value.back() : value;
      if (last.is_string()) {
        input_type = expand_iri(*active, last.get<std::string>(), false, true).value_or("");
      }
    }
    seen_type_key = true;
  }

  ElementExpander expander(env, active, type_scoped, active_property, base_url, input_type);
  expander.expand_entries(element, pointer);
  return finish_object(expander.take_result(), active_property, pointer);
}

}  // namespace tinykg::rdf::jsonld
