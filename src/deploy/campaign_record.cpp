#include "deploy/campaign_record.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "deploy/artifact.h"
#include "rdf/term.h"

namespace tinykg::deploy {
namespace {

using rdf::Term;

constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";

std::string tkg(std::string_view local) { return fmt::format("<{}{}>", kTkg, local); }
std::string iri(const std::string& value) { return Term::iri(value).to_ntriples(); }
std::string text(const std::string& value) { return Term::literal(value).to_ntriples(); }
std::string time(const std::string& value) {
  return Term::literal(value, std::string(kXsdDateTime)).to_ntriples();
}
std::string record_iri(const Campaign& c, size_t position) {
  return fmt::format("{}/device/{}", c.iri(), position);
}

// Appends " ; <p> <o>" when the value is present.
void add(std::string& out, std::string_view local, const std::string& object) {
  out += fmt::format(" ;\n    {} {}", tkg(local), object);
}

std::string header_triples(const Campaign& c) {
  std::string out = fmt::format("  {} a {}", iri(c.iri()), tkg("DeploymentCampaign"));
  add(out, "kind", text(c.kind));
  // A rollback to several previous models has no single model or hash.
  if (!c.model_iri.empty()) add(out, "model", iri(c.model_iri));
  add(out, "modelName", text(c.model_name));
  if (!c.sha256.empty()) add(out, "sha256", text(c.sha256));
  add(out, "sizeBytes", std::to_string(c.size_bytes));
  add(out, "status", text(to_string(c.status)));
  if (!c.reason.empty()) add(out, "reason", text(c.reason));
  if (!c.waiting_until.empty()) add(out, "waitingUntil", time(c.waiting_until));
  add(out, "created", time(c.created));
  if (!c.finished.empty()) add(out, "finished", time(c.finished));
  add(out, "options", text(c.options.to_json().dump()));
  return out + " .\n";
}

std::string record_triples(const Campaign& c, size_t i) {
  const DeviceRecord& d = c.devices[i];
  std::string out = fmt::format("  {} {} {} .\n", iri(c.iri()), tkg("hasDeviceDeployment"),
                                iri(record_iri(c, i)));
  out += fmt::format("  {} a {}", iri(record_iri(c, i)), tkg("DeviceDeployment"));
  add(out, "position", std::to_string(i));
  add(out, "device", iri(d.iri));
  add(out, "href", text(d.href));
  if (!d.content_type.empty()) add(out, "contentType", text(d.content_type));
  if (!d.model_iri.empty()) add(out, "model", iri(d.model_iri));
  if (!d.sha256.empty()) add(out, "sha256", text(d.sha256));
  add(out, "wave", std::to_string(d.wave));
  add(out, "status", text(to_string(d.status)));
  add(out, "attempts", std::to_string(d.attempts));
  if (!d.error.empty()) add(out, "error", text(d.error));
  if (!d.started.empty()) add(out, "started", time(d.started));
  if (!d.finished.empty()) add(out, "finished", time(d.finished));
  if (!d.previous_model.empty()) add(out, "previousModel", iri(d.previous_model));
  if (!d.previous_sha256.empty()) add(out, "previousSha256", text(d.previous_sha256));
  return out + " .\n";
}

std::string delete_subject(const std::string& graph, const std::string& subject) {
  return fmt::format("DELETE WHERE {{ GRAPH {} {{ {} ?p ?o }} }} ;\n", iri(graph), iri(subject));
}

// The device now runs the record's model; what it ran before becomes its previous model.
std::string fleet_state_update(const DeviceRecord& d) {
  const std::string g = iri(std::string(kFleetStateGraph));
  std::string out = delete_subject(std::string(kFleetStateGraph), d.iri);
  out += fmt::format("INSERT DATA {{ GRAPH {} {{ {} {} {} ; {} {}", g, iri(d.iri), tkg("runsModel"),
                     iri(d.model_iri), tkg("runsSha256"), text(d.sha256));
  if (!d.previous_model.empty() && d.previous_sha256 != d.sha256) {
    out += fmt::format(" ; {} {} ; {} {}", tkg("previousModel"), iri(d.previous_model),
                       tkg("previousSha256"), text(d.previous_sha256));
  }
  return out + " . } } ;\n";
}

Status run(kg::KnowledgeGraph& graph, std::string update) {
  // A trailing ";" separates nothing: drop it.
  while (!update.empty() && (update.back() == '\n' || update.back() == ';' ||
                             update.back() == ' ')) {
    update.pop_back();
  }
  Status st = graph.update(update);
  if (!st) return fail("cannot record the campaign in the graph: {}", st.error());
  return st;
}

}  // namespace

Status save_campaign(kg::KnowledgeGraph& graph, const Campaign& c) {
  std::string update = fmt::format("DROP SILENT GRAPH {} ;\nINSERT DATA {{ GRAPH {} {{\n",
                                   iri(c.iri()), iri(c.iri()));
  update += header_triples(c);
  for (size_t i = 0; i < c.devices.size(); ++i) update += record_triples(c, i);
  update += "} }";
  return run(graph, std::move(update));
}

Status save_progress(kg::KnowledgeGraph& graph, const Campaign& c,
                     const std::vector<size_t>& positions) {
  // The header's changing facts only: its hasDeviceDeployment links stay.
  std::string update;
  for (std::string_view local : {"status", "reason", "waitingUntil", "finished"}) {
    update += fmt::format("DELETE WHERE {{ GRAPH {0} {{ {0} {1} ?o }} }} ;\n", iri(c.iri()),
                          tkg(local));
  }
  std::string inserts = fmt::format("  {} {} {}", iri(c.iri()), tkg("status"),
                                    text(to_string(c.status)));
  if (!c.reason.empty()) add(inserts, "reason", text(c.reason));
  if (!c.waiting_until.empty()) add(inserts, "waitingUntil", time(c.waiting_until));
  if (!c.finished.empty()) add(inserts, "finished", time(c.finished));
  inserts += " .\n";
  for (size_t i : positions) {
    update += delete_subject(c.iri(), record_iri(c, i));
    inserts += record_triples(c, i);
  }
  for (size_t i : positions) {
    if (c.devices[i].status == DeviceStatus::Confirmed) update += fleet_state_update(c.devices[i]);
  }
  update += fmt::format("INSERT DATA {{ GRAPH {} {{\n{}}} }}", iri(c.iri()), inserts);
  return run(graph, std::move(update));
}

Result<std::vector<std::string>> campaign_ids(kg::KnowledgeGraph& graph) {
  auto table = graph.query(fmt::format(
      "SELECT ?c ?t WHERE {{ GRAPH ?c {{ ?c a {} ; {} ?t }} }}", tkg("DeploymentCampaign"),
      tkg("created")));
  if (!table) return fail("cannot list campaigns: {}", table.error());
  std::vector<std::pair<std::string, std::string>> found;
  const std::string prefix = campaign_iri("");
  for (const auto& row : table->rows) {
    if (!row[0] || !row[1] || !row[0]->value.starts_with(prefix)) continue;
    found.emplace_back(row[1]->value, row[0]->value.substr(prefix.size()));
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> ids;
  for (auto& f : found) ids.push_back(std::move(f.second));
  return ids;
}

Result<Campaign> load_campaign(kg::KnowledgeGraph& graph, const std::string& id) {
  Campaign c;
  c.id = id;
  auto table = graph.query(fmt::format("SELECT ?s ?p ?o WHERE {{ GRAPH {} {{ ?s ?p ?o }} }}",
                                       iri(c.iri())));
  if (!table) return fail("cannot read campaign {}: {}", id, table.error());
  // subject -> predicate local name -> value
  std::map<std::string, std::map<std::string, std::string>> nodes;
  const std::string ns(kTkg);
  for (const auto& row : table->rows) {
    if (!row[0] || !row[1] || !row[2] || !row[1]->value.starts_with(ns)) continue;
    nodes[row[0]->value][row[1]->value.substr(ns.size())] = row[2]->value;
  }
  auto header = nodes.find(c.iri());
  if (header == nodes.end() || !header->second.count("status")) {
    return fail("no deployment campaign '{}' (see `tinykg deploy status`)", id);
  }
  auto& h = header->second;
  c.kind = h["kind"];
  c.model_iri = h["model"];
  c.model_name = h["modelName"];
  c.sha256 = h["sha256"];
  c.size_bytes = std::strtoull(h["sizeBytes"].c_str(), nullptr, 10);
  c.status = campaign_status_from(h["status"]).value_or(CampaignStatus::Failed);
  c.reason = h["reason"];
  c.waiting_until = h["waitingUntil"];
  c.created = h["created"];
  c.finished = h["finished"];
  auto options = nlohmann::json::parse(h["options"], nullptr, false);
  if (options.is_object()) c.options = CampaignOptions::from_json(options);
  std::map<size_t, DeviceRecord> records;
  for (auto& [subject, p] : nodes) {
    if (subject == c.iri() || !p.count("position")) continue;
    DeviceRecord d;
    d.iri = p["device"];
    d.href = p["href"];
    d.content_type = p["contentType"];
    d.model_iri = p["model"];
    d.sha256 = p["sha256"];
    d.wave = std::strtoull(p["wave"].c_str(), nullptr, 10);
    d.status = device_status_from(p["status"]).value_or(DeviceStatus::Pending);
    d.attempts = std::atoi(p["attempts"].c_str());
    d.error = p["error"];
    d.started = p["started"];
    d.finished = p["finished"];
    d.previous_model = p["previousModel"];
    d.previous_sha256 = p["previousSha256"];
    records[std::strtoull(p["position"].c_str(), nullptr, 10)] = std::move(d);
  }
  for (auto& [position, d] : records) c.devices.push_back(std::move(d));
  return c;
}

}  // namespace tinykg::deploy
