// TermCache and ReadTxn::shared_term: readers share decoded terms; an id that
// an aborted write handed out, and the next write hands out again, is never
// answered with the aborted term.
#include <gtest/gtest.h>

#include "store/store.h"
#include "store_fixture.h"
#include "test_support.h"

namespace tinykg::store {
namespace {

using rdf::Term;
using testing::TempDir;

Id commit_term(Store& store, const Term& term) {
  WriteTxn txn = store.write();
  const Id id = txn.intern(term);
  EXPECT_TRUE(txn.commit().ok());
  return id;
}

TEST(TermCache, ReadersShareOneDecodedTerm) {
  TempDir dir;
  auto store = open_store(dir.str());
  const Id id = commit_term(*store, Term::literal("a description long enough for the heap"));
  auto first = store->read().shared_term(id);
  auto second = store->read().shared_term(id);
  EXPECT_EQ(first, second);
  EXPECT_EQ(first->value, "a description long enough for the heap");
  EXPECT_EQ(store->read().term(id), *first);
}

TEST(TermCache, AnIdGivenBackByAnAbortedWriteIsNotAnsweredWithItsTerm) {
  TempDir dir;
  auto store = open_store(dir.str());
  commit_term(*store, Term::iri("http://e/committed"));
  Id aborted_id;
  {
    WriteTxn txn = store->write();
    aborted_id = txn.intern(Term::iri("http://e/aborted"));
    EXPECT_EQ(txn.shared_term(aborted_id)->value, "http://e/aborted");  // its own write
  }  // destroyed without commit
  const Id id = commit_term(*store, Term::iri("http://e/next"));
  ASSERT_EQ(id, aborted_id);  // the id is handed out again
  EXPECT_EQ(store->read().shared_term(id)->value, "http://e/next");
}

TEST(TermCache, AnUnknownIdIsAnErrorAndStaysOne) {
  TempDir dir;
  auto store = open_store(dir.str());
  const Id id = commit_term(*store, Term::iri("http://e/a"));
  for (int i = 0; i < 2; ++i) EXPECT_THROW(store->read().term(id + 1000), Error) << i;
}

TEST(TermCache, StartsOverPastItsBudget) {
  const auto big = std::make_shared<const Term>(Term::literal(std::string(300, 'x')));
  TermCache cache(1000);
  cache.insert(16, big);
  cache.insert(17, big);
  EXPECT_EQ(cache.find(16), big);
  cache.insert(18, big);  // would pass 1,000 bytes: the cache empties first
  EXPECT_EQ(cache.find(16), nullptr);
  EXPECT_EQ(cache.find(18), big);
  EXPECT_LE(cache.bytes(), 1000u);
  cache.insert(19, std::make_shared<const Term>(Term::literal(std::string(2000, 'y'))));
  EXPECT_EQ(cache.find(19), nullptr);  // larger than the whole budget
}

TEST(TermCache, ABudgetOfZeroTurnsItOff) {
  TempDir dir;
  OpenOptions opts;
  opts.term_cache_bytes = 0;
  auto store = open_store(dir.str(), opts);
  const Id id = commit_term(*store, Term::iri("http://e/a"));
  auto first = store->read().shared_term(id);
  EXPECT_NE(first, store->read().shared_term(id));
  EXPECT_EQ(*first, *store->read().shared_term(id));
}

}  // namespace
}  // namespace tinykg::store
