#include "sparql/exec/exec_context.h"

#include "common/error.h"

namespace tinykg::sparql::exec {

const rdf::Term& ExecContext::term(store::Id id) {
  auto it = terms_.find(id);
  if (it != terms_.end()) return it->second;
  TINYKG_ASSERT(txn_ != nullptr, "decoding a term needs a transaction");
  return terms_.emplace(id, txn_->term(id)).first->second;
}

const std::regex* ExecContext::regex(const std::string& pattern, const std::string& flags) {
  std::string key = flags + '\0' + pattern;
  auto it = regexes_.find(key);
  if (it != regexes_.end()) return it->second.get();
  auto options = std::regex::ECMAScript;
  bool valid = true;
  for (char f : flags) {
    switch (f) {
      case 'i':
        options |= std::regex::icase;
        break;
      case 'm':
        options |= std::regex::multiline;
        break;
      case 's':
      case 'x':
      case 'q':
        break;  // accepted, not yet honoured (see README)
      default:
        valid = false;
    }
  }
  std::unique_ptr<std::regex> compiled;
  if (valid) {
    try {
      compiled = std::make_unique<std::regex>(pattern, options);
    } catch (const std::regex_error&) {
      compiled = nullptr;
    }
  }
  return regexes_.emplace(std::move(key), std::move(compiled)).first->second.get();
}

}  // namespace tinykg::sparql::exec
