// Each physical operator, seen through small queries on tiny stores.
#include <gtest/gtest.h>

#include "turtle_store.h"

namespace tinykg::sparql::testing {
namespace {

const char* kBoards = R"(
  ex:b1 a ex:Board ; ex:name "nano" ; ex:sub ex:acc1, ex:mcu1 .
  ex:b2 a ex:Board ; ex:name "badge" ; ex:sub ex:mcu2 .
  ex:acc1 a ex:Accelerometer .
  ex:mcu1 a ex:Mcu ; ex:ram 172 .
  ex:mcu2 a ex:Mcu ; ex:ram 109 .
)";

TEST(IndexScan, OnePatternReturnsEveryMatch) {
  TurtleStore kg(kBoards);
  EXPECT_EQ(kg.rows("SELECT ?b WHERE { ?b a ex:Board } ORDER BY ?b"), (Rows{{"ex:b1"}, {"ex:b2"}}));
}

TEST(IndexScan, RepeatedVariableMustMatchTheSameTerm) {
  TurtleStore kg("ex:a ex:knows ex:a . ex:a ex:knows ex:b .");
  EXPECT_EQ(kg.rows("SELECT ?x { ?x ex:knows ?x }"), (Rows{{"ex:a"}}));
}

TEST(IndexScan, ConstantMissingFromTheStoreGivesNoRowsNotAnError) {
  TurtleStore kg(kBoards);
  EXPECT_EQ(kg.rows("SELECT ?b { ?b a ex:Spaceship }"), Rows{});
}

TEST(IndexScan, MergedGraphsMatchATripleOnce) {
  TurtleStore kg(R"(
    ex:g1 { ex:b1 ex:ram 172 . }
    ex:g2 { ex:b1 ex:ram 172 . ex:b2 ex:ram 109 . }
  )",
                 rdf::Syntax::TriG);
  QueryOptions union_default;
  union_default.union_default_graph = true;
  EXPECT_EQ(kg.rows("SELECT ?b ?r { ?b ex:ram ?r } ORDER BY ?r", union_default),
            (Rows{{"ex:b2", "109"}, {"ex:b1", "172"}}));
  EXPECT_EQ(kg.rows("SELECT ?r { ex:b1 ex:ram ?r }", union_default), (Rows{{"172"}}));
  // FROM merges the listed graphs the same way.
  EXPECT_EQ(kg.rows("SELECT ?b ?r FROM ex:g1 FROM ex:g2 { ?b ex:ram ?r } ORDER BY ?r"),
            (Rows{{"ex:b2", "109"}, {"ex:b1", "172"}}));
}

TEST(IndexScan, DefaultGraphIsTheStoresDefaultGraph) {
  TurtleStore kg(R"(
    ex:b0 ex:ram 64 .
    ex:g1 { ex:b1 ex:ram 172 . }
  )",
                 rdf::Syntax::TriG);
  EXPECT_EQ(kg.rows("SELECT ?b { ?b ex:ram ?r }"), (Rows{{"ex:b0"}}));
  EXPECT_EQ(kg.rows("SELECT ?g ?b { GRAPH ?g { ?b ex:ram ?r } }"), (Rows{{"ex:g1", "ex:b1"}}));
  EXPECT_EQ(kg.rows("SELECT ?b FROM NAMED ex:g1 { GRAPH ex:g1 { ?b ex:ram ?r } }"),
            (Rows{{"ex:b1"}}));
  EXPECT_EQ(kg.rows("SELECT ?b FROM NAMED ex:g2 { GRAPH ex:g1 { ?b ex:ram ?r } }"), (Rows{}));
}

TEST(IndexNestedLoopJoin, FollowsAChainOfPatterns) {
  TurtleStore kg(kBoards);
  EXPECT_EQ(kg.rows("SELECT ?name ?ram { ?b ex:name ?name ; ex:sub ?m . ?m ex:ram ?ram } "
                    "ORDER BY ?ram"),
            (Rows{{"\"badge\"", "109"}, {"\"nano\"", "172"}}));
  EXPECT_NE(kg.profile("SELECT ?ram { ?b ex:sub ?m . ?m ex:ram ?ram }").find("IndexNestedLoopJoin"),
            std::string::npos);
}

TEST(IndexNestedLoopJoin, BlankNodesInPatternsActAsVariables) {
  TurtleStore kg(kBoards);
  EXPECT_EQ(kg.rows("SELECT ?b { ?b ex:sub [ a ex:Accelerometer ] }"), (Rows{{"ex:b1"}}));
  EXPECT_EQ(kg.rows("SELECT ?b { ?b ex:sub _:m . _:m ex:ram 109 }"), (Rows{{"ex:b2"}}));
}

TEST(IndexNestedLoopJoin, MatchesBlankNodesInTheData) {
  TurtleStore kg(R"(ex:b1 ex:sub [ a ex:Mcu ; ex:ram 172 ] .)");
  EXPECT_EQ(kg.rows("SELECT ?r { ex:b1 ex:sub ?m . ?m a ex:Mcu ; ex:ram ?r }"), (Rows{{"172"}}));
}

// A hub with 50 links, 3 of whose targets are rare: written so that the
// check "?o a ex:Rare" follows the big scan (join_order off).
std::string hub_with_rare_targets() {
  std::string ttl;
  for (int i = 0; i < 50; ++i) ttl += "ex:hub ex:link ex:o" + std::to_string(i) + " .\n";
  return ttl + "ex:o7 a ex:Rare . ex:o21 a ex:Rare . ex:o42 a ex:Rare . ex:x a ex:Rare .";
}
const char* kRareTargets = "SELECT ?o { ex:hub ex:link ?o . ?o a ex:Rare } ORDER BY ?o";

// Bind joins in the order the query writes its patterns.
QueryOptions bind_joins_as_written() {
  QueryOptions options;
  options.optimizer.join_order = false;
  options.planner.hash_join_steps = false;
  return options;
}

TEST(IndexNestedLoopJoin, SwitchesToASortedTableOnceLookupsWouldCostMoreThanItsScan) {
  TurtleStore kg(hub_with_rare_targets());
  QueryOptions options = bind_joins_as_written();
  // The 4-row pattern "?o a ex:Rare" costs less to read than one lookup.
  const std::string first = kg.profile(kRareTargets, options);
  EXPECT_NE(first.find("(in-memory table after 1 lookups)"), std::string::npos) << first;
  EXPECT_EQ(kg.rows(kRareTargets, options), (Rows{{"ex:o21"}, {"ex:o42"}, {"ex:o7"}}));
  options.planner.adaptive_bind_joins = false;
  EXPECT_EQ(kg.rows(kRareTargets, options), (Rows{{"ex:o21"}, {"ex:o42"}, {"ex:o7"}}));
  EXPECT_EQ(kg.profile(kRareTargets, options).find("table"), std::string::npos);
}

TEST(IndexNestedLoopJoin, ALaterQueryProbesTheTableTheStoreKeptFromItsFirstRow) {
  TurtleStore kg(hub_with_rare_targets());
  QueryOptions options = bind_joins_as_written();
  kg.rows(kRareTargets, options);
  const std::string again = kg.profile(kRareTargets, options);
  EXPECT_NE(again.find("(cached sorted scan)"), std::string::npos) << again;
  EXPECT_EQ(kg.rows(kRareTargets, options), (Rows{{"ex:o21"}, {"ex:o42"}, {"ex:o7"}}));
}

TEST(IndexNestedLoopJoin, ACommitHidesTheTablesOfTheSnapshotBefore) {
  TurtleStore kg(hub_with_rare_targets());
  QueryOptions options = bind_joins_as_written();
  EXPECT_EQ(kg.rows(kRareTargets, options), (Rows{{"ex:o21"}, {"ex:o42"}, {"ex:o7"}}));
  ASSERT_TRUE(kg.update("INSERT DATA { ex:o3 a ex:Rare } ; DELETE DATA { ex:o42 a ex:Rare }").ok());
  EXPECT_EQ(kg.profile(kRareTargets, options).find("cached"), std::string::npos);
  EXPECT_EQ(kg.rows(kRareTargets, options), (Rows{{"ex:o21"}, {"ex:o3"}, {"ex:o7"}}));
}

TEST(IndexNestedLoopJoin, AnUpdateReadsItsOwnWritesNotTheCache) {
  TurtleStore kg(hub_with_rare_targets());
  QueryOptions options = bind_joins_as_written();
  kg.rows(kRareTargets, options);  // the store now keeps the table of "?o a ex:Rare"
  // The WHERE clause runs in the write transaction after the insert: the
  // cached table of the snapshot before would miss ex:o3.
  ASSERT_TRUE(kg.update("INSERT DATA { ex:o3 a ex:Rare } ; "
                        "INSERT { ?o ex:seen true } WHERE { ex:hub ex:link ?o . ?o a ex:Rare }")
                  .ok());
  EXPECT_EQ(kg.rows("SELECT ?o { ?o ex:seen true } ORDER BY ?o"),
            (Rows{{"ex:o21"}, {"ex:o3"}, {"ex:o42"}, {"ex:o7"}}));
}

TEST(IndexNestedLoopJoin, TablesKeepFromsGraphMerge) {
  TurtleStore kg(R"(
    ex:g1 { ex:hub ex:link ex:a, ex:b, ex:c . ex:a a ex:Rare . ex:c a ex:Rare . }
    ex:g2 { ex:hub ex:link ex:a . ex:a a ex:Rare . ex:b a ex:Rare . }
    ex:g3 { ex:d a ex:Rare . })",
                 rdf::Syntax::TriG);
  QueryOptions options = bind_joins_as_written();
  const char* query =
      "SELECT ?o FROM ex:g1 FROM ex:g2 { ex:hub ex:link ?o . ?o a ex:Rare } ORDER BY ?o";
  for (int run = 0; run < 2; ++run) {  // built, then from the cache
    EXPECT_EQ(kg.rows(query, options), (Rows{{"ex:a"}, {"ex:b"}, {"ex:c"}})) << run;
  }
}

TEST(HashJoin, IsChosenForAChainStepWhoseInputDwarfsItsPattern) {
  TurtleStore kg(hub_with_rare_targets());
  QueryOptions options;
  options.optimizer.join_order = false;
  EXPECT_EQ(kg.rows(kRareTargets, options), (Rows{{"ex:o21"}, {"ex:o42"}, {"ex:o7"}}));
  EXPECT_NE(kg.profile(kRareTargets, options).find("HashJoin on ?o"), std::string::npos)
      << kg.profile(kRareTargets, options);
}

TEST(HashJoin, JoinsNestedGroupsOnSharedVariables) {
  TurtleStore kg(kBoards);
  const char* q =
      "SELECT ?name ?ram { { ?b ex:name ?name ; ex:sub ?m } { ?m ex:ram ?ram } } "
      "ORDER BY ?name";
  EXPECT_EQ(kg.rows(q), (Rows{{"\"badge\"", "109"}, {"\"nano\"", "172"}}));
  EXPECT_NE(kg.profile(q).find("HashJoin on ?m"), std::string::npos);
}

TEST(HashJoin, DisconnectedPatternsFormACrossProduct) {
  TurtleStore kg("ex:a ex:p 1 . ex:b ex:p 2 . ex:c ex:q 3 .");
  const char* q = "SELECT ?x ?y { ?x ex:p ?v . ?y ex:q ?w } ORDER BY ?x";
  EXPECT_EQ(kg.rows(q), (Rows{{"ex:a", "ex:c"}, {"ex:b", "ex:c"}}));
  EXPECT_NE(kg.profile(q).find("HashJoin (cross product)"), std::string::npos);
}

// Twenty boards, each with an MCU (RAM) and a sensor; two have titles.
std::string fleet_of_twenty() {
  std::string ttl;
  for (int i = 0; i < 20; ++i) {
    std::string b = "ex:b" + std::to_string(i);
    ttl += b + " a ex:Board ; ex:sub " + b + "m , " + b + "s .\n";
    ttl += b + "m a ex:Mcu ; ex:ram " + std::to_string(100 + i) + " .\n" + b + "s a ex:Mic .\n";
  }
  return ttl + "ex:b3 ex:title \"three\" . ex:b4 ex:title \"four\" .";
}

// The rows of `q` with VALUES driving the joins, after checking that they
// equal the rows without it.
Rows same_rows_both_ways(TurtleStore& kg, const std::string& q) {
  QueryOptions off;
  off.planner.values_drive_joins = false;
  Rows driven = kg.rows(q);
  EXPECT_EQ(driven, kg.rows(q, off)) << q;
  return driven;
}

TEST(ValuesJoin, SmallValuesDrivesTheUnionBranches) {
  TurtleStore kg(fleet_of_twenty());
  const std::string q =
      "SELECT ?d ?title ?kind ?ram { VALUES ?d { ex:b3 ex:b7 } "
      "{ ?d ex:title ?title } UNION { ?d ex:sub/a ?kind FILTER(?kind != ex:Mcu) } "
      "UNION { ?d ex:sub ?m . ?m ex:ram ?ram } } ORDER BY ?d ?title ?kind ?ram";
  EXPECT_EQ(same_rows_both_ways(kg, q),
            (Rows{{"ex:b3", "UNDEF", "UNDEF", "103"},
                  {"ex:b3", "UNDEF", "ex:Mic", "UNDEF"},
                  {"ex:b3", "\"three\"", "UNDEF", "UNDEF"},
                  {"ex:b7", "UNDEF", "UNDEF", "107"},
                  {"ex:b7", "UNDEF", "ex:Mic", "UNDEF"}}));
  // Every branch starts from the VALUES rows: no scan of the whole fleet.
  const std::string plan = kg.profile(q);
  EXPECT_EQ(plan.find("IndexScan"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("HashJoin"), std::string::npos) << plan;
}

TEST(ValuesJoin, KeepsDuplicateValuesRowsAndOptionalParts) {
  TurtleStore kg(fleet_of_twenty());
  EXPECT_EQ(same_rows_both_ways(kg, "SELECT ?d ?t { VALUES ?d { ex:b4 ex:b4 ex:b5 } "
                                    "?d a ex:Board OPTIONAL { ?d ex:title ?t } } ORDER BY ?d"),
            (Rows{{"ex:b4", "\"four\""}, {"ex:b4", "\"four\""}, {"ex:b5", "UNDEF"}}));
}

TEST(ValuesJoin, LeavesGroupsThatDoNotBindTheVariableToTheHashJoin) {
  TurtleStore kg(fleet_of_twenty());
  // The filter must not see ?d from VALUES: the branch does not bind it.
  const std::string q = "SELECT ?d ?m { VALUES ?d { ex:b1 } { ?m ex:ram 101 FILTER(!BOUND(?d)) } }";
  EXPECT_EQ(same_rows_both_ways(kg, q), (Rows{{"ex:b1", "ex:b1m"}}));
  EXPECT_NE(kg.profile(q).find("HashJoin"), std::string::npos);
  // UNDEF in VALUES, and VALUES larger than the pattern: hash join too.
  EXPECT_EQ(same_rows_both_ways(kg, "SELECT ?d ?t { VALUES (?d ?x) { (ex:b3 1) (UNDEF 2) } "
                                    "?d ex:title ?t } ORDER BY ?d ?x"),
            (Rows{{"ex:b3", "\"three\""}, {"ex:b3", "\"three\""}, {"ex:b4", "\"four\""}}));
}

TEST(Project, SelectStarAndUnboundVariables) {
  TurtleStore kg("ex:m ex:ram 8 .");
  auto t = kg.table("SELECT * { ?m ex:ram ?r . [] ?p ?o }");
  ASSERT_TRUE(t.ok()) << t.error();
  EXPECT_EQ(t->variables, (std::vector<std::string>{"m", "r", "p", "o"}));
  EXPECT_EQ(kg.rows("SELECT ?m ?nowhere { ?m ex:ram ?r }"), (Rows{{"ex:m", "UNDEF"}}));
}

TEST(Filter, DropsRowsWhereTheConditionIsFalseOrAnError) {
  TurtleStore kg("ex:a ex:v 5 . ex:b ex:v 50 . ex:c ex:v ex:notANumber . ex:d ex:v \"x\" .");
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ex:v ?v FILTER(?v > 10) }"), (Rows{{"ex:b"}}));
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ex:v ?v FILTER(!(?v > 10)) } ORDER BY ?s"), (Rows{{"ex:a"}}));
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ex:v ?v FILTER(isIRI(?v)) }"), (Rows{{"ex:c"}}));
}

TEST(Filter, OnAVariableNoPatternBinds) {
  TurtleStore kg("ex:a ex:v 5 .");
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ex:v ?v FILTER(!bound(?z)) }"), (Rows{{"ex:a"}}));
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ex:v ?v FILTER(?z = 1) }"), Rows{});
}

TEST(Filter, EmptyGroupHasOneSolution) {
  TurtleStore kg("ex:a ex:v 5 .");
  EXPECT_EQ(kg.rows("SELECT ?x { FILTER(1 < 2) }"), (Rows{{"UNDEF"}}));
  EXPECT_EQ(kg.rows("SELECT ?x { FILTER(1 > 2) }"), Rows{});
}

TEST(Sort, DescendingAndMultipleKeys) {
  TurtleStore kg(R"(
    ex:m1 ex:acc 93.2 ; ex:cat "kws" .
    ex:m2 ex:acc 82.3 ; ex:cat "kws" .
    ex:m3 ex:acc 92.1 ; ex:cat "vww" .
    ex:m4 ex:acc "83"^^xsd:integer ; ex:cat "kws" .
  )");
  EXPECT_EQ(kg.rows("SELECT ?m { ?m ex:acc ?a } ORDER BY DESC(?a)"),
            (Rows{{"ex:m1"}, {"ex:m3"}, {"ex:m4"}, {"ex:m2"}}));
  EXPECT_EQ(kg.rows("SELECT ?m { ?m ex:acc ?a ; ex:cat ?c } ORDER BY DESC(?c) ASC(?a)"),
            (Rows{{"ex:m3"}, {"ex:m2"}, {"ex:m4"}, {"ex:m1"}}));
  EXPECT_EQ(kg.rows("SELECT ?m { ?m ex:acc ?a } ORDER BY (0 - ?a) LIMIT 1"), (Rows{{"ex:m1"}}));
}

TEST(Sort, SparqlOrderOfKinds) {
  TurtleStore kg(R"(ex:s ex:v ex:iri, _:blank, "text", 3 . ex:t ex:w 1 .)");
  auto rows = kg.rows("SELECT ?v { ?s ex:v ?v } ORDER BY ?v");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0][0].substr(0, 2), "_:");
  EXPECT_EQ(rows[1][0], "ex:iri");
  EXPECT_EQ(rows[2][0], "3");
  EXPECT_EQ(rows[3][0], "\"text\"");
}

TEST(Distinct, RemovesDuplicateProjectedRows) {
  TurtleStore kg("ex:a ex:type ex:T . ex:b ex:type ex:T . ex:c ex:type ex:U .");
  EXPECT_EQ(kg.rows("SELECT ?t { ?s ex:type ?t } ORDER BY ?t").size(), 3u);
  EXPECT_EQ(kg.rows("SELECT DISTINCT ?t { ?s ex:type ?t } ORDER BY ?t"),
            (Rows{{"ex:T"}, {"ex:U"}}));
}

TEST(LimitOffset, SlicesTheOrderedSolutions) {
  TurtleStore kg("ex:s ex:n 1, 2, 3, 4, 5 .");
  EXPECT_EQ(kg.rows("SELECT ?n { ex:s ex:n ?n } ORDER BY ?n LIMIT 2"), (Rows{{"1"}, {"2"}}));
  EXPECT_EQ(kg.rows("SELECT ?n { ex:s ex:n ?n } ORDER BY ?n OFFSET 3"), (Rows{{"4"}, {"5"}}));
  EXPECT_EQ(kg.rows("SELECT ?n { ex:s ex:n ?n } ORDER BY DESC(?n) LIMIT 2 OFFSET 1"),
            (Rows{{"4"}, {"3"}}));
  EXPECT_EQ(kg.rows("SELECT ?n { ex:s ex:n ?n } LIMIT 0"), Rows{});
  EXPECT_EQ(kg.rows("SELECT ?n { ex:s ex:n ?n } OFFSET 10"), Rows{});
}

TEST(LimitOffset, LimitStopsTheScanEarly) {
  TurtleStore kg("ex:s ex:n 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 .");
  std::string profile = kg.profile("SELECT ?n { ex:s ex:n ?n } LIMIT 2");
  // The scan would yield 10 rows; LIMIT pulls only 2 of them.
  EXPECT_NE(
      profile.find("IndexScan <http://example.org/s> <http://example.org/n> ?n  [est 10, rows 2]"),
      std::string::npos)
      << profile;
}

}  // namespace
}  // namespace tinykg::sparql::testing
