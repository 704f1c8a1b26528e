// Active contexts and the JSON-LD 1.1 Context Processing algorithm
// (API spec section 4.1 "Context Processing", 4.2 "Create Term Definition")
// plus IRI Expansion (5.2), which term definition and expansion both need.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "rdf/jsonld/jsonld.h"

namespace tinykg::rdf::jsonld {

using json = nlohmann::json;

// Settings of one API call shared by every algorithm.
struct Env {
  const JsonLdOptions& opts;
  DocumentLoader& loader;
  bool json_ld_10() const { return opts.processing_mode == "json-ld-1.0"; }
};

struct TermDefinition {
  std::optional<std::string> iri;  // nullopt: the term is explicitly mapped to null
  bool prefix = false;
  bool is_protected = false;
  bool reverse = false;
  std::optional<std::string> base_url;  // base for the scoped context
  std::shared_ptr<const json> context;  // property-/type-scoped context
  std::vector<std::string> container;
  std::optional<json> language;   // string or null (null: no language)
  std::optional<json> direction;  // "ltr", "rtl" or null
  std::optional<std::string> index;
  std::optional<std::string> nest;
  std::optional<std::string> type;  // type mapping: @id, @vocab, @json, @none or an IRI

  bool has_container(std::string_view c) const;
  // Equality ignoring the protected flag (protected term redefinition check).
  bool same_as(const TermDefinition& other) const;
};

struct ActiveContext;
using ContextPtr = std::shared_ptr<const ActiveContext>;

struct ActiveContext {
  std::map<std::string, TermDefinition, std::less<>> terms;
  std::optional<std::string> base_iri;  // nullopt: @base was set to null
  std::string original_base_url;
  std::optional<std::string> vocab;
  std::optional<std::string> default_language;
  std::optional<std::string> default_direction;
  // The context to return to when a type-scoped (non-propagated) context
  // stops applying (spec: "previous context").
  ContextPtr previous;

  const TermDefinition* find(std::string_view term) const;
  bool has_protected_terms() const;
};

ContextPtr initial_context(const std::string& base);

struct ContextFlags {
  bool override_protected = false;
  bool propagate = true;
  bool validate_scoped_context = true;
};

// Processes `local_context` (a context, an IRI, null or an array of those)
// on top of `active`. `pointer` locates the local context in the input.
ContextPtr process_context(const Env& env, const ContextPtr& active, const json& local_context,
                           const std::string& base_url, std::vector<std::string> remote_contexts,
                           ContextFlags flags, const std::string& pointer);

// State of creating term definitions from one local context (the spec's
// `local context` and `defined` map); IRI expansion needs it to define the
// prefixes a term depends on first.
struct TermDefiner {
  const Env& env;
  ActiveContext& active;
  const json& local_context;
  std::string base_url;
  std::vector<std::string> remote_contexts;
  bool is_protected = false;
  bool override_protected = false;
  bool validate_scoped_context = true;
  std::string pointer;
  std::map<std::string, bool, std::less<>> defined;

  void define(const std::string& term);
};

// IRI Expansion. Returns nullopt when the value maps to null (or looks like a
// reserved keyword). With `definer`, terms of the local context being
// processed are defined on demand.
std::optional<std::string> expand_iri(const ActiveContext& active, std::string_view value,
                                      bool document_relative, bool vocab,
                                      TermDefiner* definer = nullptr);

}  // namespace tinykg::rdf::jsonld
