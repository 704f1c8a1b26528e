#include "sparql/optimizer/cardinality.h"

#include <algorithm>
#include <cmath>

namespace tinykg::sparql {
namespace {

// Assumed matches per binding when the predicate is a variable too: entities
// have a handful of properties; objects are shared more (classes, units).
constexpr double kSubjectFanoutAllPredicates = 10;
constexpr double kMinObjectFanin = 5;
// ReadTxn::estimate stops counting here; see constant_estimate().
constexpr uint64_t kStoreEstimateCap = 10000;
constexpr uint64_t kCountCap = static_cast<uint64_t>(CardinalityEstimator::kExactUpTo);

}  // namespace

std::optional<store::Id> CardinalityEstimator::id_of(const rdf::Term& term) {
  std::string key = term.encode();
  auto it = ids_.find(key);
  if (it != ids_.end()) return it->second;
  auto id = txn_.find_id(term);
  ids_.emplace(std::move(key), id);
  return id;
}

double CardinalityEstimator::constant_estimate(const store::IdPattern& ids) {
  auto key = std::make_tuple(ids.s, ids.p, ids.o);
  auto it = estimates_.find(key);
  if (it != estimates_.end()) return it->second;
  if (auto exact = txn_.statistics_count(ids)) {
    return estimates_[key] = static_cast<double>(*exact);
  }
  uint64_t n = txn_.estimate(ids);
  if (n >= kStoreEstimateCap) {
    // Count further, but not without bound: beyond kCountCap a pattern is
    // never the right place to start, and counting costs ~40 ns a row.
    store::ScanCursor cursor = txn_.scan(ids);
    store::IdQuad q;
    n = 0;
    while (n < kCountCap && cursor.next(q)) ++n;
    if (n == kCountCap) capped_.insert(key);
  }
  return estimates_[key] = static_cast<double>(n);
}

std::optional<store::IdPattern> CardinalityEstimator::constant_ids(const TriplePattern& pattern) {
  store::IdPattern ids;  // g stays kNoId: estimates count over all graphs
  for (auto [term, id] : {std::pair{&pattern.subject, &ids.s}, std::pair{&pattern.predicate, &ids.p},
                          std::pair{&pattern.object, &ids.o}}) {
    if (term->is_variable) continue;
    auto found = id_of(term->term);
    if (!found) return std::nullopt;
    *id = *found;
  }
  return ids;
}

std::optional<uint64_t> CardinalityEstimator::exact_count(const TriplePattern& pattern) {
  const auto ids = constant_ids(pattern);
  if (!ids) return 0;  // a constant the store does not know
  const double n = constant_estimate(*ids);
  if (capped_.count(std::make_tuple(ids->s, ids->p, ids->o)) != 0) return std::nullopt;
  return static_cast<uint64_t>(n);
}

double CardinalityEstimator::sampled_degree(store::Id predicate, bool per_subject) {
  auto key = std::make_pair(predicate, per_subject);
  auto it = degrees_.find(key);
  if (it != degrees_.end()) return it->second;
  store::IdPattern all;
  all.p = predicate;
  store::IdQuad first;
  double degree = 1;
  if (txn_.scan(all).next(first)) {
    store::IdPattern sample;
    sample.p = predicate;
    (per_subject ? sample.s : sample.o) = per_subject ? first.s : first.o;
    degree = std::max(1.0, static_cast<double>(txn_.estimate(sample)));
  }
  return degrees_[key] = degree;
}

double CardinalityEstimator::estimate(const TriplePattern& pattern,
                                      const std::set<std::string>& bound) {
  const auto constants = constant_ids(pattern);
  if (!constants) return 0;  // a constant the store does not know
  const store::IdPattern& ids = *constants;
  // A constant is bound; a variable when an earlier join binds it.
  auto is_bound = [&](const PatternTerm& t) { return !t.is_variable || bound.count(t.variable) > 0; };
  const bool s_bound = is_bound(pattern.subject), p_bound = is_bound(pattern.predicate),
             o_bound = is_bound(pattern.object);
  const double base = constant_estimate(ids);
  // Which positions are bound by earlier joins (not by constants)?
  const bool s_var = pattern.subject.is_variable && s_bound;
  const bool p_var = pattern.predicate.is_variable && p_bound;
  const bool o_var = pattern.object.is_variable && o_bound;
  if (!s_var && !p_var && !o_var) return base;
  const bool p_constant = !pattern.predicate.is_variable;
  if (s_var && !o_var && o_bound && p_constant) {
    // A membership check such as "?acc a sox:Accelerometer" for a bound ?acc:
    // the chance that a subject of the predicate has this object.
    store::IdPattern any_object;
    any_object.p = ids.p;
    return std::min(
        1.0, base / std::max(1.0, constant_estimate(any_object)) * sampled_degree(ids.p, true));
  }
  if (s_bound && o_bound) return std::min(base, 1.0);  // an existence check
  if (s_var) {
    return std::min(base, p_constant ? sampled_degree(ids.p, true) : kSubjectFanoutAllPredicates);
  }
  if (o_var) {
    return std::min(base, p_constant ? sampled_degree(ids.p, false)
                                     : std::max(kMinObjectFanin, std::sqrt(base)));
  }
  return std::max(1.0, base / 10);  // only the predicate variable is bound
}

}  // namespace tinykg::sparql
