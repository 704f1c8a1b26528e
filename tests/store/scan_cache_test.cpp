// ScanCache and ReadTxn::sorted_scan: sorted as asked, shared by readers of
// one snapshot only, bounded by its byte budget.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <tuple>

#include "rdf/serd_io.h"
#include "store/store.h"
#include "store_fixture.h"
#include "test_support.h"

namespace tinykg::store {
namespace {

using testing::TempDir;

constexpr std::array<int8_t, 4> kByObject{2, -1, -1, -1};
constexpr std::array<int8_t, 4> kBySubject{0, -1, -1, -1};
constexpr std::array<int8_t, 4> kNoOrder{-1, -1, -1, -1};

Id id_of(const ReadTxn& txn, std::string_view iri) {
  auto id = txn.find_id(rdf::Term::iri(std::string(iri)));
  EXPECT_TRUE(id.has_value()) << iri;
  return id.value_or(kNoId);
}

// A table of `quads` quads for the pattern "? <n> ?".
SortedScanPtr scan_of(uint64_t n, size_t quads = 100) {
  auto scan = std::make_shared<SortedScan>();
  scan->pattern.p = 100 + n;
  scan->quads.resize(quads);
  return scan;
}

TEST(ScanCache, SortsByTheAskedPositionsThenByTheWholeQuad) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, R"(<http://e/b> <http://e/p> <http://e/z>, <http://e/y> .
                           <http://e/a> <http://e/p> <http://e/z> .
                           <http://e/c> <http://e/q> <http://e/a> .)");
  ReadTxn txn = store->read();
  IdPattern pattern;
  pattern.p = id_of(txn, "http://e/p");
  auto by_subject = txn.sorted_scan(pattern, kBySubject, [] {});
  auto by_object = txn.sorted_scan(pattern, kByObject, [] {});
  ASSERT_EQ(by_subject->quads.size(), 3u);
  ASSERT_EQ(by_object->quads.size(), 3u);
  for (size_t i = 1; i < 3; ++i) {
    const IdQuad &x = by_subject->quads[i - 1], &w = by_subject->quads[i];
    EXPECT_LT(std::tie(x.s, x.o), std::tie(w.s, w.o)) << i;
    const IdQuad &u = by_object->quads[i - 1], &v = by_object->quads[i];
    EXPECT_LT(std::tie(u.o, u.s), std::tie(v.o, v.s)) << i;  // ties ordered by subject
  }
}

TEST(ScanCache, ReadersOfOneSnapshotShareATableAndACommitEndsIt) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, "<http://e/a> <http://e/p> <http://e/x> .");
  IdPattern pattern;
  SortedScanPtr first;
  {
    ReadTxn txn = store->read();
    pattern.p = id_of(txn, "http://e/p");
    EXPECT_EQ(txn.cached_sorted_scan(pattern, kBySubject), nullptr);
    first = txn.sorted_scan(pattern, kBySubject, [] {});
  }
  {
    ReadTxn txn = store->read();
    EXPECT_EQ(txn.cached_sorted_scan(pattern, kBySubject), first);
    EXPECT_EQ(txn.cached_sorted_scan(pattern, kByObject), nullptr);  // another order
  }
  insert_trig(*store, "<http://e/b> <http://e/p> <http://e/x> .");
  ReadTxn after = store->read();
  EXPECT_EQ(after.cached_sorted_scan(pattern, kBySubject), nullptr);
  EXPECT_EQ(after.sorted_scan(pattern, kBySubject, [] {})->quads.size(), 2u);
  EXPECT_EQ(first->quads.size(), 1u);  // a holder keeps its snapshot's table
}

TEST(ScanCache, AWriteTransactionNeitherReadsNorFillsTheCache) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, "<http://e/a> <http://e/p> <http://e/x> .");
  IdPattern pattern;
  {
    ReadTxn txn = store->read();
    pattern.p = id_of(txn, "http://e/p");
    txn.sorted_scan(pattern, kBySubject, [] {});
  }
  WriteTxn txn = store->write();
  EXPECT_EQ(txn.cached_sorted_scan(pattern, kBySubject), nullptr);
  txn.insert(IdQuad{txn.intern(rdf::Term::iri("http://e/b")), pattern.p,
                    txn.intern(rdf::Term::iri("http://e/x"))});
  EXPECT_EQ(txn.sorted_scan(pattern, kBySubject, [] {})->quads.size(), 2u);
}

TEST(ScanCache, TicksOncePerScannedQuad) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, "<http://e/a> <http://e/p> <http://e/x>, <http://e/y>, <http://e/z> .");
  ReadTxn txn = store->read();
  IdPattern pattern;
  pattern.p = id_of(txn, "http://e/p");
  int ticks = 0;
  txn.sorted_scan(pattern, kByObject, [&] { ++ticks; });
  EXPECT_EQ(ticks, 3);
}

// Readers on several threads while a writer commits: each reader's table
// holds exactly its snapshot's quads, whoever built it.
TEST(ScanCache, ConcurrentReadersEachSeeTheirSnapshot) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, "<http://e/s0> <http://e/p> <http://e/x> .");
  IdPattern pattern;
  pattern.p = id_of(store->read(), "http://e/p");
  std::atomic<bool> stop{false};
  std::atomic<int> wrong{0}, reads{0};
  auto reader = [&] {
    while (!stop) {
      ReadTxn txn = store->read();
      const uint64_t expected = txn.count(pattern);
      if (txn.sorted_scan(pattern, kBySubject, [] {})->quads.size() != expected) ++wrong;
      ++reads;
    }
  };
  std::thread a(reader), b(reader);
  for (int i = 1; i <= 50; ++i) {
    WriteTxn txn = store->write();
    txn.insert(IdQuad{txn.intern(rdf::Term::iri("http://e/s" + std::to_string(i))), pattern.p,
                      txn.intern(rdf::Term::iri("http://e/x"))});
    EXPECT_TRUE(txn.commit().ok());  // not ASSERT: the readers must be joined
  }
  while (reads < 100) std::this_thread::yield();
  stop = true;
  a.join();
  b.join();
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(store->read().sorted_scan(pattern, kBySubject, [] {})->quads.size(), 51u);
}

TEST(ScanCache, EvictsTheLeastRecentlyUsedPastItsBudget) {
  const size_t one = ScanCache::bytes_of(*scan_of(0));
  const size_t budget = 8 * one + one / 2;  // eight tables fit, each under an eighth
  ScanCache cache(budget);
  for (uint64_t n = 0; n < 8; ++n) cache.insert(7, scan_of(n));
  ASSERT_NE(cache.find(7, scan_of(0)->pattern, kNoOrder), nullptr);  // 0 is now the newest
  cache.insert(7, scan_of(8));  // over budget: 1, the least recently used, goes
  EXPECT_EQ(cache.find(7, scan_of(1)->pattern, kNoOrder), nullptr);
  EXPECT_NE(cache.find(7, scan_of(0)->pattern, kNoOrder), nullptr);
  EXPECT_NE(cache.find(7, scan_of(2)->pattern, kNoOrder), nullptr);
  EXPECT_NE(cache.find(7, scan_of(8)->pattern, kNoOrder), nullptr);
  EXPECT_LE(cache.bytes(), budget);
}

TEST(ScanCache, KeepsNoTableLargerThanAnEighthOfItsBudget) {
  ScanCache cache(ScanCache::bytes_of(*scan_of(0, 1000)) * 7);
  EXPECT_FALSE(cache.would_keep(1000));
  EXPECT_TRUE(cache.would_keep(800));
  cache.insert(7, scan_of(0, 1000));
  EXPECT_EQ(cache.find(7, scan_of(0)->pattern, kNoOrder), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(ScanCache, ANewerVersionDropsTheOlderOnesAndAnOlderOneIsNotKept) {
  ScanCache cache(size_t{1} << 20);
  cache.insert(7, scan_of(1));
  cache.insert(8, scan_of(2));
  EXPECT_EQ(cache.find(7, scan_of(1)->pattern, kNoOrder), nullptr);
  EXPECT_NE(cache.find(8, scan_of(2)->pattern, kNoOrder), nullptr);
  cache.insert(7, scan_of(3));
  EXPECT_EQ(cache.find(7, scan_of(3)->pattern, kNoOrder), nullptr);
}

TEST(ScanCache, ABudgetOfZeroTurnsItOff) {
  TempDir dir;
  OpenOptions opts;
  opts.scan_cache_bytes = 0;
  auto store = open_store(dir.str(), opts);
  insert_trig(*store, "<http://e/a> <http://e/p> <http://e/x> .");
  ReadTxn txn = store->read();
  IdPattern pattern;
  pattern.p = id_of(txn, "http://e/p");
  EXPECT_EQ(txn.sorted_scan(pattern, kBySubject, [] {})->quads.size(), 1u);
  EXPECT_EQ(txn.cached_sorted_scan(pattern, kBySubject), nullptr);
}

}  // namespace
}  // namespace tinykg::store
