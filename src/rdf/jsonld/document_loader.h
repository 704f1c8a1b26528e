// Where the JSON-LD processor gets remote contexts (`"@context": "https://…"`
// and `@import`). tinykg never touches the network by default: the
// BundledContextLoader serves the W3C WoT contexts shipped in data/contexts/
// (compiled into the library) and refuses every other URL with an error that
// says what to do.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace tinykg::rdf {

// A loaded document: its final URL (the base for relative IRIs inside it) and
// its parsed JSON.
struct RemoteDocument {
  std::string document_url;
  nlohmann::json document;
};

class DocumentLoader {
 public:
  virtual ~DocumentLoader() = default;
  // A failure's message becomes the detail of a JSON-LD
  // "loading remote context failed" error.
  virtual Result<RemoteDocument> load(const std::string& url) = 0;
};

// Serves the bundled contexts by their official URLs (data/contexts/index.json)
// plus any documents registered with add(); refuses everything else.
class BundledContextLoader : public DocumentLoader {
 public:
  BundledContextLoader();
  // Serves `json_text` for `url` (e.g. a context from configuration).
  Status add(const std::string& url, std::string_view json_text);
  Result<RemoteDocument> load(const std::string& url) override;

  // The process-wide instance used when JsonLdOptions::loader is null.
  static BundledContextLoader& instance();

 private:
  std::map<std::string, nlohmann::json> documents_;
};

// URL → text of the contexts compiled in from data/contexts/ (generated
// at configure time from data/contexts/index.json).
struct BundledContext {
  const char* url;
  const char* text;
};
const BundledContext* bundled_contexts_begin();
const BundledContext* bundled_contexts_end();

}  // namespace tinykg::rdf
