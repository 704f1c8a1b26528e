#include "sparql/exec/exec_context.h"

#include "common/error.h"

namespace tinykg::sparql::exec {

const rdf::Term& ExecContext::term(store::Id id) {
  auto it = terms_.find(id);
  if (it != terms_.end()) return *it->second;
  TINYKG_ASSERT(txn_ != nullptr, "decoding a term needs a transaction");
  return *terms_.emplace(id, txn_->shared_term(id)).first->second;
}

void ExecContext::set_deadline(uint64_t timeout_ms, const std::atomic<bool>* cancel) {
  cancel_ = cancel;
  has_deadline_ = timeout_ms > 0;
  timeout_ms_ = timeout_ms;
  deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
}

void ExecContext::check_now() {
  if (cancel_ && cancel_->load(std::memory_order_relaxed)) throw QueryStopped{"query cancelled"};
  if (has_deadline_ && std::chrono::steady_clock::now() >= deadline_) {
    throw QueryStopped{"query timed out after " + std::to_string(timeout_ms_) + " ms"};
  }
}

void ExecContext::row_limit_exceeded() const {
  throw QueryStopped{"query needs more than " + std::to_string(max_rows_) +
                     " rows in memory (sorting, grouping, DISTINCT, joins and the result "
                     "together); add LIMIT or narrow the patterns"};
}

store::Id ExecContext::intern(const rdf::Term& term) {
  std::string key = term.encode();
  auto it = local_ids_.find(key);
  if (it != local_ids_.end()) return it->second;
  store::Id id = store::kNoId;
  if (txn_) {
    if (auto found = txn_->find_id(term)) id = *found;
  }
  if (id == store::kNoId) id = next_local_id_++;
  terms_.emplace(id, std::make_shared<const rdf::Term>(term));
  local_ids_.emplace(std::move(key), id);
  return id;
}

const RegexPattern* ExecContext::regex(const std::string& pattern, const std::string& flags) {
  std::string key = flags + '\0' + pattern;
  auto it = regexes_.find(key);
  if (it != regexes_.end()) return it->second.get();
  return regexes_.emplace(std::move(key), RegexPattern::compile(pattern, flags)).first->second.get();
}

}  // namespace tinykg::sparql::exec
