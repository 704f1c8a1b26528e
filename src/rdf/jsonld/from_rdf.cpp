#include "rdf/jsonld/from_rdf.h"

#include <map>
#include <string>

namespace tinykg::rdf {
namespace {

std::string node_id(const Term& t) { return t.is_blank() ? "_:" + t.value : t.value; }

nlohmann::json value_object(const Term& t) {
  if (!t.is_literal()) return {{"@id", node_id(t)}};
  nlohmann::json v = {{"@value", t.value}};
  if (!t.lang.empty()) {
    v["@language"] = t.lang;
  } else if (!t.datatype.empty() && t.datatype != xsd::kString) {
    v["@type"] = t.datatype;
  }
  return v;
}

// Node objects of one graph, keyed by @id so each subject appears once; a
// std::map keeps the output ordered and therefore stable across runs.
using NodeMap = std::map<std::string, nlohmann::json>;

nlohmann::json to_array(NodeMap& nodes) {
  nlohmann::json out = nlohmann::json::array();
  for (auto& [id, node] : nodes) out.push_back(std::move(node));
  return out;
}

}  // namespace

nlohmann::json jsonld_from_rdf(const std::vector<Quad>& quads) {
  std::map<std::string, NodeMap> graphs;  // "" is the default graph
  for (const Quad& q : quads) {
    NodeMap& nodes = graphs[q.in_default_graph() ? std::string() : node_id(q.graph)];
    const std::string id = node_id(q.subject);
    nlohmann::json& node = nodes[id];
    if (node.is_null()) node = {{"@id", id}};
    if (q.predicate.value == kRdfType && !q.object.is_literal()) {
      node["@type"].push_back(node_id(q.object));
    } else {
      node[q.predicate.value].push_back(value_object(q.object));
    }
  }
  NodeMap& top = graphs[""];
  for (auto& [name, nodes] : graphs) {
    if (name.empty()) continue;
    nlohmann::json& holder = top[name];
    if (holder.is_null()) holder = {{"@id", name}};
    holder["@graph"] = to_array(nodes);
  }
  return to_array(top);
}

}  // namespace tinykg::rdf
