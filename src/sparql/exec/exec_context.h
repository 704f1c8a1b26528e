// Per-query execution state shared by all operators of one plan: the read
// snapshot, a cache of decoded terms (each id is decoded at most once per
// query, however many FILTERs and sort comparisons look at it) and compiled
// regular expressions.
#pragma once

#include <memory>
#include <regex>
#include <string>
#include <unordered_map>

#include "rdf/term.h"
#include "store/ids.h"
#include "store/store.h"

namespace tinykg::sparql::exec {

class ExecContext {
 public:
  // `txn` may be null for evaluating constant-only expressions (tests).
  explicit ExecContext(const store::ReadTxn* txn) : txn_(txn) {}

  const store::ReadTxn& txn() const { return *txn_; }

  // The decoded term of `id`; the reference stays valid for the whole query.
  const rdf::Term& term(store::Id id);

  // Compiled regex for (pattern, flags); null if the pattern or the flags
  // are invalid (SPARQL: an error, so the FILTER is false).
  const std::regex* regex(const std::string& pattern, const std::string& flags);

  uint64_t terms_decoded() const { return terms_.size(); }

 private:
  const store::ReadTxn* txn_;
  std::unordered_map<store::Id, rdf::Term> terms_;
  std::unordered_map<std::string, std::unique_ptr<std::regex>> regexes_;
};

}  // namespace tinykg::sparql::exec
