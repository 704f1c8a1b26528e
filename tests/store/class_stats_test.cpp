// Per-class statistics (`cstats`: rdf:type object -> member count): exact
// after inserts, deletes, bulk loads and re-opens, and built for a database
// written before the table existed.
#include <gtest/gtest.h>
#include <lmdb.h>

#include <fstream>
#include <map>

#include "rdf/serd_io.h"
#include "store/bulk_loader.h"
#include "store/store.h"
#include "raw_lmdb.h"
#include "store_fixture.h"
#include "test_support.h"

namespace tinykg::store {
namespace {

using rdf::Term;
using testing::TempDir;

constexpr std::string_view kTypeIri = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

void bulk_load_file(Store& store, const std::string& path, std::string_view text) {
  std::ofstream(path) << text;
  WriteTxn txn = store.write();
  auto r = bulk_load(store, txn, {path});
  ASSERT_TRUE(r.ok()) << r.error();
  ASSERT_TRUE(txn.commit().ok());
}

// Class IRI -> count, as the statistics table holds them.
std::map<std::string, uint64_t> class_counts(const Store& store) {
  ReadTxn txn = store.read();
  std::map<std::string, uint64_t> out;
  for (const auto& [c, n] : txn.class_counts()) out[txn.term(c).value] = n;
  return out;
}

// The same, counted in the index, and checked against statistics_count().
std::map<std::string, uint64_t> counted_members(const Store& store) {
  ReadTxn txn = store.read();
  std::map<std::string, uint64_t> out;
  auto type = txn.find_id(Term::iri(std::string(kTypeIri)));
  if (!type) return out;
  ScanCursor cur = txn.scan({kNoId, *type, kNoId, kNoId});
  IdQuad q;
  while (cur.next(q)) ++out[txn.term(q.o).value];
  for (const auto& [iri, n] : out) {
    IdPattern members{kNoId, *type, *txn.find_id(Term::iri(iri)), kNoId};
    EXPECT_EQ(txn.statistics_count(members), std::optional<uint64_t>(n)) << iri;
    EXPECT_EQ(txn.estimate(members), n) << iri;
  }
  return out;
}

void expect_exact(const Store& store) {
  EXPECT_EQ(class_counts(store), counted_members(store));
  Status st = store.read().verify();
  EXPECT_TRUE(st.ok()) << st.error();
}

TEST(ClassStats, InsertsAndDeletesKeepCountsExactAcrossGraphsAndReopen) {
  TempDir dir;
  {
    auto store = open_store(dir.str());
    // rdf:type is interned by the same transaction that counts its triples.
    insert_trig(*store, R"(
      @prefix ex: <http://ex/> .
      ex:a a ex:Board . ex:b a ex:Board . ex:c a ex:Camera , ex:Sensor .
      ex:g { ex:a a ex:Board . ex:d a ex:Sensor . }
    )");
    EXPECT_EQ(class_counts(*store),
              (std::map<std::string, uint64_t>{
                  {"http://ex/Board", 3}, {"http://ex/Camera", 1}, {"http://ex/Sensor", 2}}));
    expect_exact(*store);

    WriteTxn txn = store->write();
    IdQuad b_board{*txn.find_id(Term::iri("http://ex/b")),
                   *txn.find_id(Term::iri(std::string(kTypeIri))),
                   *txn.find_id(Term::iri("http://ex/Board")), kDefaultGraph};
    EXPECT_TRUE(txn.erase(b_board));
    EXPECT_FALSE(txn.erase(b_board));   // absent: no count change
    EXPECT_TRUE(txn.insert(b_board));
    EXPECT_FALSE(txn.insert(b_board));  // duplicate: no count change
    EXPECT_TRUE(txn.erase(b_board));
    IdQuad c_camera = b_board;
    c_camera.s = *txn.find_id(Term::iri("http://ex/c"));
    c_camera.o = *txn.find_id(Term::iri("http://ex/Camera"));
    EXPECT_TRUE(txn.erase(c_camera));
    ASSERT_TRUE(txn.commit().ok());
  }
  auto store = open_store(dir.str());
  EXPECT_EQ(class_counts(*store),
            (std::map<std::string, uint64_t>{{"http://ex/Board", 2}, {"http://ex/Sensor", 2}}));
  expect_exact(*store);
}

TEST(ClassStats, AbortedTransactionChangesNoCount) {
  TempDir dir;
  auto store = open_store(dir.str());
  insert_trig(*store, "<http://ex/a> a <http://ex/Board> .");
  {
    WriteTxn txn = store->write();
    txn.insert(rdf::Quad{Term::iri("http://ex/b"), Term::iri(std::string(kTypeIri)),
                         Term::iri("http://ex/Board"), Term::iri("")});
  }  // dropped without commit
  EXPECT_EQ(class_counts(*store), (std::map<std::string, uint64_t>{{"http://ex/Board", 1}}));
}

TEST(ClassStats, BulkLoadCountsFreshAndIntoAStoreThatHasOrLacksRdfType) {
  TempDir dir;
  auto store = open_store(dir.str());
  // No rdf:type in the store yet: the loader creates its id.
  insert_trig(*store, "<http://ex/x> <http://ex/p> <http://ex/Board> .");
  bulk_load_file(*store, dir.str() + "/one.nt",
                 "<http://ex/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                 "<http://ex/Board> .\n"
                 "<http://ex/b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                 "<http://ex/Board> .\n");
  EXPECT_EQ(class_counts(*store), (std::map<std::string, uint64_t>{{"http://ex/Board", 2}}));
  // rdf:type known now; a duplicate is not counted twice.
  bulk_load_file(*store, dir.str() + "/two.ttl",
                 "@prefix ex: <http://ex/> . ex:a a ex:Board . ex:c a ex:Board , ex:Camera .");
  EXPECT_EQ(class_counts(*store),
            (std::map<std::string, uint64_t>{{"http://ex/Board", 3}, {"http://ex/Camera", 1}}));
  expect_exact(*store);
  store.reset();
  store = open_store(dir.str());
  expect_exact(*store);
}

// A database from before `cstats`: read-only it answers class patterns by
// scanning; the first writable open builds the table from the index.
TEST(ClassStats, DatabaseWithoutTheTableIsFilledOnWritableOpen) {
  TempDir dir;
  {
    auto store = open_store(dir.str());
    insert_trig(*store, "@prefix ex: <http://ex/> . ex:a a ex:Board . ex:b a ex:Board , ex:Camera .");
  }
  testing::edit_lmdb_table(dir.str(), "cstats", [](MDB_txn* txn, MDB_dbi cstats) {
    ASSERT_EQ(mdb_drop(txn, cstats, 1), 0);  // 1: delete the table itself
  });
  {
    auto store = open_store(dir.str(), OpenOptions{.read_only = true});
    ReadTxn txn = store->read();
    EXPECT_TRUE(txn.class_counts().empty());
    IdPattern boards{kNoId, *txn.find_id(Term::iri(std::string(kTypeIri))),
                     *txn.find_id(Term::iri("http://ex/Board")), kNoId};
    EXPECT_EQ(txn.statistics_count(boards), std::nullopt);
    EXPECT_EQ(txn.estimate(boards), 2u);  // counted in the index instead
    EXPECT_TRUE(txn.verify().ok());
  }
  auto store = open_store(dir.str());
  EXPECT_EQ(class_counts(*store),
            (std::map<std::string, uint64_t>{{"http://ex/Board", 2}, {"http://ex/Camera", 1}}));
  expect_exact(*store);
}

}  // namespace
}  // namespace tinykg::store
