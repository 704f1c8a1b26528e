// Expansion algorithm (JSON-LD 1.1 API, section 5.1) and Value Expansion
// (5.3). The element expansion is split over three files:
//   expansion.cpp           steps 1–12 and 15–20 (scoping, clean-up of the result)
//   expansion_entries.cpp   step 13–14 for keyword entries and @nest
//   expansion_containers.cpp step 13 for terms: language, index, id, type and graph maps
#pragma once

#include <set>
#include <string>

#include "rdf/jsonld/context.h"

namespace tinykg::rdf::jsonld {

// `active_property` is empty for "null" (the top level). `pointer` is the JSON
// pointer of `element` in the input, used in error messages.
json expand_element(const Env& env, ContextPtr active, const std::string& active_property,
                    const json& element, const std::string& base_url, bool from_map,
                    const std::string& pointer);

json expand_value(const ActiveContext& active, const std::string& active_property,
                  const json& value);

// Wraps a non-array in an array (the spec's "ensure value is an array").
json as_array(const json& v);
bool is_value_object(const json& v);
bool is_list_object(const json& v);
bool is_graph_object(const json& v);

// Builds the expanded map of one JSON object (step 13 onwards).
class ElementExpander {
 public:
  ElementExpander(const Env& env, ContextPtr active, ContextPtr type_scoped,
                  std::string active_property, std::string base_url, std::string input_type)
      : env_(env), active_(std::move(active)), type_scoped_(std::move(type_scoped)),
        active_property_(std::move(active_property)), base_url_(std::move(base_url)),
        input_type_(std::move(input_type)) {}

  // Steps 13 and 14 over the entries of `element`.
  void expand_entries(const json& element, const std::string& pointer);
  json take_result() { return std::move(result_); }

 private:
  void expand_keyword(const std::string& key, const std::string& keyword, const json& value,
                      const std::string& pointer, std::set<std::string>& nests);
  void expand_term(const std::string& key, const std::string& property, const json& value,
                   const std::string& pointer);
  json expand_language_map(const TermDefinition& def, const json& value, const std::string& pointer);
  json expand_index_map(const std::string& key, const TermDefinition& def, const json& value,
                        const std::string& pointer);

  const Env& env_;
  ContextPtr active_;
  ContextPtr type_scoped_;
  std::string active_property_;
  std::string base_url_;
  std::string input_type_;
  json result_ = json::object();
};

}  // namespace tinykg::rdf::jsonld
