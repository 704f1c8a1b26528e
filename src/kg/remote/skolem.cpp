#include "kg/remote/skolem.h"

#include <openssl/evp.h>

#include <cctype>

namespace tinykg::kg::remote {
namespace {

// Keeps the label readable and a valid IRI path segment and blank node
// label: letters and digits as they are, anything else as _XX.
std::string encode_label(std::string_view label) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : label) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else {
      out += '_';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

ScopeHasher::ScopeHasher() : ctx_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), EVP_sha256(), nullptr);
}

ScopeHasher::~ScopeHasher() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_)); }

void ScopeHasher::add(std::string_view bytes) {
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), bytes.data(), bytes.size());
}

std::string ScopeHasher::finish() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), digest, &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < 8 && i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

std::string skolem_scope(std::string_view document_bytes) {
  ScopeHasher hasher;
  hasher.add(document_bytes);
  return hasher.finish();
}

rdf::Term skolemize(const rdf::Term& term, std::string_view scope) {
  if (!term.is_blank()) return term;
  std::string iri(kGenidBase);
  if (!scope.empty()) iri.append(scope).append("-");
  return rdf::Term::iri(iri + encode_label(term.value));
}

rdf::Term deskolemize(rdf::Term term) {
  if (term.is_iri() && term.value.starts_with(kGenidBase)) {
    return rdf::Term::blank(term.value.substr(kGenidBase.size()));
  }
  return term;
}

}  // namespace tinykg::kg::remote
