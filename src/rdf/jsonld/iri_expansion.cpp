// IRI Expansion algorithm (JSON-LD 1.1 API, section 5.2.2).
#include "rdf/jsonld/context.h"
#include "rdf/jsonld/iri.h"

namespace tinykg::rdf::jsonld {

std::optional<std::string> expand_iri(const ActiveContext& active, std::string_view value,
                                      bool document_relative, bool vocab, TermDefiner* definer) {
  if (is_keyword(value)) return std::string(value);
  // Reserved for future keywords: ignored.
  if (has_keyword_form(value)) return std::nullopt;

  auto define_if_local = [&](std::string_view term) {
    if (!definer || !definer->local_context.contains(term)) return;
    auto it = definer->defined.find(term);
    if (it == definer->defined.end() || !it->second) definer->define(std::string(term));
  };
  define_if_local(value);

  if (const TermDefinition* def = active.find(value)) {
    if (def->iri && is_keyword(*def->iri)) return def->iri;
    if (vocab) return def->iri;
  }

  // A colon after the first character: an IRI, a compact IRI or a blank node id.
  if (size_t colon = value.find(':', 1); colon != std::string_view::npos) {
    std::string_view prefix = value.substr(0, colon);
    std::string_view suffix = value.substr(colon + 1);
    if (prefix == "_" || suffix.starts_with("//")) return std::string(value);
    define_if_local(prefix);
    if (const TermDefinition* def = active.find(prefix); def && def->iri && def->prefix) {
      return *def->iri + std::string(suffix);
    }
    if (is_absolute_iri(value)) return std::string(value);
  }

  if (vocab && active.vocab) return *active.vocab + std::string(value);
  if (document_relative) {
    // With no base IRI a relative reference stays relative; toRdf drops it.
    if (active.base_iri) return resolve_iri(*active.base_iri, value);
  }
  return std::string(value);
}

}  // namespace tinykg::rdf::jsonld
