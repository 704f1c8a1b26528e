// Public entry points: parse, run the algorithms, turn JsonLdError into a
// Result failure.
#include "rdf/jsonld/jsonld.h"

#include <fmt/format.h>

#include "rdf/jsonld/context.h"
#include "rdf/jsonld/error.h"
#include "rdf/jsonld/expansion.h"
#include "rdf/jsonld/to_rdf.h"
#include "rdf/serd_io.h"

namespace tinykg::rdf {

using jsonld::json;
using jsonld::JsonLdError;

namespace {

Failure to_failure(const JsonLdError& e) {
  std::string message = e.code;
  if (!e.detail.empty()) message += ": " + e.detail;
  if (!e.pointer.empty()) message += " (at " + e.pointer + ")";
  return Failure{std::move(message)};
}

// The algorithms recurse once per nesting level; a document nested deeper
// than any real one would otherwise exhaust the stack.
constexpr size_t kMaxDepth = 256;

size_t nesting_depth(const json& root) {
  size_t max_depth = 0;
  std::vector<std::pair<const json*, size_t>> stack{{&root, 1}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    max_depth = std::max(max_depth, depth);
    if (node->is_structured()) {
      for (const auto& child : *node) stack.emplace_back(&child, depth + 1);
    }
  }
  return max_depth;
}

Result<json> parse(std::string_view text) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // Report line and column rather than nlohmann's byte offset.
    size_t line = 1, column = 1;
    for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') { ++line; column = 1; } else { ++column; }
    }
    std::string what = e.what();
    if (size_t colon = what.rfind(": "); colon != std::string::npos) what = what.substr(colon + 2);
    return fail("loading document failed: invalid JSON at line {}, column {}: {}", line, column,
                what);
  } catch (const json::exception& e) {
    return fail("loading document failed: invalid JSON: {}", e.what());
  }
}

json expand_document(const jsonld::Env& env, const json& document) {
  const JsonLdOptions& opts = env.opts;
  if (nesting_depth(document) > kMaxDepth) {
    throw JsonLdError("loading document failed",
                      fmt::format("JSON nested deeper than {} levels", kMaxDepth));
  }
  auto active = jsonld::initial_context(opts.base);
  if (!opts.expand_context.is_null()) {
    const json& ctx = opts.expand_context.is_object() && opts.expand_context.contains("@context")
                          ? opts.expand_context["@context"]
                          : opts.expand_context;
    active = jsonld::process_context(env, active, ctx, opts.base, {}, {}, "(expandContext)");
  }
  json expanded = jsonld::expand_element(env, active, "", document, opts.base, false, "");
  if (expanded.is_object() && expanded.size() == 1 && expanded.contains("@graph")) {
    expanded = expanded["@graph"];
  }
  if (expanded.is_null()) return json::array();
  return jsonld::as_array(expanded);
}

DocumentLoader& loader_of(const JsonLdOptions& opts) {
  return opts.loader ? *opts.loader : BundledContextLoader::instance();
}

}  // namespace

Result<json> jsonld_expand_document(const json& document, const JsonLdOptions& opts) {
  jsonld::Env env{opts, loader_of(opts)};
  try {
    return expand_document(env, document);
  } catch (const JsonLdError& e) {
    return to_failure(e);
  }
}

Result<json> jsonld_expand(std::string_view json_text, const JsonLdOptions& opts) {
  auto doc = parse(json_text);
  if (!doc.ok()) return doc.failure();
  return jsonld_expand_document(*doc, opts);
}

Result<std::vector<Quad>> jsonld_document_to_rdf(const json& document, const JsonLdOptions& opts) {
  jsonld::Env env{opts, loader_of(opts)};
  try {
    json expanded = expand_document(env, document);
    jsonld::BlankNodeIssuer issuer(opts.blank_prefix.empty() ? fresh_blank_prefix()
                                                             : opts.blank_prefix);
    json node_map = jsonld::generate_node_map(expanded, issuer);
    return jsonld::node_map_to_rdf(node_map, issuer, opts);
  } catch (const JsonLdError& e) {
    return to_failure(e);
  }
}

Result<std::vector<Quad>> jsonld_to_rdf(std::string_view json_text, const JsonLdOptions& opts) {
  auto doc = parse(json_text);
  if (!doc.ok()) return doc.failure();
  return jsonld_document_to_rdf(*doc, opts);
}

std::string_view jsonld_error_code(std::string_view message) {
  // Codes are words and '@' terms, never a colon: the code ends at the first ':'
  // or " (at".
  size_t end = std::min(message.find(':'), message.find(" (at "));
  return message.substr(0, end);
}

}  // namespace tinykg::rdf
