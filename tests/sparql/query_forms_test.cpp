// ASK, CONSTRUCT, EXISTS, VALUES, subqueries, functional forms, casts,
// scope errors, timeouts: the SPARQL 1.1 features beyond SELECT over BGPs
// (the W3C suites check them in depth; these pin the situations we rely on).
#include <gtest/gtest.h>

#include "turtle_store.h"

namespace tinykg::sparql::testing {
namespace {

constexpr const char* kFleet = R"(
  ex:nano ex:ram 256 ; ex:vendor ex:st .
  ex:badge ex:ram 32 ; ex:vendor ex:nordic .
  ex:pico ex:vendor ex:rpi .
)";

TEST(QueryForms, AskSaysWhetherThereIsASolution) {
  TurtleStore kg(kFleet);
  auto yes = kg.query("ASK { ?b ex:ram ?r FILTER(?r > 100) }");
  ASSERT_TRUE(yes.ok()) << yes.error();
  EXPECT_EQ(std::get<bool>(*yes), true);
  auto no = kg.query("ASK { ?b ex:ram ?r FILTER(?r > 1000) }");
  ASSERT_TRUE(no.ok());
  EXPECT_EQ(std::get<bool>(*no), false);
}

TEST(QueryForms, ConstructBuildsOneGraphWithFreshBlankNodesPerSolution) {
  TurtleStore kg(kFleet);
  auto g = kg.query("CONSTRUCT { ?b ex:memory [ ex:kb ?r ] } WHERE { ?b ex:ram ?r }");
  ASSERT_TRUE(g.ok()) << g.error();
  const auto& triples = std::get<ConstructedGraph>(*g);
  ASSERT_EQ(triples.size(), 4u);
  EXPECT_NE(triples[0].object, triples[2].object);  // a new blank node per solution
  auto shortcut = kg.query("CONSTRUCT WHERE { ?b ex:vendor ex:rpi }");
  ASSERT_TRUE(shortcut.ok());
  EXPECT_EQ(std::get<ConstructedGraph>(*shortcut).size(), 1u);
}

TEST(QueryForms, RunSelectRefusesOtherForms) {
  TurtleStore kg(kFleet);
  EXPECT_EQ(kg.rows("ASK { ?s ?p ?o }"),
            (Rows{{"ERROR: not a SELECT query: use run_query for ASK and CONSTRUCT"}}));
}

TEST(Patterns, ExistsAndNotExistsSeeTheRowsBindings) {
  TurtleStore kg(kFleet);
  EXPECT_EQ(kg.rows("SELECT ?b { ?b ex:vendor ?v FILTER NOT EXISTS { ?b ex:ram ?r } }"),
            (Rows{{"ex:pico"}}));
  EXPECT_EQ(kg.rows("SELECT ?b { ?b ex:vendor ?v FILTER EXISTS { ?b ex:ram ?r FILTER(?r < 100) } }"),
            (Rows{{"ex:badge"}}));
}

TEST(Patterns, ValuesWithUndefJoinsOnTheBoundVariablesOnly) {
  TurtleStore kg(kFleet);
  EXPECT_EQ(kg.rows("SELECT ?b ?r { VALUES (?b ?r) { (ex:nano UNDEF) (UNDEF 32) } ?b ex:ram ?r } "
                    "ORDER BY ?r"),
            (Rows{{"ex:badge", "32"}, {"ex:nano", "256"}}));
}

TEST(Patterns, SubqueryProjectsItsOwnVariablesOnly) {
  TurtleStore kg(kFleet);
  EXPECT_EQ(kg.rows("SELECT ?b ?max { ?b ex:ram ?max { SELECT (MAX(?r) AS ?max) { ?x ex:ram ?r } } }"),
            (Rows{{"ex:nano", "256"}}));
}

TEST(Expressions, FunctionalFormsAndCasts) {
  TurtleStore kg(kFleet);
  EXPECT_EQ(kg.rows("SELECT ?b (IF(?r > 100, \"big\", \"small\") AS ?size) "
                    "(COALESCE(?r, 0) AS ?ram) { ?b ex:vendor ?v OPTIONAL { ?b ex:ram ?r } } "
                    "ORDER BY ?b"),
            (Rows{{"ex:badge", "\"small\"", "32"},
                  {"ex:nano", "\"big\"", "256"},
                  {"ex:pico", "UNDEF", "0"}}));
  EXPECT_EQ(kg.rows("SELECT ?b { ?b ex:vendor ?v FILTER(?v IN (ex:st, ex:rpi)) } ORDER BY ?b"),
            (Rows{{"ex:nano"}, {"ex:pico"}}));
  EXPECT_EQ(kg.rows("SELECT (xsd:integer(\"42\") AS ?n) (CONCAT(\"a\", \"b\") AS ?s) {}"),
            (Rows{{"42", "\"ab\""}}));
}

TEST(Errors, ScopeRulesAreSyntaxErrors) {
  TurtleStore kg(kFleet);
  EXPECT_EQ(kg.error("SELECT ?o { ?s ?p ?o } GROUP BY ?s"),
            "parse error at line 1, column 1: ?o is used outside an aggregate but is not a GROUP "
            "BY key");
  EXPECT_EQ(kg.error("SELECT * { ?s ?p ?o BIND(1 AS ?o) }"),
            "parse error at line 1, column 31: BIND to ?o, which is already in scope");
}

TEST(Limits, AQueryPastItsTimeoutStopsAndSaysSo) {
  std::string data;
  for (int i = 0; i < 300; ++i) data += "ex:n" + std::to_string(i) + " ex:p " + std::to_string(i) + " .\n";
  TurtleStore kg(data);
  QueryOptions options;
  options.timeout_ms = 1;
  // A triple cross product: 27 million rows, far more than 1 ms of work.
  auto result = kg.table("SELECT (COUNT(*) AS ?n) { ?a ex:p ?x . ?b ex:p ?y . ?c ex:p ?z }", options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error(), "query timed out after 1 ms");
  std::atomic<bool> cancel{true};
  QueryOptions cancelled;
  cancelled.cancel = &cancel;
  auto stopped = kg.table("SELECT (COUNT(*) AS ?n) { ?a ex:p ?x . ?b ex:p ?y . ?c ex:p ?z }", cancelled);
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.error(), "query cancelled");
}

}  // namespace
}  // namespace tinykg::sparql::testing
