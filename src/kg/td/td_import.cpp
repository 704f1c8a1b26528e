#include <random>
#include <sstream>

#include <fmt/format.h>

#include "kg/td/capabilities.h"
#include "kg/td/thing_description.h"
#include "rdf/jsonld/jsonld.h"
#include "rdf/serd_io.h"

namespace tinykg::kg::td {

using nlohmann::json;

std::string fresh_thing_id() {
  std::random_device rd;
  std::mt19937_64 gen((uint64_t(rd()) << 32) ^ rd());
  uint64_t hi = gen(), lo = gen();
  hi = (hi & ~0xF000ull) | 0x4000ull;                          // version 4
  lo = (lo & ~(0xC000ull << 48)) | (0x8000ull << 48);          // variant 10
  return fmt::format("urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", uint32_t(hi >> 32),
                     uint32_t(hi >> 16) & 0xFFFF, uint32_t(hi) & 0xFFFF, uint32_t(lo >> 48),
                     lo & 0xFFFFFFFFFFFFull);
}

Result<TdGraph> td_to_graph(const json& td, const std::string& assigned_id) {
  json document = td;
  if (!document.contains("id")) {
    if (assigned_id.empty()) {
      return fail("the Thing Description has no \"id\" (add one, e.g. \"urn:uuid:…\")");
    }
    document["id"] = assigned_id;
  }
  if (!document["id"].is_string()) return fail("\"id\" must be a string (at /id)");
  const std::string device = document["id"].get<std::string>();
  rdf::JsonLdOptions opts;
  opts.base = device + "/";
  auto quads = rdf::jsonld_document_to_rdf(document, opts);
  if (!quads.ok()) return fail("JSON-LD: {}", quads.error());
  auto graph = derive_capabilities(*quads, device);
  if (!graph.ok()) return graph.failure();
  return TdGraph{device, std::move(graph).value()};
}

Result<TdImport> import_td_document(KnowledgeGraph& graph, const json& td,
                                    const std::string& assigned_id) {
  auto converted = td_to_graph(td, assigned_id);
  if (!converted.ok()) return converted.failure();
  std::ostringstream nquads;
  {
    rdf::RdfWriter writer(nquads, rdf::Syntax::NQuads);
    for (const rdf::Quad& q : converted->quads) writer.write(q);
  }
  TdImport result;
  result.device = converted->device;
  // Replacing is delete + add: the TD is fully converted first, so the
  // only failure left between the two is the store's own.
  auto removed = graph.delete_device(result.device);
  if (!removed.ok()) return removed.failure();
  result.replaced = *removed > 0;
  auto report = graph.add_device_rdf(nquads.str(), rdf::Syntax::NQuads, result.device);
  if (!report.ok()) return report.failure();
  result.report = *report;
  return result;
}

Result<TdImport> import_td(KnowledgeGraph& graph, std::string_view text,
                           const std::string& assigned_id) {
  TdValidation validation = validate_td_text(text);
  if (!validation.ok()) return fail("invalid Thing Description: {}", validation.summary());
  return import_td_document(graph, validation.document, assigned_id);
}

}  // namespace tinykg::kg::td
