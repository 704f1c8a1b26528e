#include <algorithm>
#include <deque>
#include <set>

#include <fmt/format.h>

#include "kg/td/capabilities.h"
#include "kg/td/thing_description.h"
#include "kg/vocabulary.h"
#include "rdf/jsonld/compaction.h"

namespace tinykg::kg::td {
namespace {

using nlohmann::json;
using rdf::Quad;
using rdf::Term;

std::string node_key(const Term& t) { return (t.is_blank() ? "_:" : "") + t.value; }

// Statements a TD needs to validate, for devices that were not stored from a
// TD (Turtle boards, simulator registrations).
void complete_for_td(std::vector<Quad>& quads, const std::string& device) {
  const Term board = Term::iri(device);
  auto has = [&](std::string_view ns, std::string_view local) {
    const Term p = vocab::term(ns, local);
    return std::any_of(quads.begin(), quads.end(),
                       [&](const Quad& q) { return q.subject == board && q.predicate == p; });
  };
  if (!has(vocab::kTd, "title")) {
    size_t cut = device.find_last_of("/#:");
    quads.push_back({board, vocab::term(vocab::kTd, "title"),
                     Term::literal(device.substr(cut == std::string::npos ? 0 : cut + 1), {}, "en"),
                     {}});
  }
  if (!has(vocab::kTd, "hasSecurityConfiguration")) {
    quads.push_back({board, vocab::term(vocab::kTd, "hasSecurityConfiguration"),
                     Term::literal("nosec_sc"), {}});
  }
  const Term defines = vocab::term(vocab::kTd, "definesSecurityScheme");
  if (!has(vocab::kTd, "definesSecurityScheme")) {
    Term scheme = Term::iri(device + "/security/nosec_sc");
    quads.push_back({board, defines, scheme, {}});
    quads.push_back({scheme, Term::iri(std::string(rdf::kRdfType)),
                     vocab::term(vocab::kWotSecurity, "NoSecurityScheme"), {}});
  }
  // securityDefinitions is a map keyed by td:hasInstanceConfiguration (an
  // IRI below "<id>/"); a scheme stated in Turtle without one gets its IRI's
  // tail as key, or compaction could not put it in the map.
  const Term key = vocab::term(vocab::kTd, "hasInstanceConfiguration");
  std::vector<Term> schemes;
  for (const Quad& q : quads) {
    if (q.subject == board && q.predicate == defines) schemes.push_back(q.object);
  }
  int unnamed = 0;
  for (const Term& scheme : schemes) {
    bool keyed = std::any_of(quads.begin(), quads.end(), [&](const Quad& q) {
      return q.subject == scheme && q.predicate == key;
    });
    if (keyed) continue;
    size_t cut = scheme.value.find_last_of("/#:");
    std::string name = scheme.is_iri() && cut != std::string::npos && cut + 1 < scheme.value.size()
                           ? scheme.value.substr(cut + 1)
                           : "scheme_" + std::to_string(++unnamed);
    quads.push_back({scheme, key, Term::iri(device + "/" + name), {}});
  }
}

}  // namespace

Result<std::vector<Quad>> device_quads(const KnowledgeGraph& graph, const std::string& iri) {
  // One query fetches every node reachable from the device (blank nodes have
  // no name to ask for them one by one); the walk below keeps the ones the
  // device owns.
  const std::string below = iri + "/";
  const std::string query = fmt::format(
      "SELECT ?s ?p ?o WHERE {{ <{0}> (<urn:tinykg:none>|!<urn:tinykg:none>)* ?s . ?s ?p ?o . "
      "FILTER(isBlank(?s) || ?s = <{0}> || STRSTARTS(STR(?s), \"{1}\")) }}",
      iri, below);
  auto result = graph.run_query(query);
  if (!result.ok()) return result.failure();
  const auto* table = std::get_if<sparql::ResultTable>(&*result);
  if (!table) return fail("device query returned no table");
  std::map<std::string, std::vector<Quad>> by_subject;
  for (const auto& row : table->rows) {
    if (!row[0] || !row[1] || !row[2]) continue;
    by_subject[node_key(*row[0])].push_back({*row[0], *row[1], *row[2], {}});
  }
  std::vector<Quad> out;
  std::set<std::string> seen{iri};
  std::deque<std::string> todo{iri};
  while (!todo.empty()) {
    std::string node = todo.front();
    todo.pop_front();
    for (const Quad& q : by_subject[node]) {
      out.push_back(q);
      const Term& o = q.object;
      bool owned = o.is_blank() || (o.is_iri() && o.value.starts_with(below));
      if (owned && seen.insert(node_key(o)).second) todo.push_back(node_key(o));
    }
  }
  if (out.empty()) return fail("no device <{}> in the graph", iri);
  return out;
}

Result<json> quads_to_td(const std::vector<Quad>& quads, const std::string& device) {
  std::vector<Quad> td_quads = without_capabilities(quads, device);
  complete_for_td(td_quads, device);
  json extension = capabilities_to_extension(quads, device);
  json context = json::array({kTdContext});
  if (!extension.empty()) context.push_back(kTdExtContext);
  rdf::CompactOptions opts;
  opts.jsonld.base = device + "/";
  opts.use_type_alias = [](std::string_view iri) {
    // "type": "number" in data schemas, "scheme": "basic" in security schemes.
    return iri.starts_with(vocab::kJsonSchema) || iri.starts_with(vocab::kWotSecurity);
  };
  auto td = rdf::jsonld_compact_node(td_quads, Term::iri(device), context, opts);
  if (!td.ok()) return td.failure();
  for (auto& [key, value] : extension.items()) (*td)[key] = value;
  return td;
}

Result<json> export_td(const KnowledgeGraph& graph, const std::string& device) {
  auto quads = device_quads(graph, device);
  if (!quads.ok()) return quads.failure();
  return quads_to_td(*quads, device);
}

}  // namespace tinykg::kg::td
