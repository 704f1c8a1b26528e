#include "rdf/jsonld/document_loader.h"

#include <fmt/format.h>

namespace tinykg::rdf {

BundledContextLoader::BundledContextLoader() {
  for (const BundledContext* c = bundled_contexts_begin(); c != bundled_contexts_end(); ++c) {
    // The bundled files are checked at build time by the tests; a broken one
    // is a programmer error, hence the throwing parse.
    documents_.emplace(c->url, nlohmann::json::parse(c->text));
  }
}

Status BundledContextLoader::add(const std::string& url, std::string_view json_text) {
  auto doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return fail("context for {} is not valid JSON", url);
  documents_[url] = std::move(doc);
  return {};
}

Result<RemoteDocument> BundledContextLoader::load(const std::string& url) {
  auto it = documents_.find(url);
  if (it == documents_.end()) {
    return fail("remote context {} not loaded: network loading is disabled "
                "(bundle the context or allow it in configuration)", url);
  }
  return RemoteDocument{url, it->second};
}

BundledContextLoader& BundledContextLoader::instance() {
  // Read-only after construction, so sharing it between threads is safe.
  static BundledContextLoader loader;
  return loader;
}

}  // namespace tinykg::rdf
