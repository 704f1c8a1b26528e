// Expansion algorithm, steps 13–14 (JSON-LD 1.1 API, section 5.1.2): the
// entries of a map, keyword by keyword, and @nest.
#include <algorithm>

#include "rdf/jsonld/error.h"
#include "rdf/jsonld/expansion.h"
#include "rdf/jsonld/iri.h"

namespace tinykg::rdf::jsonld {

namespace {

void append_values(json& target, const json& values) {
  if (!target.is_array()) target = target.is_null() ? json::array() : json::array({target});
  for (const auto& v : as_array(values)) target.push_back(v);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

void ElementExpander::expand_entries(const json& element, const std::string& pointer) {
  std::set<std::string> nests;
  for (auto& [key, value] : element.items()) {
    if (key == "@context") continue;
    std::string here = pointer_child(pointer, key);
    auto property = expand_iri(*active_, key, false, true);
    // Keys that map to nothing, or to a relative IRI, are dropped.
    if (!property || (property->find(':') == std::string::npos && !is_keyword(*property))) continue;
    if (is_keyword(*property)) {
      expand_keyword(key, *property, value, here, nests);
    } else {
      expand_term(key, *property, value, here);
    }
  }

  // Step 14: the entries of nested objects belong to this node.
  for (const std::string& nesting_key : nests) {
    const json& nested_values = element[nesting_key];
    ContextPtr saved = active_;
    if (const TermDefinition* def = active_->find(nesting_key); def && def->context) {
      active_ = process_context(env_, active_, *def->context, def->base_url.value_or(base_url_), {},
                                {true, true, true}, pointer_child(pointer, nesting_key));
    }
    json values = as_array(nested_values);
    for (size_t i = 0; i < values.size(); ++i) {
      const json& nested = values[i];
      std::string here = pointer_child(pointer, nesting_key) + "/" + std::to_string(i);
      if (!nested.is_object()) throw JsonLdError("invalid @nest value", "must be an object", here);
      for (auto& [k, _] : nested.items()) {
        auto iri = expand_iri(*active_, k, false, true);
        if (iri && *iri == "@value") {
          throw JsonLdError("invalid @nest value", "a nested object cannot be a value", here);
        }
      }
      expand_entries(nested, here);
    }
    active_ = saved;
  }
}

void ElementExpander::expand_keyword(const std::string& key, const std::string& keyword,
                                     const json& value, const std::string& pointer,
                                     std::set<std::string>& nests) {
  if (active_property_ == "@reverse") {
    throw JsonLdError("invalid reverse property map", "keyword " + keyword + " inside @reverse",
                      pointer);
  }
  if (result_.contains(keyword) && keyword != "@included" && keyword != "@type") {
    throw JsonLdError("colliding keywords", "two entries expand to " + keyword, pointer);
  }
  json expanded;
  if (keyword == "@id") {
    if (!value.is_string()) throw JsonLdError("invalid @id value", "must be a string", pointer);
    auto iri = expand_iri(*active_, value.get<std::string>(), true, false);
    // An @id that expands to null (e.g. "@ignoreMe") still marks the node as
    // identified, so that toRdf drops it instead of inventing a blank node.
    result_["@id"] = iri ? json(*iri) : json(nullptr);
    return;
  } else if (keyword == "@type") {
    bool ok = value.is_string() || value.is_array();
    if (value.is_array()) {
      for (const auto& t : value) ok = ok && t.is_string();
    }
    if (!ok) throw JsonLdError("invalid type value", "must be a string or array of strings", pointer);
    auto expand_type = [&](const json& t) {
      auto iri = expand_iri(*type_scoped_, t.get<std::string>(), true, true);
      return iri ? json(*iri) : json(nullptr);
    };
    if (value.is_string()) {
      expanded = expand_type(value);
    } else {
      expanded = json::array();
      for (const auto& t : value) {
        json e = expand_type(t);
        if (!e.is_null()) expanded.push_back(std::move(e));
      }
    }
    if (result_.contains("@type")) {
      json merged = as_array(result_["@type"]);
      append_values(merged, expanded);
      expanded = std::move(merged);
    }
  } else if (keyword == "@graph") {
    expanded = as_array(expand_element(env_, active_, "@graph", value, base_url_, false, pointer));
  } else if (keyword == "@included") {
    if (env_.json_ld_10()) return;
    expanded = as_array(expand_element(env_, active_, "", value, base_url_, false, pointer));
    for (const auto& item : expanded) {
      if (!item.is_object() || item.contains("@value") || item.contains("@list") ||
          item.contains("@set")) {
        throw JsonLdError("invalid @included value", "must hold node objects", pointer);
      }
    }
    if (result_.contains("@included")) {
      json merged = result_["@included"];
      append_values(merged, expanded);
      expanded = std::move(merged);
    }
  } else if (keyword == "@value") {
    if (input_type_ == "@json") {
      if (env_.json_ld_10()) throw JsonLdError("invalid value object value", "@json", pointer);
      result_["@value"] = value;  // any JSON, null included
      return;
    }
    if (!value.is_null() && !value.is_primitive()) {
      throw JsonLdError("invalid value object value", "must be a scalar or null", pointer);
    }
    result_["@value"] = value;
    return;
  } else if (keyword == "@language") {
    if (!value.is_string()) throw JsonLdError("invalid language-tagged string", "", pointer);
    expanded = lower(value.get<std::string>());
  } else if (keyword == "@direction") {
    if (env_.json_ld_10()) return;
    if (value != "ltr" && value != "rtl") throw JsonLdError("invalid base direction", "", pointer);
    expanded = value;
  } else if (keyword == "@index") {
    if (!value.is_string()) throw JsonLdError("invalid @index value", "must be a string", pointer);
    expanded = value;
  } else if (keyword == "@list") {
    // A list outside any property carries no statements.
    if (active_property_.empty() || active_property_ == "@graph") return;
    expanded = as_array(
        expand_element(env_, active_, active_property_, value, base_url_, false, pointer));
  } else if (keyword == "@set") {
    expanded = expand_element(env_, active_, active_property_, value, base_url_, false, pointer);
  } else if (keyword == "@reverse") {
    if (!value.is_object()) throw JsonLdError("invalid @reverse value", "must be an object", pointer);
    json reversed = expand_element(env_, active_, "@reverse", value, base_url_, false, pointer);
    if (!reversed.is_object()) return;
    // A @reverse inside @reverse flips back to forward properties.
    if (reversed.contains("@reverse")) {
      for (auto& [property, items] : reversed["@reverse"].items()) {
        append_values(result_[property], items);
      }
    }
    for (auto& [property, items] : reversed.items()) {
      if (property == "@reverse") continue;
      json& target = result_["@reverse"][property];
      for (const auto& item : as_array(items)) {
        if (is_value_object(item) || is_list_object(item)) {
          throw JsonLdError("invalid reverse property value", property, pointer);
        }
        append_values(target, item);
      }
    }
    return;
  } else if (keyword == "@nest") {
    nests.insert(key);
    return;
  } else {
    return;  // framing keywords and the like carry nothing when expanding
  }
  if (!expanded.is_null()) result_[keyword] = std::move(expanded);
}

void ElementExpander::expand_term(const std::string& key, const std::string& property,
                                  const json& value, const std::string& pointer) {
  static const TermDefinition kNoDefinition;
  const TermDefinition* found = active_->find(key);
  const TermDefinition& def = found ? *found : kNoDefinition;
  json expanded;
  if (def.type && *def.type == "@json") {
    expanded = json{{"@value", value}, {"@type", "@json"}};
  } else if (def.has_container("@language") && value.is_object()) {
    expanded = expand_language_map(def, value, pointer);
  } else if ((def.has_container("@index") || def.has_container("@type") ||
              def.has_container("@id")) && value.is_object()) {
    expanded = expand_index_map(key, def, value, pointer);
  } else {
    expanded = expand_element(env_, active_, key, value, base_url_, false, pointer);
  }
  if (expanded.is_null()) return;
  if (def.has_container("@list") && !is_list_object(expanded)) {
    expanded = json{{"@list", as_array(expanded)}};
  }
  if (def.has_container("@graph") && !def.has_container("@id") && !def.has_container("@index")) {
    json graphs = json::array();
    for (const auto& v : as_array(expanded)) graphs.push_back(json{{"@graph", as_array(v)}});
    expanded = std::move(graphs);
  }
  if (def.reverse) {
    json& target = result_["@reverse"][property];
    for (const auto& item : as_array(expanded)) {
      if (is_value_object(item) || is_list_object(item)) {
        throw JsonLdError("invalid reverse property value", key, pointer);
      }
      append_values(target, item);
    }
    return;
  }
  append_values(result_[property], expanded);
}

}  // namespace tinykg::rdf::jsonld
