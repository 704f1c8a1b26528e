#include "store/store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "rdf/serd_io.h"
#include "store/key_codec.h"
#include "store_fixture.h"
#include "test_support.h"

namespace tinykg::store {
namespace {

using rdf::Term;
using testing::TempDir;

Id id_of(const ReadTxn& txn, const std::string& iri) {
  auto id = txn.find_id(Term::iri(iri));
  EXPECT_TRUE(id.has_value()) << iri;
  return id.value_or(kNoId);
}

std::set<std::tuple<Id, Id, Id, Id>> scan_all(const ReadTxn& txn, IdPattern p) {
  std::set<std::tuple<Id, Id, Id, Id>> out;
  ScanCursor cur = txn.scan(p);
  IdQuad q;
  while (cur.next(q)) out.insert({q.s, q.p, q.o, q.g});
  return out;
}

constexpr std::string_view kSample = R"(
  @prefix ex: <http://ex/> .
  ex:a ex:p ex:b , ex:c ; ex:q 1 .
  ex:b ex:p ex:c .
  ex:g1 { ex:a ex:p ex:b . ex:z ex:q "x" . }
)";

TEST(Store, EveryBoundCombinationScansTheSameAnswerAsAFilteredFullScan) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, kSample);
  ReadTxn txn = store->read();
  auto all = scan_all(txn, {});
  ASSERT_EQ(all.size(), 6u);
  // Try every subset of bound positions taken from every stored quad.
  for (const auto& [s, p, o, g] : all) {
    for (int mask = 0; mask < 16; ++mask) {
      IdPattern pat{mask & 1 ? s : kNoId, mask & 2 ? p : kNoId, mask & 4 ? o : kNoId,
                    mask & 8 ? g : kNoId};
      std::set<std::tuple<Id, Id, Id, Id>> expected;
      for (const auto& t : all) {
        auto [ts, tp, to, tg] = t;
        if ((!pat.s || pat.s == ts) && (!pat.p || pat.p == tp) && (!pat.o || pat.o == to) &&
            (!pat.g || pat.g == tg)) {
          expected.insert(t);
        }
      }
      EXPECT_EQ(scan_all(txn, pat), expected) << "mask " << mask;
      EXPECT_EQ(txn.count(pat), expected.size());
    }
  }
}

TEST(Store, DefaultAndNamedGraphsAreSeparate) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, kSample);
  ReadTxn txn = store->read();
  EXPECT_EQ(txn.count({kNoId, kNoId, kNoId, kDefaultGraph}), 4u);
  EXPECT_EQ(txn.count({kNoId, kNoId, kNoId, id_of(txn, "http://ex/g1")}), 2u);
}

TEST(Store, DuplicateInsertIsIgnoredAndEraseRemovesFromAllIndexes) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, kSample);
  insert_trig(*store, kSample);  // same quads again (no blank nodes, so no new terms)
  {
    ReadTxn txn = store->read();
    EXPECT_EQ(txn.size(), 6u);
    EXPECT_EQ(txn.estimate({kNoId, id_of(txn, "http://ex/p"), kNoId, kNoId}), 4u);
  }
  WriteTxn w = store->write();
  IdQuad q{id_of(w, "http://ex/a"), id_of(w, "http://ex/p"), id_of(w, "http://ex/b"),
           kDefaultGraph};
  EXPECT_TRUE(w.erase(q));
  EXPECT_FALSE(w.erase(q));
  ASSERT_TRUE(w.commit().ok());
  ReadTxn txn = store->read();
  EXPECT_EQ(txn.size(), 5u);
  EXPECT_EQ(txn.count({kNoId, kNoId, q.o, kDefaultGraph}), 0u);  // OSPG index
  EXPECT_EQ(txn.count({kNoId, q.p, q.o, kNoId}), 1u);            // POSG: only g1's copy
  EXPECT_EQ(txn.estimate({kNoId, q.p, kNoId, kNoId}), 3u);
}

TEST(Store, ReopenKeepsTermsQuadsAndIdAllocation) {
  TempDir dir;
  Id first_b;
  {
    auto store = open_store(dir.str());
    insert_trig(*store, kSample);
    first_b = id_of(store->read(), "http://ex/b");
  }
  auto store = open_store(dir.str());
  {
    ReadTxn txn = store->read();
    EXPECT_EQ(txn.size(), 6u);
    EXPECT_EQ(id_of(txn, "http://ex/b"), first_b);
    EXPECT_EQ(txn.term(first_b), Term::iri("http://ex/b"));
    EXPECT_EQ(txn.find_id(Term::literal("1", std::string(rdf::xsd::kInteger))).has_value(),
              true);
  }
  insert_trig(*store, "<http://ex/new> <http://ex/p> \"fresh after reopen\" .");
  ReadTxn txn = store->read();
  Id fresh = txn.find_id(Term::literal("fresh after reopen")).value();
  EXPECT_GT(fresh, first_b);  // ids are never reused after re-open
}

TEST(Store, AbortedTransactionLeavesNoTrace) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, kSample);
  {
    WriteTxn w = store->write();
    w.insert(rdf::Quad{Term::iri("http://ex/x"), Term::iri("http://ex/p"), Term::literal("y"),
                       {}});
    // destroyed without commit
  }
  ReadTxn txn = store->read();
  EXPECT_EQ(txn.size(), 6u);
  EXPECT_FALSE(txn.find_id(Term::iri("http://ex/x")).has_value());
}

TEST(Store, ReaderSnapshotIsIsolatedFromALaterCommit) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, kSample);
  ReadTxn before = store->read();
  insert_trig(*store, "<http://ex/n> <http://ex/p> <http://ex/m> .");
  EXPECT_EQ(before.size(), 6u);
  EXPECT_EQ(store->read().size(), 7u);
}

TEST(Store, LongLiteralsAndHashCollisionsResolveByValue) {
  TempDir dir;
  auto store = open_store(dir.str());
  std::string long_text(5000, 'x');
  WriteTxn w = store->write();
  Id a = w.intern(Term::literal(long_text));
  Id b = w.intern(Term::literal(long_text + "y"));
  EXPECT_NE(a, b);
  EXPECT_EQ(w.intern(Term::literal(long_text)), a);
  ASSERT_TRUE(w.commit().ok());
  ReadTxn r = store->read();
  EXPECT_EQ(r.find_id(Term::literal(long_text)), a);
  EXPECT_EQ(r.term(b).value.size(), 5001u);
}

TEST(Store, OpeningANonDatabaseOrAFileFailsClearly) {
  TempDir dir;
  std::string file = dir / "plain.txt";
  std::ofstream(file) << "hello";
  auto r = Store::open(file);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("is not a directory"), std::string::npos) << r.error();
  auto missing = Store::open(dir / "nope", {.read_only = true, .create = false});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().find("does not exist"), std::string::npos) << missing.error();
}

TEST(Store, DefaultGraphVersionMovesOnlyWithTheDefaultGraph) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, "<http://e/a> <http://e/p> 1 .");
  const uint64_t first = store->read().default_graph_version();
  EXPECT_EQ(first, store->read().version());

  // Named graphs only: the store's version moves, the default graph's does not.
  insert_trig(*store, "<http://e/g> { <http://e/a> <http://e/p> 2 . }");
  EXPECT_GT(store->read().version(), first);
  EXPECT_EQ(store->read().default_graph_version(), first);
  {
    WriteTxn txn = store->write();  // a transaction that changes nothing
    ASSERT_TRUE(txn.commit().ok());
  }
  EXPECT_EQ(store->read().default_graph_version(), first);

  // An erase from the default graph moves it; reopening keeps it.
  {
    WriteTxn txn = store->write();
    IdQuad q{id_of(txn, "http://e/a"), id_of(txn, "http://e/p"),
             *txn.find_id(Term::literal("1", std::string(rdf::xsd::kInteger))), kDefaultGraph};
    ASSERT_TRUE(txn.erase(q));
    ASSERT_TRUE(txn.commit().ok());
  }
  const uint64_t erased = store->read().default_graph_version();
  EXPECT_GT(erased, first);
  EXPECT_EQ(erased, store->read().version());
  store.reset();
  store = open_store(dir.str());
  EXPECT_EQ(store->read().default_graph_version(), erased);
}

TEST(KeyCodec, PermutationChoiceUsesTheLongestBoundPrefix) {
  int len = 0;
  EXPECT_EQ(detail::choose_permutation({0, 5, 7, 0}, &len), detail::kPOSG);
  EXPECT_EQ(len, 2);
  EXPECT_EQ(detail::choose_permutation({3, 0, 7, 0}, &len), detail::kOSPG);
  EXPECT_EQ(len, 2);
  EXPECT_EQ(detail::choose_permutation({0, 0, 0, 9}, &len), detail::kGSPO);
  EXPECT_EQ(len, 1);
  EXPECT_EQ(detail::choose_permutation({1, 2, 3, 4}, &len), detail::kSPOG);
  EXPECT_EQ(len, 4);
}

}  // namespace
}  // namespace tinykg::store
