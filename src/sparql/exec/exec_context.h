// Per-query execution state shared by all operators of one plan: the read
// snapshot, a cache of decoded terms (each id is decoded at most once per
// query, however many FILTERs and sort comparisons look at it) and compiled
// regular expressions.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>
#include <string>
#include <unordered_map>

#include "rdf/term.h"
#include "sparql/algebra/expression.h"
#include "sparql/exec/regex_pattern.h"
#include "sparql/exec/row.h"
#include "store/ids.h"
#include "store/store.h"

namespace tinykg::sparql::exec {

// Thrown by ExecContext::check_deadline() when the query ran past its time
// limit or was cancelled; the engine turns it into the query's failure.
struct QueryStopped {
  std::string message;
};

class ExecContext {
 public:
  // `txn` may be null for evaluating constant-only expressions (tests).
  explicit ExecContext(const store::ReadTxn* txn) : txn_(txn) {}

  const store::ReadTxn& txn() const { return *txn_; }

  // The decoded term of `id`; the reference stays valid for the whole query.
  const rdf::Term& term(store::Id id);

  // The id of a computed term (BIND, aggregates, VALUES): the store's id when
  // it holds the term, so joins and DISTINCT keep comparing ids; otherwise a
  // query-local id from a range the store never hands out (see kFirstLocalId).
  store::Id intern(const rdf::Term& term);

  // Compiled regex for (pattern, flags); null if the pattern or the flags
  // are invalid (SPARQL: an error, so the FILTER is false).
  const RegexPattern* regex(const std::string& pattern, const std::string& flags);

  uint64_t terms_decoded() const { return terms_.size(); }

  // The query's dataset as graph ids (SPARQL 1.1 section 13). `default_graphs`
  // empty means the store's default graph; `named_graphs` nullopt means every
  // graph of the store but the default one. A listed IRI the store does not
  // hold is dropped (it names an empty graph); `union_default` makes the
  // default graph the merge of all graphs (QueryOptions::union_default_graph).
  struct Dataset {
    std::vector<store::Id> default_graphs;
    bool default_is_empty = false;  // FROM given, but none of its graphs exist
    std::optional<std::vector<store::Id>> named_graphs;
    bool union_default = false;
  };
  Dataset dataset;
  std::string base_iri;  // the query's BASE, for IRI()/URI() of relative strings

  // Time limit and cancellation (QueryOptions). Operators call
  // check_deadline() in their loops; it reads the clock only every 1024
  // calls so the check stays off the profile.
  void set_deadline(uint64_t timeout_ms, const std::atomic<bool>* cancel);
  void check_deadline() {
    if ((++ticks_ & 1023) == 0 && (has_deadline_ || cancel_)) check_now();
  }

  // Memory bound (QueryOptions::max_rows_in_memory, 0: none). Operators call
  // hold_rows as they buffer rows; past the limit the query stops.
  void set_row_limit(uint64_t max_rows) { max_rows_ = max_rows; }
  void hold_rows(uint64_t n = 1) {
    held_rows_ += n;
    if (max_rows_ != 0 && held_rows_ > max_rows_) row_limit_exceeded();
  }

  // Evaluates EXISTS { pattern } for one row. Set by the engine, which owns
  // the planner: exec/ cannot plan a pattern itself without depending on the
  // stages above it. Unset (tests of bare operators), EXISTS is an error.
  std::function<bool(const Expression&, const Row&)> exists;

 private:
  void check_now();
  [[noreturn]] void row_limit_exceeded() const;
  const store::ReadTxn* txn_;
  uint64_t max_rows_ = 0;
  uint64_t held_rows_ = 0;
  uint64_t ticks_ = 0;
  bool has_deadline_ = false;
  uint64_t timeout_ms_ = 0;
  std::chrono::steady_clock::time_point deadline_;
  const std::atomic<bool>* cancel_ = nullptr;
  // Store ids are small sequential numbers (or tagged inline literals in the
  // top bit); local ids count up from just below that bit.
  static constexpr store::Id kFirstLocalId = 0x7f00'0000'0000'0000ULL;
  // Shared with the store's term cache: holding a term costs no copy.
  std::unordered_map<store::Id, std::shared_ptr<const rdf::Term>> terms_;
  std::unordered_map<std::string, store::Id> local_ids_;
  store::Id next_local_id_ = kFirstLocalId;
  std::unordered_map<std::string, std::unique_ptr<RegexPattern>> regexes_;
};

}  // namespace tinykg::sparql::exec
