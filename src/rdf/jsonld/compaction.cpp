#include "rdf/jsonld/compaction.h"

#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "rdf/jsonld/context.h"
#include "rdf/jsonld/error.h"
#include "rdf/jsonld/to_rdf.h"

namespace tinykg::rdf {
namespace {

using jsonld::ActiveContext;
using jsonld::ContextPtr;
using jsonld::json;
using jsonld::TermDefinition;

std::string node_key(const Term& t) { return (t.is_blank() ? "_:" : "") + t.value; }

bool only_set_container(const TermDefinition& def) {
  for (const std::string& c : def.container) {
    if (c != "@set") return false;
  }
  return true;
}

// A native JSON value that toRdf turns back into exactly this literal.
std::optional<json> native_value(const Term& literal) {
  const std::string_view dt = literal.effective_datatype();
  const std::string& lex = literal.value;
  if (dt == xsd::kBoolean && (lex == "true" || lex == "false")) return json(lex == "true");
  if (dt == xsd::kInteger) {
    int64_t v = 0;
    auto [end, ec] = std::from_chars(lex.data(), lex.data() + lex.size(), v);
    if (ec == std::errc() && end == lex.data() + lex.size() && std::to_string(v) == lex) {
      return json(v);
    }
  }
  if (dt == xsd::kDouble) {
    char* end = nullptr;
    double d = std::strtod(lex.c_str(), &end);
    if (end && *end == '\0' && std::isfinite(d) && std::fmod(d, 1.0) != 0.0 &&
        std::fabs(d) < 1e21 && jsonld::canonical_double(d) == lex) {
      return json(d);
    }
  }
  return std::nullopt;
}

class Compactor {
 public:
  Compactor(const std::vector<Quad>& quads, const CompactOptions& opts)
      : opts_(opts), env_{opts_.jsonld, opts_.jsonld.loader ? *opts_.jsonld.loader
                                                             : BundledContextLoader::instance()} {
    for (const Quad& q : quads) {
      auto& props = subjects_[node_key(q.subject)];
      if (std::find(props.begin(), props.end(), std::pair{q.predicate, q.object}) == props.end()) {
        props.emplace_back(q.predicate, q.object);
        if (q.object.is_blank()) ++references_[node_key(q.object)];
      }
    }
  }

  json compact(const Term& root, const json& context) {
    ContextPtr ctx = jsonld::initial_context(opts_.jsonld.base);
    ctx = jsonld::process_context(env_, ctx, context, opts_.jsonld.base, {}, {}, "/@context");
    json out = json::object();
    out["@context"] = context;
    json node = compact_node(ctx, root, {}, true);
    for (auto& [k, v] : node.items()) out[k] = v;
    return out;
  }

 private:
  using Property = std::pair<Term, Term>;

  bool embeddable(const Term& t) const {
    return (t.is_blank() || t.is_iri()) && subjects_.contains(node_key(t)) &&
           !emitted_.contains(node_key(t));
  }

  std::string id_text(const Term& t) {
    if (!t.is_blank()) return t.value;
    auto [it, fresh] = blank_labels_.emplace(t.value, "");
    if (fresh) it->second = "_:b" + std::to_string(blank_labels_.size() - 1);
    return it->second;
  }

  // An @id-coerced value relative to the base where expanding it gives it
  // back (TD: form-level security names resolve against "<id>/").
  std::string relative_id(const Term& t) {
    const std::string& base = opts_.jsonld.base;
    if (t.is_iri() && !base.empty() && t.value.starts_with(base) && t.value.size() > base.size()) {
      std::string rest = t.value.substr(base.size());
      bool plain = rest.find_first_of(":?#/") == std::string::npos && rest != "." && rest != "..";
      if (plain) return rest;
    }
    return id_text(t);
  }

  // The term aliasing `keyword` ("id" for "@id"), else the keyword itself.
  static std::string alias(const ActiveContext& ctx, std::string_view keyword) {
    std::string best;
    for (const auto& [name, def] : ctx.terms) {
      if (def.iri && *def.iri == keyword && (best.empty() || name.size() < best.size())) {
        best = name;
      }
    }
    return best.empty() ? std::string(keyword) : best;
  }

  // An IRI as a term, compact IRI (prefix:suffix) or itself: for @type and
  // @vocab-coerced values, and keys no term fits.
  static std::string compact_iri(const ActiveContext& ctx, const std::string& iri,
                                 bool allow_terms) {
    std::string best;
    auto better = [&](const std::string& c) {
      return best.empty() || c.size() < best.size() || (c.size() == best.size() && c < best);
    };
    if (allow_terms) {
      for (const auto& [name, def] : ctx.terms) {
        if (def.iri && *def.iri == iri && !def.reverse && def.container.empty() && !def.type &&
            !def.context && better(name)) {
          best = name;
        }
      }
      if (!best.empty()) return best;
    }
    for (const auto& [name, def] : ctx.terms) {
      if (!def.prefix || !def.iri || def.iri->empty() || !iri.starts_with(*def.iri) ||
          iri.size() == def.iri->size()) {
        continue;
      }
      std::string candidate = name + ":" + iri.substr(def.iri->size());
      if (!ctx.find(candidate) && better(candidate)) best = candidate;
    }
    return best.empty() ? iri : best;
  }

  ContextPtr scoped(const ContextPtr& ctx, const std::string& term, const TermDefinition& def) {
    if (!def.context) return ctx;
    auto key = std::pair{ctx.get(), term};
    auto it = scoped_.find(key);
    if (it != scoped_.end()) return it->second;
    ContextPtr next = jsonld::process_context(
        env_, ctx, *def.context, def.base_url.value_or(opts_.jsonld.base), {},
        {.override_protected = true}, "");
    scoped_.emplace(key, next);
    keep_alive_.push_back(ctx);
    return next;
  }

  json value_object(const ActiveContext& ctx, const Term& v) {
    if (!v.is_literal()) return json{{"@id", id_text(v)}};
    json out{{"@value", v.value}};
    if (!v.lang.empty()) out["@language"] = v.lang;
    else if (v.effective_datatype() != xsd::kString) {
      out["@type"] = compact_iri(ctx, std::string(v.effective_datatype()), true);
    }
    return out;
  }

  // The compact form of literal `v` under term definition `def` in `ctx`, if
  // expanding it there gives `v` back.
  std::optional<json> literal_fit(const ActiveContext& ctx, const TermDefinition& def,
                                  const Term& v) {
    if (def.type) {
      if (*def.type == "@id" || *def.type == "@vocab" || *def.type == "@json" ||
          *def.type == "@none") {
        return std::nullopt;
      }
      if (v.lang.empty() && v.effective_datatype() == *def.type) return json(v.value);
      return std::nullopt;
    }
    if (auto native = native_value(v)) return native;
    std::optional<std::string> language;
    if (def.language) {
      if (def.language->is_string()) language = def.language->get<std::string>();
    } else if (ctx.default_language) {
      language = ctx.default_language;
    }
    if (language) {
      std::string lower = *language;
      for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
      if (!v.lang.empty() && v.lang == lower) return json(v.value);
      return std::nullopt;
    }
    if (v.lang.empty() && v.effective_datatype() == xsd::kString) return json(v.value);
    return std::nullopt;
  }

  // The key of node `v` in a property-valued index map, and the property
  // value that the key stands for.
  std::optional<std::pair<std::string, Property>> index_key(const ActiveContext& ctx,
                                                            const TermDefinition& def,
                                                            const Term& v) {
    if (!def.index) {
      return std::pair{"item" + std::to_string(++index_counter_), Property{}};
    }
    auto property = jsonld::expand_iri(ctx, *def.index, false, true);
    if (!property) return std::nullopt;
    for (const auto& [p, o] : subjects_.at(node_key(v))) {
      if (p.value != *property) continue;
      if (o.is_literal() && o.lang.empty() && o.effective_datatype() == xsd::kString) {
        return std::pair{o.value, Property{p, o}};
      }
      if (o.is_iri()) {
        std::string base = opts_.jsonld.base;
        std::string key = !base.empty() && o.value.starts_with(base) && o.value.size() > base.size()
                              ? o.value.substr(base.size())
                              : o.value;
        return std::pair{key, Property{p, o}};
      }
    }
    return std::nullopt;
  }

  void add_value(json& out, const std::string& key, json value, bool as_array) {
    if (!out.contains(key)) {
      out[key] = as_array ? json::array({std::move(value)}) : std::move(value);
      return;
    }
    json& slot = out[key];
    if (!slot.is_array()) slot = json::array({slot});
    slot.push_back(std::move(value));
  }

  // Writes `value` of `predicate` into `out`, choosing the term.
  void add_property(json& out, const ContextPtr& ctx, const Term& predicate, const Term& value) {
    std::vector<std::string> candidates;
    for (const auto& [name, def] : ctx->terms) {
      if (def.iri && *def.iri == predicate.value && !def.reverse && name.find(':') == std::string::npos) {
        candidates.push_back(name);
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
      return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    for (const std::string& name : candidates) {
      // As expansion does: containers (and an index map's key property) come
      // from the definition in `ctx`, value coercion from the definition in
      // the term's scoped context, which also applies to nested nodes.
      const TermDefinition& outer = *ctx->find(name);
      ContextPtr inner = scoped(ctx, name, outer);
      const TermDefinition& def = inner->find(name) ? *inner->find(name) : outer;
      const bool set = outer.has_container("@set");
      if (value.is_literal()) {
        if (outer.has_container("@language")) {
          if (value.lang.empty()) continue;
          if (!out.contains(name)) out[name] = json::object();
          add_value(out[name], value.lang, json(value.value), false);
          return;
        }
        if (!only_set_container(outer)) continue;
        if (auto fit = literal_fit(*inner, def, value)) {
          add_value(out, name, std::move(*fit), set);
          return;
        }
        continue;
      }
      if (outer.has_container("@index")) {
        if (!embeddable(value)) continue;
        auto key = index_key(*ctx, outer, value);
        if (!key) continue;
        if (!out.contains(name)) out[name] = json::object();
        if (out[name].contains(key->first)) continue;  // keys must stay unique
        out[name][key->first] = compact_node(inner, value, key->second, false);
        return;
      }
      if (!only_set_container(outer)) continue;
      if (embeddable(value)) {
        add_value(out, name, compact_node(inner, value, {}, false), set);
        return;
      }
      if (def.type == "@id") {
        add_value(out, name, json(relative_id(value)), set);
      } else if (def.type == "@vocab" && value.is_iri()) {
        add_value(out, name, json(compact_iri(*inner, value.value, true)), set);
      } else {
        add_value(out, name, json{{"@id", id_text(value)}}, set);
      }
      return;
    }
    // No term reproduces the value: a plain term whose coercion a value object
    // overrides, else the compact IRI as key.
    for (const std::string& name : candidates) {
      const TermDefinition& def = *ctx->find(name);
      if (only_set_container(def) && !def.context) {
        add_value(out, name, embeddable(value) ? compact_node(ctx, value, {}, false)
                                               : value_object(*ctx, value),
                  def.has_container("@set"));
        return;
      }
    }
    const std::string key = compact_iri(*ctx, predicate.value, false);
    add_value(out, key, embeddable(value) ? compact_node(ctx, value, {}, false)
                                          : value_object(*ctx, value),
              false);
  }

  json compact_node(const ContextPtr& ctx, const Term& subject, const Property& skip, bool top) {
    emitted_.insert(node_key(subject));
    json out = json::object();
    if (subject.is_iri()) {
      out[top ? alias(*ctx, "@id") : "@id"] = subject.value;
    } else if (references_[node_key(subject)] > 1) {
      out["@id"] = id_text(subject);
    }
    const auto& props = subjects_.at(node_key(subject));
    std::vector<std::string> types;
    bool aliased = false;
    const std::string type_alias = alias(*ctx, "@type");
    for (const auto& [p, o] : props) {
      if (p.value != kRdfType || !o.is_iri()) continue;
      std::string t = compact_iri(*ctx, o.value, true);
      if (!aliased && type_alias != "@type" && opts_.use_type_alias &&
          opts_.use_type_alias(o.value)) {
        out[type_alias] = t;
        aliased = true;
      } else {
        types.push_back(t);
      }
    }
    if (types.size() == 1) out["@type"] = types.front();
    if (types.size() > 1) out["@type"] = types;
    for (const auto& [p, o] : props) {
      if (p.value == kRdfType && o.is_iri()) continue;
      if (p == skip.first && o == skip.second) continue;
      add_property(out, ctx, p, o);
    }
    return out;
  }

  const CompactOptions& opts_;
  jsonld::Env env_;
  std::map<std::string, std::vector<Property>> subjects_;
  std::map<std::string, int> references_;
  std::set<std::string> emitted_;
  std::map<std::string, std::string> blank_labels_;
  std::map<std::pair<const ActiveContext*, std::string>, ContextPtr> scoped_;
  std::vector<ContextPtr> keep_alive_;
  size_t index_counter_ = 0;
};

}  // namespace

Result<json> jsonld_compact_node(const std::vector<Quad>& quads, const Term& root,
                                 const json& context, const CompactOptions& opts) {
  bool known = std::any_of(quads.begin(), quads.end(),
                           [&](const Quad& q) { return q.subject == root; });
  if (!known) return fail("no statements about {}", root.to_ntriples());
  try {
    return Compactor(quads, opts).compact(root, context);
  } catch (const jsonld::JsonLdError& e) {
    return fail("{}{}", e.code, e.detail.empty() ? "" : ": " + e.detail);
  }
}

}  // namespace tinykg::rdf
