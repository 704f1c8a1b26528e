// Blank nodes across requests. A blank node label means nothing outside the
// request that carries it, and Virtuoso refuses blank nodes in INSERT DATA
// altogether, so tinykg writes every blank node as a skolem IRI (RDF 1.1
// section 3.5): https://tinykg.dev/.well-known/genid/<scope>-<label>, where
// the scope is derived from the document's bytes. Loading the same document
// again therefore writes the same IRIs (a re-run adds nothing), while two
// documents that both say _:b0 stay apart. Reads turn these IRIs back into
// blank nodes, so callers see what the embedded store would show.
#pragma once

#include <string>
#include <string_view>

#include "rdf/term.h"

namespace tinykg::kg::remote {

inline constexpr std::string_view kGenidBase = "https://tinykg.dev/.well-known/genid/";

// A scope for the blank nodes of one document: 16 hex digits of its SHA-256.
std::string skolem_scope(std::string_view document_bytes);

// The skolem IRI of a blank node (other terms are returned unchanged). An
// empty scope: the label already carries one (rdf::ReadOptions::blank_prefix).
rdf::Term skolemize(const rdf::Term& term, std::string_view scope);
// The blank node of a skolem IRI written by skolemize (other terms unchanged).
rdf::Term deskolemize(rdf::Term term);

// Incremental skolem_scope for documents read in pieces (large files).
class ScopeHasher {
 public:
  ScopeHasher();
  ~ScopeHasher();
  ScopeHasher(const ScopeHasher&) = delete;
  ScopeHasher& operator=(const ScopeHasher&) = delete;
  void add(std::string_view bytes);
  std::string finish();

 private:
  void* ctx_;
};

}  // namespace tinykg::kg::remote
