// JSON API for models:
//   GET    /api/models?limit&offset&name&tag&max_ram_kb&max_flash_kb   list (filtered, paged)
//   POST   /api/models?name=N&tag=T...   raw .tflite body (application/octet-stream), or
//          multipart/form-data with parts "model" (the .tflite), optional "card"
//          (model card JSON), "name" and "tag" (repeatable). A name already
//          in the graph gets a new version (kg/model_versions.h).
//   GET    /api/models/{identifier}   detail: properties, estimates, layers,
//          version, versions of its name, tags, lineage
//   GET    /api/models/{name}?version=N|tag=T   the latest version of a name
//          (or version N, or the latest carrying tag T): tags work as aliases
//   DELETE /api/models/{identifier}
//   PUT|DELETE /api/models/{identifier}/tags/{tag}
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <httplib.h>

#include "deploy/artifact.h"
#include "kg/content_id.h"
#include "kg/model_card.h"
#include "kg/model_mapping.h"
#include "kg/vocabulary.h"
#include "server/problem.h"
#include "server/rdf_json.h"
#include "server/service.h"

namespace tinykg::server {
namespace {

using nlohmann::json;

double number(const std::optional<rdf::Term>& cell) {
  return cell ? std::strtod(cell->value.c_str(), nullptr) : 0.0;
}

// The GROUP_CONCAT cell of list_models, sorted so that lists read the same
// whatever order the store returned the tags in.
std::vector<std::string> split_tags(const std::optional<rdf::Term>& cell) {
  std::vector<std::string> tags;
  if (!cell) return tags;
  std::string_view rest = cell->value;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view tag = rest.substr(0, comma);
    if (!tag.empty()) tags.emplace_back(tag);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  std::sort(tags.begin(), tags.end());
  return tags;
}

void list_models(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  auto page = page_params(req, res);
  std::optional<double> max_ram, max_flash;
  if (!page || !number_param(req, res, "max_ram_kb", max_ram) ||
      !number_param(req, res, "max_flash_kb", max_flash)) {
    return;
  }
  const std::string name_filter = req.get_param_value("name");
  const std::string tag_filter = req.get_param_value("tag");
  auto table = service.graph.list_models();
  if (!table.ok()) {
    send_problem(req, res, 500, table.error());
    return;
  }
  // Columns of KnowledgeGraph::list_models: name uuid version macs ram flash tags.
  json items = json::array();
  size_t total = 0;
  for (const auto& row : table->rows) {
    const std::string name = row[0] ? row[0]->value : "";
    double ram = number(row[4]), flash = number(row[5]);
    std::vector<std::string> tags = split_tags(row[6]);
    if (!name_filter.empty() && name.find(name_filter) == std::string::npos) continue;
    if (!tag_filter.empty() && std::find(tags.begin(), tags.end(), tag_filter) == tags.end()) {
      continue;
    }
    if ((max_ram && ram > *max_ram) || (max_flash && flash > *max_flash)) continue;
    if (total++ < page->offset || items.size() >= page->limit) continue;
    const std::string id = row[1] ? row[1]->value : "";
    items.push_back({{"identifier", id},
                     {"name", name},
                     {"iri", kg::model_iri(id)},
                     {"version", row[2] ? json(static_cast<int64_t>(number(row[2]))) : json()},
                     {"tags", tags},
                     {"macs", static_cast<uint64_t>(number(row[3]))},
                     {"ram_kb", ram},
                     {"flash_kb", flash}});
  }
  send_json(res, 200, page_json(total, *page, std::move(items)));
}

// The upload's parts, whichever way it came.
struct Upload {
  std::string bytes;
  std::string name;
  std::string card_json;
  std::vector<std::string> tags;  // ?tag= and multipart "tag" parts
};

std::optional<Upload> read_upload(const httplib::Request& req, httplib::Response& res) {
  Upload upload;
  for (size_t i = 0; i < req.get_param_value_count("tag"); ++i) {
    upload.tags.push_back(req.get_param_value("tag", i));
  }
  for (auto [it, end] = req.files.equal_range("tag"); it != end; ++it) {
    upload.tags.push_back(it->second.content);
  }
  for (const std::string& tag : upload.tags) {
    if (!kg::is_model_tag(tag)) {
      send_problem(req, res, 400,
                   fmt::format("'{}' is not a tag (1..64 letters, digits, '.', '_' or '-')", tag));
      return std::nullopt;
    }
  }
  if (req.is_multipart_form_data()) {
    if (!req.has_file("model")) {
      send_problem(req, res, 400, "the multipart upload has no 'model' part (the .tflite file)");
      return std::nullopt;
    }
    auto model = req.get_file_value("model");
    upload.bytes = model.content;
    upload.name = req.has_file("name") ? req.get_file_value("name").content
                                       : std::filesystem::path(model.filename).stem().string();
    if (req.has_file("card")) upload.card_json = req.get_file_value("card").content;
    return upload;
  }
  std::string type = req.get_header_value("Content-Type");
  if (!type.starts_with("application/octet-stream")) {
    send_problem(req, res, 415,
                 "upload a model as application/octet-stream (with ?name=) or as "
                 "multipart/form-data with a 'model' part");
    return std::nullopt;
  }
  upload.bytes = req.body;
  upload.name = req.get_param_value("name");
  return upload;
}

void add_model(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write)) return;
  auto upload = read_upload(req, res);
  if (!upload) return;
  if (upload->bytes.empty()) {
    send_problem(req, res, 400, "the model file is empty");
    return;
  }
  // The identifier decides the IRI; knowing it first turns a duplicate into
  // 409 rather than a generic import failure.
  std::string identifier;
  if (!upload->card_json.empty()) {
    auto card = kg::parse_model_card(upload->card_json, "model card");
    if (!card.ok()) {
      send_problem(req, res, 400, card.error());
      return;
    }
    identifier = card->identifier;
  } else {
    identifier = kg::content_uuid(upload->bytes);
  }
  if (!service.graph.describe(kg::model_iri(identifier)).empty()) {
    send_problem(req, res, 409, fmt::format("model {} is already in the graph", identifier));
    return;
  }
  auto import = service.graph.add_model_bytes(upload->bytes, upload->name, upload->card_json,
                                              upload->tags);
  if (!import.ok()) {
    send_problem(req, res, 400, import.error());
    return;
  }
  // Keep the bytes for deployment campaigns (docs/deploy.md).
  auto artifact = deploy::ArtifactStore(service.graph).put(import->iri, upload->bytes);
  if (!artifact.ok()) return send_problem(req, res, 500, artifact.error());
  res.set_header("Location", "/api/models/" + identifier);
  send_json(res, 201,
            {{"identifier", identifier},
             {"iri", import->iri},
             {"name", import->name},
             {"version", import->version},
             {"quads_added", import->quads_added},
             {"macs", import->info.macs_reference},
             {"ram_kb", import->info.arena_bytes / 1000.0},
             {"flash_kb", import->info.flash_bytes_model / 1000.0}});
}

std::string nnet(std::string_view local) { return kg::vocab::term(kg::vocab::kNnet, local).value; }

// The RAM and Flash conditions the mapping hangs off procedure features
// (model_mapping.h): model -> s3n:hasProcedureFeature -> ssn-system:inCondition.
json estimates_json(const kg::KnowledgeGraph& graph, const std::vector<rdf::Quad>& model) {
  json estimates = json::object();
  const std::string feature = kg::vocab::term(kg::vocab::kS3n, "hasProcedureFeature").value;
  const std::string in_condition = kg::vocab::term(kg::vocab::kSsnSystem, "inCondition").value;
  const std::string type(rdf::kRdfType);
  for (const rdf::Term& f : objects_of(model, feature)) {
    for (const rdf::Term& c : objects_of(graph.describe(f.value), in_condition)) {
      auto quads = graph.describe(c.value);
      for (const rdf::Term& t : objects_of(quads, type)) {
        std::string_view kind = local_name(t.value);
        if (kind == "RAM" || kind == "Flash") estimates[std::string(kind)] = node_json(c.value, quads);
      }
    }
  }
  return estimates;
}

json layers_json(const kg::KnowledgeGraph& graph, const std::vector<rdf::Quad>& model) {
  json layers = json::array();
  for (std::string_view role : {"inputLayer", "middleLayer", "outputLayer"}) {
    for (const rdf::Term& layer : objects_of(model, nnet(role))) {
      layers.push_back(node_json(layer.value, graph.describe(layer.value)));
    }
  }
  std::stable_sort(layers.begin(), layers.end(), [](const json& a, const json& b) {
    return a.value("hasIndex", 0) < b.value("hasIndex", 0);
  });
  return layers;
}

std::string identifier_of(std::string_view model_iri) {
  std::string_view id = model_iri;
  if (id.starts_with(kg::vocab::kNeuralNetworkBase)) id.remove_prefix(kg::vocab::kNeuralNetworkBase.size());
  return std::string(id);
}

bool has_tag(const kg::KnowledgeGraph& graph, const std::string& identifier,
             const std::string& tag) {
  for (const rdf::Term& t : objects_of(graph.describe(kg::model_iri(identifier)), nnet("tag"))) {
    if (t.value == tag) return true;
  }
  return false;
}

// {ref} of GET /api/models/{ref}: a model identifier, or else a name whose
// latest version (or ?version=N, or the latest with ?tag=T) is meant. Writes
// the problem and returns nullopt when nothing matches.
std::optional<std::string> resolve_model(Service& service, const httplib::Request& req,
                                         httplib::Response& res, const std::string& ref) {
  if (!service.graph.describe(kg::model_iri(ref)).empty()) return ref;
  auto versions = service.graph.model_versions(ref);
  if (!versions.ok()) {
    send_problem(req, res, 500, versions.error());
    return std::nullopt;
  }
  std::optional<size_t> wanted;
  if (req.has_param("version")) {
    wanted = size_param(req, res, "version", 0);
    if (!wanted) return std::nullopt;
  }
  const std::string tag = req.get_param_value("tag");
  for (auto it = versions->rbegin(); it != versions->rend(); ++it) {
    if (wanted && it->version != static_cast<int64_t>(*wanted)) continue;
    if (!tag.empty() && !has_tag(service.graph, it->identifier, tag)) continue;
    return it->identifier;
  }
  std::string what = fmt::format("no model with identifier or name '{}'", ref);
  if (!versions->empty()) {
    what = fmt::format("model '{}' has no version{}{}", ref,
                       wanted ? fmt::format(" {}", *wanted) : "",
                       tag.empty() ? "" : fmt::format(" tagged '{}'", tag));
  }
  send_problem(req, res, 404, what);
  return std::nullopt;
}

json versions_json(const kg::KnowledgeGraph& graph, const json& name) {
  json versions = json::array();
  if (!name.is_string()) return versions;
  auto listed = graph.model_versions(name.get<std::string>());
  if (!listed.ok()) return versions;
  for (const kg::ModelVersion& v : *listed) {
    versions.push_back({{"identifier", v.identifier},
                        {"version", v.version > 0 ? json(v.version) : json()}});
  }
  return versions;
}

json lineage_json(const std::vector<rdf::Quad>& model) {
  auto first = [&](std::string_view local) -> json {
    auto values = objects_of(model, nnet(local));
    return values.empty() ? json() : json(values.front().value);
  };
  json parent = first("parentModel");
  return {{"source", first("source")},
          {"training_run", first("trainingRun")},
          {"parent", parent.is_null() ? parent : json(identifier_of(parent.get<std::string>()))}};
}

void get_model(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  auto identifier = resolve_model(service, req, res, req.matches[1]);
  if (!identifier) return;
  const std::string iri = kg::model_iri(*identifier);
  auto quads = service.graph.describe(iri);
  json properties = node_json(iri, quads);
  json version;
  if (auto v = objects_of(quads, nnet("version")); !v.empty()) version = term_json(v.front());
  json tags = json::array();
  for (const rdf::Term& t : objects_of(quads, nnet("tag"))) tags.push_back(t.value);
  std::sort(tags.begin(), tags.end());
  json name = properties.value("name", json());
  res.set_header("Content-Location", "/api/models/" + *identifier);
  send_json(res, 200,
            {{"identifier", *identifier},
             {"iri", iri},
             {"name", name},
             {"version", version},
             {"versions", versions_json(service.graph, name)},
             {"tags", tags},
             {"lineage", lineage_json(quads)},
             {"properties", properties},
             {"estimates", estimates_json(service.graph, quads)},
             {"layers", layers_json(service.graph, quads)}});
}

// PUT adds the tag (204 also when it was there: PUT is idempotent); DELETE
// removes it (404 when the model does not carry it).
void set_tag(Service& service, const httplib::Request& req, httplib::Response& res,
             bool present) {
  if (!service.authorize(req, res, Role::Write)) return;
  const std::string identifier = req.matches[1];
  const std::string tag = req.matches[2];
  if (service.graph.describe(kg::model_iri(identifier)).empty()) {
    send_problem(req, res, 404, fmt::format("no model with identifier {}", identifier));
    return;
  }
  auto changed = service.graph.set_model_tag(identifier, tag, present);
  if (!changed.ok()) {
    send_problem(req, res, kg::is_model_tag(tag) ? 500 : 400, changed.error());
    return;
  }
  if (!present && !*changed) {
    send_problem(req, res, 404, fmt::format("model {} has no tag '{}'", identifier, tag));
    return;
  }
  res.status = 204;
}

void put_tag(Service& service, const httplib::Request& req, httplib::Response& res) {
  set_tag(service, req, res, true);
}

void delete_tag(Service& service, const httplib::Request& req, httplib::Response& res) {
  set_tag(service, req, res, false);
}

void delete_model(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize(req, res, Role::Write)) return;
  const std::string identifier = req.matches[1];
  send_removal(req, res, service.graph.delete_model(identifier),
               fmt::format("model with identifier {}", identifier));
}

}  // namespace

void add_model_routes(httplib::Server& http, Service& service) {
  http.Get("/api/models", with_service(service, list_models));
  http.Post("/api/models", with_service(service, add_model));
  http.Get("/api/models/([^/]+)", with_service(service, get_model));
  http.Delete("/api/models/([^/]+)",
              with_service(service, delete_model));
  http.Put("/api/models/([^/]+)/tags/([^/]+)", with_service(service, put_tag));
  http.Delete("/api/models/([^/]+)/tags/([^/]+)", with_service(service, delete_tag));
}

}  // namespace tinykg::server
