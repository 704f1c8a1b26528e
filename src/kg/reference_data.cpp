#include "kg/reference_data.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kg/td/thing_description.h"

namespace tinykg::kg {
namespace fs = std::filesystem;
namespace {

// Sorted for a deterministic import order.
std::vector<fs::path> files_with_extension(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ext) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Result<ReferenceImport> import_reference_data(KnowledgeGraph& graph,
                                              const std::string& data_dir) {
  const fs::path root(data_dir);
  const fs::path models = root / "reference" / "models";
  if (!fs::is_directory(models)) {
    return fail("reference data not found: '{}' is not a directory (use --data-dir)",
                models.string());
  }
  ReferenceImport report;
  auto ontology = graph.load_files({(root / "ontology" / "nnet.ttl").string()},
                                   "http://tinyml-schema.org/networkschema");
  if (!ontology.ok()) return ontology.failure();
  report.triples += ontology->quads_added;

  // The boards as W3C WoT Thing Descriptions (devices-td/); the Turtle
  // versions in devices/ describe the same capability graph.
  for (const fs::path& device :
       files_with_extension(root / "reference" / "devices-td", ".jsonld")) {
    auto added = td::import_td(graph, read_file(device));
    if (!added.ok()) return fail("{}: {}", device.string(), added.error());
    report.triples += added->report.quads_added;
    ++report.devices;
  }
  for (const fs::path& model : files_with_extension(models, ".tflite")) {
    fs::path card = root / "reference" / "cards" / (model.stem().string() + ".json");
    auto added = graph.add_model_file(model.string(), fs::exists(card) ? card.string() : "");
    if (!added.ok()) return added.failure();
    report.triples += added->quads_added;
    report.model_files.emplace_back(added->iri, model.string());
    ++report.models;
  }
  return report;
}

}  // namespace tinykg::kg
