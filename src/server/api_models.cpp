// JSON API for models:
//   GET    /api/models?limit&offset&name&max_ram_kb&max_flash_kb   list (filtered, paged)
//   POST   /api/models?name=N   raw .tflite body (application/octet-stream), or
//          multipart/form-data with parts "model" (the .tflite), optional "card"
//          (model card JSON) and "name"
//   GET    /api/models/{identifier}   detail: properties, estimates, layers
//   DELETE /api/models/{identifier}
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

void list_models(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  auto page = page_params(req, res);
  std::optional<double> max_ram, max_flash;
  if (!page || !number_param(req, res, "max_ram_kb", max_ram) ||
      !number_param(req, res, "max_flash_kb", max_flash)) {
    return;
  }
  const std::string name_filter = req.get_param_value("name");
  auto table = service.graph.list_models();
  if (!table.ok()) {
    send_problem(req, res, 500, table.error());
    return;
  }
  // Columns of KnowledgeGraph::list_models: name uuid macs ram flash.
  json items = json::array();
  size_t total = 0;
  for (const auto& row : table->rows) {
    const std::string name = row[0] ? row[0]->value : "";
    double ram = number(row[3]), flash = number(row[4]);
    if (!name_filter.empty() && name.find(name_filter) == std::string::npos) continue;
    if ((max_ram && ram > *max_ram) || (max_flash && flash > *max_flash)) continue;
    if (total++ < page->offset || items.size() >= page->limit) continue;
    const std::string id = row[1] ? row[1]->value : "";
    items.push_back({{"identifier", id},
                     {"name", name},
                     {"iri", kg::model_iri(id)},
                     {"macs", static_cast<uint64_t>(number(row[2]))},
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
};

std::optional<Upload> read_upload(const httplib::Request& req, httplib::Response& res) {
  Upload upload;
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
  auto import = service.graph.add_model_bytes(upload->bytes, upload->name, upload->card_json);
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

void get_model(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  const std::string identifier = req.matches[1];
  const std::string iri = kg::model_iri(identifier);
  auto quads = service.graph.describe(iri);
  if (quads.empty()) {
    send_problem(req, res, 404, fmt::format("no model with identifier {}", identifier));
    return;
  }
  json properties = node_json(iri, quads);
  send_json(res, 200,
            {{"identifier", identifier},
             {"iri", iri},
             {"name", properties.value("name", json())},
             {"properties", properties},
             {"estimates", estimates_json(service.graph, quads)},
             {"layers", layers_json(service.graph, quads)}});
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
}

}  // namespace tinykg::server
