// Create Term Definition algorithm (JSON-LD 1.1 API, section 4.2.2).
#include <algorithm>
#include <set>

#include "rdf/jsonld/context.h"
#include "rdf/jsonld/error.h"
#include "rdf/jsonld/iri.h"

namespace tinykg::rdf::jsonld {

namespace {

bool ends_with_gen_delim(std::string_view iri) {
  return !iri.empty() && std::string_view(":/?#[]@").find(iri.back()) != std::string_view::npos;
}

// Step 20.1: the container values and combinations the spec allows.
bool valid_container(const std::vector<std::string>& c, bool json_ld_10) {
  static const std::set<std::string> kSingle = {"@graph", "@id", "@index", "@language",
                                                "@list", "@set", "@type"};
  std::set<std::string> s(c.begin(), c.end());
  if (s.size() != c.size() || s.empty()) return false;
  for (const auto& v : s) if (!kSingle.count(v)) return false;
  if (json_ld_10) {
    return s.size() == 1 && (s.count("@index") || s.count("@language") || s.count("@list") ||
                             s.count("@set"));
  }
  if (s.size() == 1) return true;
  if (s.count("@list")) return false;
  if (s.count("@graph")) {
    // @graph with optionally one of @id/@index, optionally @set.
    if (s.count("@id") && s.count("@index")) return false;
    for (const auto& v : s) {
      if (v != "@graph" && v != "@id" && v != "@index" && v != "@set") return false;
    }
    return true;
  }
  // Otherwise @set plus exactly one of @index, @id, @type, @language.
  return s.size() == 2 && s.count("@set");
}

}  // namespace

void TermDefiner::define(const std::string& term) {
  std::string where = pointer_child(pointer, term);
  if (auto it = defined.find(term); it != defined.end()) {
    if (it->second) return;
    throw JsonLdError("cyclic IRI mapping", "term '" + term + "' depends on itself", where);
  }
  if (term.empty()) throw JsonLdError("invalid term definition", "empty term", pointer);
  defined[term] = false;
  json value = local_context[term];

  if (term == "@type" && !env.json_ld_10() && value.is_object() && !value.empty()) {
    // @type may only be given @container: @set and @protected.
    bool ok = !value.contains("@container") || value["@container"] == "@set";
    for (auto& [k, v] : value.items()) ok = ok && (k == "@container" || k == "@protected");
    if (!ok) throw JsonLdError("keyword redefinition", "only @container: @set for @type", where);
  } else if (is_keyword(term)) {
    throw JsonLdError("keyword redefinition", "cannot redefine " + term, where);
  } else if (has_keyword_form(term)) {
    return;  // reserved for future keywords: ignored
  }

  std::optional<TermDefinition> previous;
  if (auto it = active.terms.find(term); it != active.terms.end()) {
    previous = std::move(it->second);
    active.terms.erase(it);
  }

  bool simple_term = false;
  if (value.is_null()) {
    value = json{{"@id", nullptr}};
  } else if (value.is_string()) {
    value = json{{"@id", value}};
    simple_term = true;
  } else if (!value.is_object()) {
    throw JsonLdError("invalid term definition", "must be a string, object or null", where);
  }

  TermDefinition def;
  if (value.contains("@protected")) {
    if (env.json_ld_10()) throw JsonLdError("invalid term definition", "@protected", where);
    if (!value["@protected"].is_boolean()) throw JsonLdError("invalid @protected value", "", where);
    def.is_protected = value["@protected"].get<bool>();
  } else {
    def.is_protected = is_protected;
  }

  if (value.contains("@type")) {
    const json& t = value["@type"];
    if (!t.is_string()) throw JsonLdError("invalid type mapping", "@type must be a string", where);
    auto type = expand_iri(active, t.get<std::string>(), false, true, this);
    bool keyword_ok = type && (*type == "@id" || *type == "@vocab" ||
                               (!env.json_ld_10() && (*type == "@json" || *type == "@none")));
    if (!type || (!keyword_ok && (is_keyword(*type) || !is_absolute_iri(*type)))) {
      throw JsonLdError("invalid type mapping", "not an IRI: " + t.get<std::string>(), where);
    }
    def.type = *type;
  }

  if (value.contains("@reverse")) {
    if (value.contains("@id") || value.contains("@nest")) {
      throw JsonLdError("invalid reverse property", "@reverse with @id or @nest", where);
    }
    const json& r = value["@reverse"];
    if (!r.is_string()) throw JsonLdError("invalid IRI mapping", "@reverse must be a string", where);
    if (has_keyword_form(r.get<std::string>())) return;
    auto iri = expand_iri(active, r.get<std::string>(), false, true, this);
    if (!iri || iri->find(':') == std::string::npos) {
      throw JsonLdError("invalid IRI mapping", "@reverse is not an IRI", where);
    }
    def.iri = iri;
    if (value.contains("@container")) {
      const json& c = value["@container"];
      if (!c.is_null() && c != "@set" && c != "@index") {
        throw JsonLdError("invalid reverse property", "container must be @set or @index", where);
      }
      if (c.is_string()) def.container = {c.get<std::string>()};
    }
    def.reverse = true;
    active.terms[term] = std::move(def);
    defined[term] = true;
    return;
  }

  bool colon_inside = term.find(':', 1) != std::string::npos && term.find(':', 1) + 1 < term.size();
  if (value.contains("@id") && value["@id"] != term) {
    const json& id = value["@id"];
    if (id.is_null()) {
      def.iri.reset();  // kept so that later redefinitions can be detected
    } else {
      if (!id.is_string()) throw JsonLdError("invalid IRI mapping", "@id must be a string", where);
      const std::string s = id.get<std::string>();
      if (!is_keyword(s) && has_keyword_form(s)) return;
      def.iri = expand_iri(active, s, false, true, this);
      if (!def.iri || (!is_keyword(*def.iri) && def.iri->find(':') == std::string::npos)) {
        throw JsonLdError("invalid IRI mapping", "not an IRI: " + s, where);
      }
      if (*def.iri == "@context") {
        throw JsonLdError("invalid keyword alias", "@context cannot be aliased", where);
      }
      if (colon_inside || term.find('/') != std::string::npos) {
        // A term that looks like an IRI must expand to that same IRI.
        defined[term] = true;
        auto as_iri = expand_iri(active, term, false, true, this);
        if (as_iri != def.iri) {
          throw JsonLdError("invalid IRI mapping", "term looks like a different IRI", where);
        }
      }
      if (term.find(':') == std::string::npos && term.find('/') == std::string::npos &&
          simple_term && (ends_with_gen_delim(*def.iri) || is_blank_node_id(*def.iri))) {
        def.prefix = true;
      }
    }
  } else if (term.find(':', 1) != std::string::npos) {
    size_t colon = term.find(':', 1);
    std::string prefix = term.substr(0, colon), suffix = term.substr(colon + 1);
    if (local_context.contains(prefix)) define(prefix);
    if (const TermDefinition* p = active.find(prefix); p && p->iri) {
      def.iri = *p->iri + suffix;
    } else {
      def.iri = term;  // an absolute IRI or blank node identifier
    }
  } else if (term.find('/') != std::string::npos) {
    // Expanded without the local context: the term itself is being defined.
    def.iri = expand_iri(active, term, false, true);
    if (!def.iri || !is_absolute_iri(*def.iri)) {
      throw JsonLdError("invalid IRI mapping", "relative term without @vocab", where);
    }
  } else if (term == "@type") {
    def.iri = "@type";
  } else if (active.vocab) {
    def.iri = *active.vocab + term;
  } else {
    throw JsonLdError("invalid IRI mapping", "no @id and no @vocab for '" + term + "'", where);
  }

  if (value.contains("@container")) {
    const json& c = value["@container"];
    std::vector<std::string> container;
    bool shape_ok = c.is_string() || (c.is_array() && !env.json_ld_10());
    if (c.is_string()) container.push_back(c.get<std::string>());
    if (c.is_array()) {
      for (const auto& v : c) {
        if (!v.is_string()) shape_ok = false;
        else container.push_back(v.get<std::string>());
      }
    }
    if (!shape_ok || !valid_container(container, env.json_ld_10())) {
      throw JsonLdError("invalid container mapping", c.dump(), where + "/@container");
    }
    def.container = std::move(container);
    if (def.has_container("@type")) {
      if (!def.type) def.type = "@id";
      if (*def.type != "@id" && *def.type != "@vocab") {
        throw JsonLdError("invalid type mapping", "@type containers need @id or @vocab", where);
      }
    }
  }

  if (value.contains("@index")) {
    if (env.json_ld_10() || !def.has_container("@index")) {
      throw JsonLdError("invalid term definition", "@index without an @index container", where);
    }
    const json& ix = value["@index"];
    if (!ix.is_string()) throw JsonLdError("invalid term definition", "@index must be a string", where);
    auto expanded = expand_iri(active, ix.get<std::string>(), false, true, this);
    if (!expanded || is_keyword(*expanded) || !is_absolute_iri(*expanded)) {
      throw JsonLdError("invalid term definition", "@index must expand to an IRI", where);
    }
    def.index = ix.get<std::string>();
  }

  if (value.contains("@context")) {
    if (env.json_ld_10()) throw JsonLdError("invalid term definition", "scoped @context", where);
    const json& scoped = value["@context"];
    // Validate now (errors surface at definition time), use later.
    try {
      auto snapshot = std::make_shared<const ActiveContext>(active);
      process_context(env, snapshot, scoped, base_url, remote_contexts,
                      {/*override_protected=*/true, true, /*validate_scoped_context=*/false},
                      where + "/@context");
    } catch (const JsonLdError& e) {
      throw JsonLdError("invalid scoped context", e.code + (e.detail.empty() ? "" : ": " + e.detail),
                        e.pointer);
    }
    def.context = std::make_shared<const json>(scoped);
    def.base_url = base_url;
  }

  if (value.contains("@language") && !value.contains("@type")) {
    const json& l = value["@language"];
    if (!l.is_null() && !l.is_string()) throw JsonLdError("invalid language mapping", "", where);
    if (l.is_string()) {
      std::string s = l.get<std::string>();
      for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      def.language = s;
    } else {
      def.language = nullptr;
    }
  }
  if (value.contains("@direction") && !value.contains("@type")) {
    const json& d = value["@direction"];
    if (!d.is_null() && d != "ltr" && d != "rtl") {
      throw JsonLdError("invalid base direction", "", where);
    }
    def.direction = d;
  }
  if (value.contains("@nest")) {
    if (env.json_ld_10()) throw JsonLdError("invalid term definition", "@nest", where);
    const json& n = value["@nest"];
    if (!n.is_string() || (is_keyword(n.get<std::string>()) && n != "@nest")) {
      throw JsonLdError("invalid @nest value", "", where);
    }
    def.nest = n.get<std::string>();
  }
  if (value.contains("@prefix")) {
    if (env.json_ld_10() || term.find(':') != std::string::npos ||
        term.find('/') != std::string::npos) {
      throw JsonLdError("invalid term definition", "@prefix not allowed here", where);
    }
    if (!value["@prefix"].is_boolean()) throw JsonLdError("invalid @prefix value", "", where);
    def.prefix = value["@prefix"].get<bool>();
    if (def.prefix && def.iri && is_keyword(*def.iri)) {
      throw JsonLdError("invalid term definition", "a keyword alias cannot be a prefix", where);
    }
  }
  static const std::set<std::string> kAllowed = {
      "@id", "@reverse", "@container", "@context", "@direction", "@index",
      "@language", "@nest", "@prefix", "@protected", "@type"};
  for (auto& [k, v] : value.items()) {
    if (!kAllowed.count(k)) throw JsonLdError("invalid term definition", "unknown entry " + k, where);
  }

  if (!override_protected && previous && previous->is_protected) {
    if (!def.same_as(*previous)) {
      throw JsonLdError("protected term redefinition", "'" + term + "' is protected", where);
    }
    def = std::move(*previous);
  }
  active.terms[term] = std::move(def);
  defined[term] = true;
}

}  // namespace tinykg::rdf::jsonld
