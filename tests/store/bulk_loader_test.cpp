#include "store/bulk_loader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <tuple>

#include "rdf/serd_io.h"
#include "store_fixture.h"
#include "test_support.h"

namespace tinykg::store {
namespace {

using rdf::Term;
using testing::TempDir;

void write_file(const std::string& path, std::string_view text) { std::ofstream(path) << text; }

Result<BulkLoadReport> load(Store& store, const std::vector<std::string>& paths,
                            const BulkLoadOptions& opts = {}) {
  WriteTxn txn = store.write();
  auto r = bulk_load(store, txn, paths, opts);
  if (r.ok()) {
    EXPECT_TRUE(txn.commit().ok());
  }
  return r;
}

// The store's quads as N-Triples-like strings; blank labels are kept as they
// are, so callers compare stores built from the same parse only via counts.
std::set<std::string> quads_of(Store& store, bool with_blanks = true) {
  std::set<std::string> out;
  ReadTxn txn = store.read();
  ScanCursor cur = txn.scan({});
  IdQuad q;
  while (cur.next(q)) {
    auto name = [&](Id id) {
      if (id == kDefaultGraph) return std::string("DEFAULT");
      Term t = txn.term(id);
      return t.is_blank() && !with_blanks ? std::string("_:b") : t.to_ntriples();
    };
    out.insert(name(q.s) + " " + name(q.p) + " " + name(q.o) + " " + name(q.g));
  }
  return out;
}

// Every permutation index holds the same quad set as SPOG.
void expect_indexes_agree(Store& store) {
  ReadTxn txn = store.read();
  std::set<std::tuple<Id, Id, Id, Id>> spog;
  {
    ScanCursor cur = txn.scan({});
    IdQuad q;
    while (cur.next(q)) spog.insert({q.s, q.p, q.o, q.g});
  }
  // Bind one position with each stored value to force the other permutations.
  std::set<std::tuple<Id, Id, Id, Id>> posg, ospg, gspo;
  for (const auto& [s, p, o, g] : spog) {
    auto add = [](auto& set, ScanCursor cur) {
      IdQuad q;
      while (cur.next(q)) set.insert({q.s, q.p, q.o, q.g});
    };
    add(posg, txn.scan({kNoId, p, kNoId, kNoId}));
    add(ospg, txn.scan({kNoId, kNoId, o, kNoId}));
    add(gspo, txn.scan({kNoId, kNoId, kNoId, g}));
  }
  EXPECT_EQ(posg, spog);
  EXPECT_EQ(ospg, spog);
  EXPECT_EQ(gspo, spog);
}

constexpr std::string_view kTurtle = R"(
  @prefix ex: <http://ex/> .
  @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
  ex:a ex:p ex:b , ex:c ; ex:q 1, "x"^^xsd:string, "Hi"@EN ; ex:r [ ex:p ex:a ] .
  ex:b ex:p ex:c .
  ex:a ex:p ex:b .
)";

TEST(BulkLoader, MovesTheDefaultGraphVersion) {
  TempDir dir;
  write_file(dir / "a.ttl", kTurtle);
  auto store = open_store(dir / "db");
  { WriteTxn txn = store->write(); ASSERT_TRUE(txn.commit().ok()); }
  const uint64_t before = store->read().default_graph_version();
  ASSERT_TRUE(load(*store, {dir / "a.ttl"}).ok());
  EXPECT_GT(store->read().default_graph_version(), before);
  EXPECT_EQ(store->read().default_graph_version(), store->read().version());
}

TEST(BulkLoader, LoadsTheSameGraphAsPerQuadInserts) {
  TempDir dir;
  write_file(dir / "a.ttl", kTurtle);
  auto bulk = open_store(dir / "bulk");
  auto r = load(*bulk, {dir / "a.ttl"});
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->quads_read, 9u);
  EXPECT_EQ(r->quads_added, 8u);  // ex:a ex:p ex:b twice

  auto slow = open_store(dir / "slow");
  {
    WriteTxn txn = slow->write();
    ASSERT_TRUE(rdf::read_rdf_file(dir / "a.ttl", rdf::Syntax::Turtle,
                                   [&](const rdf::Quad& q) { txn.insert(q); }).ok());
    ASSERT_TRUE(txn.commit().ok());
  }
  EXPECT_EQ(quads_of(*bulk, false), quads_of(*slow, false));
  expect_indexes_agree(*bulk);
  ReadTxn txn = bulk->read();
  // Equal terms, equal ids: "x"^^xsd:string is the plain literal "x", and the
  // language tag is lower-cased, exactly as rdf::Term::literal normalizes.
  EXPECT_TRUE(txn.find_id(Term::literal("x")).has_value());
  EXPECT_TRUE(txn.find_id(Term::literal("Hi", "", "en")).has_value());
  Id p = txn.find_id(Term::iri("http://ex/p")).value();
  EXPECT_EQ(txn.estimate({kNoId, p, kNoId, kNoId}), 4u);  // statistics are maintained
}

TEST(BulkLoader, SpilledRunsMergeToTheSameResultAsOneRun) {
  TempDir dir;
  std::string nt;
  for (int i = 0; i < 500; ++i) {
    nt += fmt::format("<http://ex/s{}> <http://ex/p{}> \"{}\" .\n", i % 37, i % 5, i % 11);
    nt += fmt::format("<http://ex/s{}> <http://ex/p{}> \"{}\" .\n", i % 37, i % 5, i % 11);
  }
  write_file(dir / "many.nt", nt);
  auto one = open_store(dir / "one");
  auto many = open_store(dir / "many");
  auto a = load(*one, {dir / "many.nt"});
  BulkLoadOptions small;
  small.run_quads = 64;  // dozens of spilled runs
  auto b = load(*many, {dir / "many.nt"}, small);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->spilled_runs, 0u);
  EXPECT_GT(b->spilled_runs, 10u);
  EXPECT_EQ(a->quads_added, b->quads_added);
  EXPECT_EQ(quads_of(*one), quads_of(*many));
  expect_indexes_agree(*many);
}

TEST(BulkLoader, LoadingIntoANonEmptyStoreReusesIdsAndSkipsExistingQuads) {
  TempDir dir;
  write_file(dir / "a.ttl", kTurtle);
  write_file(dir / "b.nt",
             "<http://ex/a> <http://ex/p> <http://ex/b> .\n"
             "<http://ex/z> <http://ex/p> <http://ex/a> .\n"
             "<http://ex/0> <http://ex/p> <http://ex/a> .\n");
  auto store = open_store(dir / "db");
  ASSERT_TRUE(load(*store, {dir / "a.ttl"}).ok());
  Id a_before = store->read().find_id(Term::iri("http://ex/a")).value();
  auto r = load(*store, {dir / "b.nt"});
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->quads_added, 2u);
  EXPECT_EQ(r->terms_added, 2u);  // ex:z and ex:0
  ReadTxn txn = store->read();
  EXPECT_EQ(txn.find_id(Term::iri("http://ex/a")), a_before);
  EXPECT_EQ(txn.size(), 10u);
  Id p = txn.find_id(Term::iri("http://ex/p")).value();
  EXPECT_EQ(txn.estimate({kNoId, p, kNoId, kNoId}), 6u);
  expect_indexes_agree(*store);
}

TEST(BulkLoader, GraphOptionPutsEveryQuadIntoTheNamedGraph) {
  TempDir dir;
  write_file(dir / "a.trig", "<http://ex/g> { <http://ex/s> <http://ex/p> 1 . }\n"
                             "<http://ex/s> <http://ex/p> 2 .\n");
  auto store = open_store(dir / "db");
  BulkLoadOptions opts;
  opts.graph_iri = "http://ex/target";
  ASSERT_TRUE(load(*store, {dir / "a.trig"}, opts).ok());
  ReadTxn txn = store->read();
  Id g = txn.find_id(Term::iri("http://ex/target")).value();
  EXPECT_EQ(txn.count({kNoId, kNoId, kNoId, g}), 2u);
  EXPECT_EQ(txn.size(), 2u);
}

TEST(BulkLoader, BlankNodesOfDifferentFilesStayApart) {
  TempDir dir;
  write_file(dir / "1.nt", "_:x <http://ex/p> \"1\" .\n");
  write_file(dir / "2.nt", "_:x <http://ex/p> \"2\" .\n");
  auto store = open_store(dir / "db");
  ASSERT_TRUE(load(*store, {dir / "1.nt", dir / "2.nt"}).ok());
  ReadTxn txn = store->read();
  Id p = txn.find_id(Term::iri("http://ex/p")).value();
  std::set<Id> subjects;
  ScanCursor cur = txn.scan({kNoId, p, kNoId, kNoId});
  IdQuad q;
  while (cur.next(q)) subjects.insert(q.s);
  EXPECT_EQ(subjects.size(), 2u);
}

TEST(BulkLoader, SyntaxErrorNamesFileLineAndColumnAndLoadsNothing) {
  TempDir dir;
  write_file(dir / "good.nt", "<http://ex/a> <http://ex/p> <http://ex/b> .\n");
  write_file(dir / "bad.nt", "<http://ex/a> <http://ex/p> <http://ex/c> .\n"
                             "<http://ex/a> <http://ex/p> oops .\n");
  auto store = open_store(dir / "db");
  auto r = load(*store, {dir / "good.nt", dir / "bad.nt"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("bad.nt:2:"), std::string::npos) << r.error();
  EXPECT_EQ(store->read().size(), 0u);
  EXPECT_FALSE(store->read().find_id(Term::iri("http://ex/a")).has_value());
}

TEST(BulkLoader, SkipInvalidReportsEachBadStatementAndLoadsTheRest) {
  TempDir dir;
  write_file(dir / "bad.nt", "<http://ex/a> <http://ex/p> <http://ex/c> .\n"
                             "<http://ex/a> <http://ex/p> oops .\n"
                             "<http://ex/a> \"lit\" <http://ex/d> .\n"
                             "<http://ex/a> <http://ex/p> <http://ex/e> .\n");
  auto store = open_store(dir / "db");
  std::vector<std::string> logged;
  BulkLoadOptions opts;
  opts.skip_invalid = true;
  opts.on_invalid = [&](const std::string& m) { logged.push_back(m); };
  auto r = load(*store, {dir / "bad.nt"}, opts);
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->quads_added, 2u);
  EXPECT_EQ(r->invalid_skipped, 2u);
  ASSERT_EQ(logged.size(), 2u);
  EXPECT_NE(logged[0].find("bad.nt:2:"), std::string::npos) << logged[0];
  EXPECT_NE(logged[1].find("bad.nt:3:"), std::string::npos) << logged[1];
}

TEST(BulkLoader, UndefinedPrefixAndUnknownExtensionAndMissingFileFailClearly) {
  TempDir dir;
  write_file(dir / "p.ttl", "nope:a <http://ex/p> 1 .\n");
  write_file(dir / "x.rdf", "");
  auto store = open_store(dir / "db");
  auto r = load(*store, {dir / "p.ttl"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("p.ttl"), std::string::npos) << r.error();
  r = load(*store, {dir / "x.rdf"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("unknown RDF syntax"), std::string::npos) << r.error();
  r = load(*store, {dir / "missing.nt"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("No such file"), std::string::npos) << r.error();
  EXPECT_EQ(store->read().size(), 0u);
}

TEST(BulkLoader, ReportsProgressForBothPhases) {
  TempDir dir;
  write_file(dir / "a.ttl", kTurtle);
  auto store = open_store(dir / "db");
  std::vector<LoadProgress> seen;
  BulkLoadOptions opts;
  opts.on_progress = [&](const LoadProgress& p) { seen.push_back(p); };
  ASSERT_TRUE(load(*store, {dir / "a.ttl"}, opts).ok());
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back().phase, LoadProgress::Phase::Indexing);
  EXPECT_EQ(seen.back().indexes_done, 4);
  EXPECT_EQ(seen.front().bytes_read, seen.front().bytes_total);
}

}  // namespace
}  // namespace tinykg::store
