// Context Processing algorithm (JSON-LD 1.1 API, section 4.1.2).
#include "rdf/jsonld/context.h"

#include <algorithm>

#include "rdf/jsonld/error.h"
#include "rdf/jsonld/iri.h"

namespace tinykg::rdf::jsonld {

namespace {

// Deep enough for real documents, small enough to stop a context that
// includes itself (the spec leaves the limit to the processor).
constexpr size_t kMaxRemoteContexts = 32;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Dereferences a remote context and returns its @context value.
json load_remote_context(const Env& env, const std::string& url, const std::string& pointer,
                         std::string* document_url) {
  auto doc = env.loader.load(url);
  if (!doc.ok()) throw JsonLdError("loading remote context failed", doc.error(), pointer);
  if (!doc->document.is_object() || !doc->document.contains("@context")) {
    throw JsonLdError("invalid remote context", url + " has no top-level @context", pointer);
  }
  *document_url = doc->document_url;
  return doc->document["@context"];
}

}  // namespace

bool TermDefinition::has_container(std::string_view c) const {
  return std::find(container.begin(), container.end(), c) != container.end();
}

bool TermDefinition::same_as(const TermDefinition& o) const {
  auto same_context = [&] {
    if (!context || !o.context) return !context && !o.context;
    return *context == *o.context;
  };
  auto sorted = [](std::vector<std::string> v) { std::sort(v.begin(), v.end()); return v; };
  return iri == o.iri && prefix == o.prefix && reverse == o.reverse && same_context() &&
         sorted(container) == sorted(o.container) && language == o.language &&
         direction == o.direction && index == o.index && nest == o.nest && type == o.type;
}

const TermDefinition* ActiveContext::find(std::string_view term) const {
  auto it = terms.find(term);
  return it == terms.end() ? nullptr : &it->second;
}

bool ActiveContext::has_protected_terms() const {
  return std::any_of(terms.begin(), terms.end(),
                     [](const auto& t) { return t.second.is_protected; });
}

ContextPtr initial_context(const std::string& base) {
  auto ctx = std::make_shared<ActiveContext>();
  ctx->base_iri = base;
  ctx->original_base_url = base;
  return ctx;
}

namespace {

// The algorithm proper; builds contexts privately so they can be mutated
// until they are handed out as ContextPtr.
std::shared_ptr<ActiveContext> process(const Env& env, const ContextPtr& active,
                                       const json& local_context, const std::string& base_url,
                                       std::vector<std::string> remote_contexts, ContextFlags flags,
                                       const std::string& pointer) {
  auto result = std::make_shared<ActiveContext>(*active);
  // Step 2–3: a non-propagated context remembers where to return to.
  if (local_context.is_object() && local_context.contains("@propagate")) {
    const json& p = local_context["@propagate"];
    if (!p.is_boolean()) throw JsonLdError("invalid @propagate value", "", pointer + "/@propagate");
    flags.propagate = p.get<bool>();
  }
  if (!flags.propagate && !result->previous) result->previous = active;

  json contexts = local_context.is_array() ? local_context : json::array({local_context});
  for (size_t i = 0; i < contexts.size(); ++i) {
    const json& context = contexts[i];
    std::string here = local_context.is_array() ? pointer + "/" + std::to_string(i) : pointer;
    if (context.is_null()) {
      // Step 5.1: reset, unless that would drop protected terms.
      if (!flags.override_protected && result->has_protected_terms()) {
        throw JsonLdError("invalid context nullification",
                          "a context with protected terms cannot be set to null", here);
      }
      auto fresh = std::make_shared<ActiveContext>();
      fresh->base_iri = active->original_base_url;
      fresh->original_base_url = active->original_base_url;
      if (!flags.propagate) fresh->previous = result;
      result = std::move(fresh);
      continue;
    }
    if (context.is_string()) {
      std::string url = resolve_iri(base_url, context.get<std::string>());
      if (!is_absolute_iri(url)) {
        throw JsonLdError("loading remote context failed",
                          "cannot resolve relative context IRI " + url, here);
      }
      if (!flags.validate_scoped_context &&
          std::find(remote_contexts.begin(), remote_contexts.end(), url) != remote_contexts.end()) {
        continue;
      }
      if (remote_contexts.size() >= kMaxRemoteContexts) {
        throw JsonLdError("context overflow", "too many nested remote contexts at " + url, here);
      }
      remote_contexts.push_back(url);
      std::string document_url;
      json loaded = load_remote_context(env, url, here, &document_url);
      // A remote context's own @propagate is read inside the recursive call.
      result = process(env, result, loaded, document_url, remote_contexts,
                               {flags.override_protected, true, flags.validate_scoped_context},
                               here);
      continue;
    }
    if (!context.is_object()) {
      throw JsonLdError("invalid local context", "a context must be an object, IRI or null", here);
    }

    json ctx = context;  // may be merged with an @import below
    ActiveContext& r = *result;
    if (ctx.contains("@version")) {
      const json& v = ctx["@version"];
      if (!v.is_number() || v.get<double>() != 1.1) {
        throw JsonLdError("invalid @version value", "@version must be 1.1", here + "/@version");
      }
      if (env.json_ld_10()) {
        throw JsonLdError("processing mode conflict", "@version 1.1 in json-ld-1.0 mode", here);
      }
    }
    if (ctx.contains("@import")) {
      if (env.json_ld_10()) throw JsonLdError("invalid context entry", "@import", here);
      const json& v = ctx["@import"];
      if (!v.is_string()) throw JsonLdError("invalid @import value", "", here + "/@import");
      std::string url = resolve_iri(base_url, v.get<std::string>());
      std::string document_url;
      json imported = load_remote_context(env, url, here + "/@import", &document_url);
      if (!imported.is_object()) {
        throw JsonLdError("invalid remote context", url + " is not a context object", here);
      }
      if (imported.contains("@import")) {
        throw JsonLdError("invalid context entry", "an imported context cannot @import", here);
      }
      // The importing context's entries win over the imported ones.
      for (auto& [key, value] : ctx.items()) imported[key] = value;
      ctx = std::move(imported);
    }
    if (ctx.contains("@base") && remote_contexts.empty()) {
      const json& v = ctx["@base"];
      if (v.is_null()) {
        r.base_iri.reset();
      } else if (v.is_string() && is_absolute_iri(v.get<std::string>())) {
        r.base_iri = v.get<std::string>();
      } else if (v.is_string() && r.base_iri) {
        r.base_iri = resolve_iri(*r.base_iri, v.get<std::string>());
      } else {
        throw JsonLdError("invalid base IRI", "", here + "/@base");
      }
    }
    if (ctx.contains("@vocab")) {
      const json& v = ctx["@vocab"];
      if (v.is_null()) {
        r.vocab.reset();
      } else if (v.is_string()) {
        std::string s = v.get<std::string>();
        if (env.json_ld_10() && !is_absolute_iri(s) && !is_blank_node_id(s)) {
          throw JsonLdError("invalid vocab mapping", "", here + "/@vocab");
        }
        auto expanded = expand_iri(r, s, /*document_relative=*/true, /*vocab=*/true);
        if (!expanded || (!is_absolute_iri(*expanded) && !is_blank_node_id(*expanded) &&
                          !expanded->empty())) {
          throw JsonLdError("invalid vocab mapping", "", here + "/@vocab");
        }
        r.vocab = *expanded;
      } else {
        throw JsonLdError("invalid vocab mapping", "@vocab must be a string or null",
                          here + "/@vocab");
      }
    }
    if (ctx.contains("@language")) {
      const json& v = ctx["@language"];
      if (v.is_null()) r.default_language.reset();
      else if (v.is_string()) r.default_language = lower(v.get<std::string>());
      else throw JsonLdError("invalid default language", "", here + "/@language");
    }
    if (ctx.contains("@direction")) {
      if (env.json_ld_10()) throw JsonLdError("invalid context entry", "@direction", here);
      const json& v = ctx["@direction"];
      if (v.is_null()) r.default_direction.reset();
      else if (v == "ltr" || v == "rtl") r.default_direction = v.get<std::string>();
      else throw JsonLdError("invalid base direction", "", here + "/@direction");
    }
    if (ctx.contains("@propagate")) {
      if (env.json_ld_10()) throw JsonLdError("invalid context entry", "@propagate", here);
      if (!ctx["@propagate"].is_boolean()) {
        throw JsonLdError("invalid @propagate value", "", here + "/@propagate");
      }
    }
    bool is_protected = false;
    if (ctx.contains("@protected")) {
      if (!ctx["@protected"].is_boolean()) {
        throw JsonLdError("invalid @protected value", "", here + "/@protected");
      }
      is_protected = ctx["@protected"].get<bool>();
    }

    TermDefiner definer{env,
                        r,
                        ctx,
                        base_url,
                        remote_contexts,
                        is_protected,
                        flags.override_protected,
                        flags.validate_scoped_context,
                        here,
                        {}};
    static const char* kContextKeywords[] = {"@base",     "@direction", "@import", "@language",
                                             "@propagate", "@protected", "@version", "@vocab"};
    for (auto& [key, value] : ctx.items()) {
      if (std::find(std::begin(kContextKeywords), std::end(kContextKeywords), key) !=
          std::end(kContextKeywords)) {
        continue;
      }
      definer.define(key);
    }
  }
  return result;
}

}  // namespace

ContextPtr process_context(const Env& env, const ContextPtr& active, const json& local_context,
                           const std::string& base_url, std::vector<std::string> remote_contexts,
                           ContextFlags flags, const std::string& pointer) {
  return process(env, active, local_context, base_url, std::move(remote_contexts), flags, pointer);
}

}  // namespace tinykg::rdf::jsonld
