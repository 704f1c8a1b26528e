// Operations on a whole store: dump -> load round trip, backup, format
// version, a full map, and readers during a writer.
#include <gtest/gtest.h>
#include <lmdb.h>

#include <atomic>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "store/bulk_loader.h"
#include "store/dump.h"
#include "store/store.h"
#include "raw_lmdb.h"
#include "store_fixture.h"
#include "test_support.h"

namespace tinykg::store {
namespace {

using rdf::Term;
using testing::TempDir;

void write_file(const std::string& path, std::string_view text) { std::ofstream(path) << text; }

void load(Store& store, const std::string& path) {
  WriteTxn txn = store.write();
  auto r = bulk_load(store, txn, {path});
  ASSERT_TRUE(r.ok()) << r.error();
  ASSERT_TRUE(txn.commit().ok());
}

using QuadText = std::tuple<std::string, std::string, std::string, std::string>;

std::set<QuadText> quads_of(Store& store) {
  std::set<QuadText> out;
  ReadTxn txn = store.read();
  ScanCursor cur = txn.scan({});
  IdQuad q;
  auto name = [&](Id id) { return id == kDefaultGraph ? std::string() : txn.term(id).to_ntriples(); };
  while (cur.next(q)) out.insert({name(q.s), name(q.p), name(q.o), name(q.g)});
  return out;
}

constexpr std::string_view kGraph = R"(
  @prefix ex: <http://ex/> .
  ex:a ex:p [ ex:q "one" ; ex:r [ ex:q 2 ] ] ; ex:name "A"@en, "tab\tquote\"" .
  _:shared ex:p ex:a . ex:a ex:p _:shared .
  ex:g { ex:a ex:in ex:g . _:shared ex:q "named" . }
)";

// Blank node labels change on a reload (a fresh per-file prefix; serd also
// renames labels that look like its own). Each blank node of kGraph has a
// distinct neighbourhood, so matching blank nodes by it yields the bijection;
// the graphs are isomorphic if relabeling one through it gives the other.
std::string neighbourhood(const std::set<QuadText>& quads, const std::string& blank) {
  auto plain = [](const std::string& t) { return t.rfind("_:", 0) == 0 ? std::string("_") : t; };
  std::multiset<std::string> edges;
  for (const auto& [s, p, o, g] : quads) {
    if (s == blank) edges.insert("out " + p + " " + plain(o) + " " + g);
    if (o == blank) edges.insert("in " + plain(s) + " " + p + " " + g);
  }
  std::string out;
  for (const auto& e : edges) out += e + "\n";
  return out;
}

std::set<QuadText> relabel_like(const std::set<QuadText>& copy, const std::set<QuadText>& original) {
  auto blanks = [](const std::set<QuadText>& quads) {
    std::set<std::string> out;
    for (const auto& [s, p, o, g] : quads) {
      for (const std::string* t : {&s, &o, &g}) {
        if (t->rfind("_:", 0) == 0) out.insert(*t);
      }
    }
    return out;
  };
  std::map<std::string, std::string> by_neighbourhood;
  for (const auto& b : blanks(original)) {
    EXPECT_TRUE(by_neighbourhood.emplace(neighbourhood(original, b), b).second);
  }
  std::map<std::string, std::string> mapping;
  for (const auto& b : blanks(copy)) mapping[b] = by_neighbourhood[neighbourhood(copy, b)];
  auto map = [&](const std::string& t) { return mapping.count(t) ? mapping[t] : t; };
  std::set<QuadText> out;
  for (const auto& [s, p, o, g] : copy) out.insert({map(s), p, map(o), map(g)});
  return out;
}

TEST(Operations, DumpThenLoadGivesAnIsomorphicGraphInBothSyntaxes) {
  for (rdf::Syntax syntax : {rdf::Syntax::NQuads, rdf::Syntax::TriG}) {
    TempDir dir;
    write_file(dir / "g.trig", kGraph);
    auto original = open_store(dir / "a");
    load(*original, dir / "g.trig");
    const std::string dump_path = dir / (syntax == rdf::Syntax::NQuads ? "d.nq" : "d.trig");
    {
      std::ofstream out(dump_path);
      auto n = dump_quads(original->read(), out, syntax);
      ASSERT_TRUE(n.ok()) << n.error();
      EXPECT_EQ(*n, original->read().size());
    }
    auto copy = open_store(dir / "b");
    load(*copy, dump_path);
    EXPECT_EQ(copy->read().size(), original->read().size());
    EXPECT_EQ(relabel_like(quads_of(*copy), quads_of(*original)), quads_of(*original));
  }
}

TEST(Operations, DumpRefusesSyntaxesWithoutGraphs) {
  TempDir dir;
  auto store = open_store(dir.str());
  std::ostringstream out;
  auto r = dump_quads(store->read(), out, rdf::Syntax::Turtle);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("N-Quads or TriG"), std::string::npos) << r.error();
}

TEST(Operations, BackupReopensWithTheSameQuadsAndRefusesAnOccupiedDirectory) {
  TempDir dir;
  write_file(dir / "g.trig", kGraph);
  auto store = open_store(dir / "db");
  load(*store, dir / "g.trig");
  ReadTxn reader = store->read();  // a backup must not wait for readers or writers
  ASSERT_TRUE(store->backup(dir / "copy").ok());
  auto copy = open_store(dir / "copy");
  EXPECT_EQ(quads_of(*copy), quads_of(*store));
  EXPECT_EQ(copy->read().term_count(), store->read().term_count());
  Status again = store->backup(dir / "copy");
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().find("already holds a database"), std::string::npos) << again.error();
}

TEST(Operations, ADatabaseOfAnotherFormatVersionIsRefusedWithBothVersions) {
  TempDir dir;
  open_store(dir.str()).reset();
  // Stamp a future version directly, as a newer tinykg would have.
  testing::edit_lmdb_table(dir.str(), "meta", [](MDB_txn* txn, MDB_dbi meta) {
    uint32_t version = 99;
    MDB_val k{14, const_cast<char*>("format_version")}, v{sizeof version, &version};
    ASSERT_EQ(mdb_put(txn, meta, &k, &v, 0), 0);
  });
  auto r = Store::open(dir.str());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("format version 99"), std::string::npos) << r.error();
  EXPECT_NE(r.error().find("reads version"), std::string::npos) << r.error();
}

TEST(Operations, ADamagedIndexBlockFailsVerifyAndScansWithAClearError) {
  TempDir dir;
  {
    auto store = open_store(dir.str());
    WriteTxn w = store->write();
    for (int i = 0; i < 5; ++i) {
      w.insert(rdf::Quad{Term::iri("http://ex/s"), Term::iri("http://ex/p"),
                         Term::iri("http://ex/o" + std::to_string(i)), Term{}});
    }
    ASSERT_TRUE(w.commit().ok());
  }
  // Overwrite the one block of the spog index with bytes that are no block.
  testing::edit_lmdb_table(dir.str(), "spog", [](MDB_txn* txn, MDB_dbi spog) {
    MDB_cursor* cur = nullptr;
    ASSERT_EQ(mdb_cursor_open(txn, spog, &cur), 0);
    MDB_val k, v;
    ASSERT_EQ(mdb_cursor_get(cur, &k, &v, MDB_FIRST), 0);
    std::string garbage(v.mv_size, '\xff');
    MDB_val nv{garbage.size(), garbage.data()};
    ASSERT_EQ(mdb_cursor_put(cur, &k, &nv, MDB_CURRENT), 0);
    mdb_cursor_close(cur);
  });
  auto store = open_store(dir.str());
  ReadTxn r = store->read();
  Status st = r.verify();
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().find("index spog"), std::string::npos) << st.error();
  EXPECT_NE(st.error().find("damaged index block"), std::string::npos) << st.error();
  IdPattern all;
  all.s = *r.find_id(Term::iri("http://ex/s"));
  EXPECT_THROW(r.count(all), Error);
}

TEST(Operations, AFullMapFailsClearlyAndKeepsTheCommittedData) {
  TempDir dir;
  write_file(dir / "small.nt", "<http://ex/a> <http://ex/p> <http://ex/b> .\n");
  std::string big;
  for (int i = 0; i < 20000; ++i) {
    big += fmt::format("<http://ex/s{}> <http://ex/p> \"a fairly long literal {}\" .\n", i, i);
  }
  write_file(dir / "big.nt", big);
  {
    auto store = open_store(dir / "db", {.map_size = size_t{1} << 20});  // 1 MiB
    load(*store, dir / "small.nt");
    WriteTxn txn = store->write();
    try {
      auto r = bulk_load(*store, txn, {dir / "big.nt"});
      FAIL() << "expected the map to fill up";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("storage full"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("keeps its previous contents"), std::string::npos);
    }
  }
  auto store = open_store(dir / "db");
  EXPECT_EQ(store->read().size(), 1u);
  EXPECT_TRUE(store->read().find_id(Term::iri("http://ex/b")).has_value());
}

TEST(Operations, ReadersSeeConsistentSnapshotsWhileAWriterCommits) {
  TempDir dir;
  auto store = open_store(dir.str());
  constexpr int kBatch = 50, kBatches = 60;
  std::atomic<bool> done{false};
  std::atomic<int> snapshots{0};
  std::atomic<int> failures{0};
  auto reader = [&] {
    while (!done) {
      ReadTxn txn = store->read();
      uint64_t n = txn.size();
      // Each commit adds one whole batch; a snapshot never sees part of one,
      // and the POSG index agrees with SPOG inside the snapshot.
      if (n % kBatch != 0) ++failures;
      auto p = txn.find_id(Term::iri("http://ex/p"));
      if (n > 0 && (!p || txn.count({kNoId, *p, kNoId, kNoId}) != n)) ++failures;
      if (txn.size() != n) ++failures;
      ++snapshots;
    }
  };
  std::thread r1(reader), r2(reader);
  for (int b = 0; b < kBatches; ++b) {
    WriteTxn txn = store->write();
    for (int i = 0; i < kBatch; ++i) {
      txn.insert(rdf::Quad{Term::iri(fmt::format("http://ex/s{}", b * kBatch + i)),
                           Term::iri("http://ex/p"), Term::integer(i), {}});
    }
    ASSERT_TRUE(txn.commit().ok());
  }
  done = true;
  r1.join();
  r2.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(snapshots.load(), 2);
  EXPECT_EQ(store->read().size(), uint64_t{kBatch} * kBatches);
}

}  // namespace
}  // namespace tinykg::store
