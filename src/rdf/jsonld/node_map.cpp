// Node Map Generation (JSON-LD 1.1 API, section 7.2.2): flattens the expanded
// document into one map of nodes per graph, relabelling blank nodes.
#include <algorithm>

#include "rdf/jsonld/error.h"
#include "rdf/jsonld/expansion.h"
#include "rdf/jsonld/iri.h"
#include "rdf/jsonld/to_rdf.h"

namespace tinykg::rdf::jsonld {

std::string BlankNodeIssuer::issue(const std::string& existing) {
  if (!existing.empty()) {
    if (auto it = issued_.find(existing); it != issued_.end()) return it->second;
  }
  std::string id = "_:" + prefix_ + "b" + std::to_string(counter_++);
  if (!existing.empty()) issued_[existing] = id;
  return id;
}

namespace {

class NodeMapBuilder {
 public:
  NodeMapBuilder(json& node_map, BlankNodeIssuer& issuer) : map_(node_map), issuer_(issuer) {}

  // `active_subject` is a string (subject id), an object (the referencing
  // node of a reverse property) or null; `list` collects list members.
  void add(const json& element, const std::string& active_graph, const json& active_subject,
           const std::string& active_property, json* list) {
    if (element.is_array()) {
      for (const auto& item : element) add(item, active_graph, active_subject, active_property, list);
      return;
    }
    if (!element.is_object()) return;
    json& graph = map_[active_graph];
    json element_copy = element;
    if (element_copy.contains("@type")) {
      json& types = element_copy["@type"];
      if (types.is_array()) {
        for (auto& t : types) t = relabel(t);
      } else if (!element_copy.contains("@value")) {
        types = relabel(types);
      }
    }
    if (!list && !active_subject.is_string() &&
        (element_copy.contains("@value") || element_copy.contains("@list"))) {
      return;  // a value with no subject carries no statement
    }
    if (element_copy.contains("@value")) {
      if (list) {
        (*list)["@list"].push_back(element_copy);
      } else {
        add_unique(graph[active_subject.get<std::string>()][active_property], element_copy);
      }
      return;
    }
    if (element_copy.contains("@list")) {
      json result{{"@list", json::array()}};
      add(element_copy["@list"], active_graph, active_subject, active_property, &result);
      if (list) {
        (*list)["@list"].push_back(std::move(result));
      } else {
        graph[active_subject.get<std::string>()][active_property].push_back(std::move(result));
      }
      return;
    }
    // A node object.
    std::string id;
    if (element_copy.contains("@id")) {
      // A null @id becomes "", which is not well-formed: toRdf drops the node.
      id = element_copy["@id"].is_string() ? element_copy["@id"].get<std::string>() : "";
      if (is_blank_node_id(id)) id = issuer_.issue(id);
    } else {
      id = issuer_.issue();
    }
    if (!graph.contains(id)) graph[id] = json{{"@id", id}};
    if (active_subject.is_object()) {
      add_unique(graph[id][active_property], active_subject);
    } else if (!active_property.empty()) {
      json reference{{"@id", id}};
      if (list) {
        (*list)["@list"].push_back(std::move(reference));
      } else {
        add_unique(graph[active_subject.get<std::string>()][active_property], reference);
      }
    }
    if (element_copy.contains("@type")) {
      for (const auto& t : as_array(element_copy["@type"])) add_unique(map_[active_graph][id]["@type"], t);
    }
    if (element_copy.contains("@index")) {
      json& node = map_[active_graph][id];
      if (node.contains("@index") && node["@index"] != element_copy["@index"]) {
        throw JsonLdError("conflicting indexes", "node " + id + " has two @index values");
      }
      node["@index"] = element_copy["@index"];
    }
    if (element_copy.contains("@reverse")) {
      json referenced{{"@id", id}};
      for (auto& [property, values] : element_copy["@reverse"].items()) {
        for (const auto& value : as_array(values)) {
          add(value, active_graph, referenced, property, nullptr);
        }
      }
    }
    if (element_copy.contains("@graph")) add(element_copy["@graph"], id, nullptr, "", nullptr);
    if (element_copy.contains("@included")) {
      add(element_copy["@included"], active_graph, nullptr, "", nullptr);
    }
    for (auto& [property, value] : element_copy.items()) {
      if (property == "@id" || property == "@type" || property == "@index" ||
          property == "@reverse" || property == "@graph" || property == "@included") {
        continue;
      }
      if (is_keyword(property)) continue;
      std::string p = is_blank_node_id(property) ? issuer_.issue(property) : property;
      json& node = map_[active_graph][id];
      if (!node.contains(p)) node[p] = json::array();
      add(value, active_graph, json(id), p, nullptr);
    }
  }

 private:
  json relabel(const json& v) {
    if (v.is_string() && is_blank_node_id(v.get<std::string>())) {
      return issuer_.issue(v.get<std::string>());
    }
    return v;
  }
  static void add_unique(json& values, const json& v) {
    if (!values.is_array()) values = json::array();
    if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
  }

  json& map_;
  BlankNodeIssuer& issuer_;
};

}  // namespace

json generate_node_map(const json& expanded, BlankNodeIssuer& issuer) {
  json node_map = json::object();
  node_map["@default"] = json::object();
  NodeMapBuilder(node_map, issuer).add(expanded, "@default", nullptr, "", nullptr);
  return node_map;
}

}  // namespace tinykg::rdf::jsonld
