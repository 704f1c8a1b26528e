// Test fixture helper: a temporary store built from inline Turtle (or TriG),
// so each test reads like the situation it checks (the QLever habit).
//
//   TurtleStore kg(R"(ex:b1 ex:ram 172 .)");
//   EXPECT_EQ(kg.rows("SELECT ?r WHERE { ?b ex:ram ?r }"), (Rows{{"172"}}));
//
// Turtle gets the prefixes ex:, xsd:, rdf: for free; queries run through
// rows()/table() get the same PREFIX lines prepended (query_raw() does not,
// for tests that check line and column numbers).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "rdf/serd_io.h"
#include "sparql/engine.h"
#include "store/store.h"
#include "test_support.h"

namespace tinykg::sparql::testing {

using Rows = std::vector<std::vector<std::string>>;

inline constexpr const char* kTurtlePrefixes =
    "@prefix ex: <http://example.org/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n";
inline constexpr const char* kQueryPrefixes =
    "PREFIX ex: <http://example.org/> "
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n";

// Compact cell text: ex:name for example IRIs, bare numbers and booleans,
// N-Triples for everything else, "UNDEF" for unbound.
inline std::string cell(const std::optional<rdf::Term>& t) {
  if (!t) return "UNDEF";
  constexpr std::string_view kEx = "http://example.org/";
  if (t->is_iri() && t->value.rfind(kEx, 0) == 0) return "ex:" + t->value.substr(kEx.size());
  if (t->is_literal() && t->lang.empty() && !t->datatype.empty() &&
      t->datatype != rdf::xsd::kString &&
      t->datatype.rfind("http://www.w3.org/2001/XMLSchema#", 0) == 0) {
    return t->value;
  }
  return t->to_ntriples();
}

class TurtleStore {
 public:
  explicit TurtleStore(std::string_view text, rdf::Syntax syntax = rdf::Syntax::Turtle) {
    store_ = std::move(store::Store::open(dir_.str())).value_or_throw();
    auto txn = store_->write();
    std::string doc = std::string(kTurtlePrefixes) + std::string(text);
    Status st = rdf::read_rdf_string(doc, syntax, [&](const rdf::Quad& q) { txn.insert(q); });
    if (!st) throw Error("bad test data: " + st.error());
    Status committed = txn.commit();
    if (!committed) throw Error("commit failed: " + committed.error());
  }

  Result<ResultTable> query_raw(std::string_view q, const QueryOptions& options = {}) const {
    auto txn = store_->read();
    return run_select(txn, q, options);
  }

  Result<ResultTable> table(std::string_view q, const QueryOptions& options = {}) const {
    return query_raw(std::string(kQueryPrefixes) + std::string(q), options);
  }

  // Rows as compact strings; a failed query becomes a single "ERROR: ..." row
  // so that a mismatch shows the message.
  Rows rows(std::string_view q, const QueryOptions& options = {}) const {
    auto result = table(q, options);
    if (!result) return {{"ERROR: " + result.error()}};
    Rows out;
    for (const auto& row : result->rows) {
      auto& r = out.emplace_back();
      for (const auto& c : row) r.push_back(cell(c));
    }
    return out;
  }

  // The error message of a query expected to fail ("" if it succeeded).
  std::string error(std::string_view raw_query) const {
    auto result = query_raw(raw_query);
    return result ? std::string() : result.error();
  }

  // Any query form through run_query (prefixes prepended).
  Result<QueryResult> query(std::string_view q, const QueryOptions& options = {}) const {
    auto txn = store_->read();
    return run_query(txn, std::string(kQueryPrefixes) + std::string(q), options);
  }

  // Runs an update (prefixes prepended) and commits it only if it succeeded,
  // as a caller of run_update does.
  Status update(std::string_view u) const {
    auto txn = store_->write();
    Status st = run_update(txn, std::string(kQueryPrefixes) + std::string(u));
    if (!st) return st;  // the transaction is dropped: nothing changes
    return txn.commit();
  }

  std::string profile(std::string_view q, const QueryOptions& options = {}) const {
    auto txn = store_->read();
    auto p = explain_select(txn, std::string(kQueryPrefixes) + std::string(q), options);
    return p ? p->to_string() : "ERROR: " + p.error();
  }

  const store::Store& store() const { return *store_; }

 private:
  tinykg::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace tinykg::sparql::testing
