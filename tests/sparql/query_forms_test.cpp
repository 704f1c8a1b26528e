// ASK, CONSTRUCT, EXISTS, VALUES, subqueries, functional forms, casts,
// scope errors, timeouts: the SPARQL 1.1 features beyond SELECT over BGPs
// (the W3C suites check them in depth; these pin the situations we rely on).
#include <gtest/gtest.h>

#include <algorithm>

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
            (Rows{{"ERROR: not a SELECT query: use run_query for ASK, CONSTRUCT and DESCRIBE"}}));
}

// The triples of a described graph as sorted "s p o" strings, blank nodes
// shown as "_" (their labels are the store's).
std::vector<std::string> triples_of(const Result<QueryResult>& answer) {
  std::vector<std::string> out;
  if (!answer.ok()) return {"ERROR: " + answer.error()};
  for (const rdf::Quad& q : std::get<ConstructedGraph>(*answer)) {
    auto show = [](const rdf::Term& t) {
      if (t.is_blank()) return std::string("_");
      if (t.is_iri() && t.value.rfind("http://example.org/", 0) == 0) {
        return "ex:" + t.value.substr(19);
      }
      return t.is_literal() ? t.value : t.to_ntriples();
    };
    out.push_back(show(q.subject) + " " + show(q.predicate) + " " + show(q.object));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(QueryForms, DescribeGivesTheConciseBoundedDescription) {
  TurtleStore kg(R"(
    ex:nano ex:ram 256 ; ex:mcu [ ex:core "M4" ; ex:clock [ ex:mhz 64 ] ] ; ex:vendor ex:st .
    ex:st ex:name "ST" .
    ex:badge ex:ram 32 .
  )");
  // The IRI's own triples plus the blank nodes it leads to, not ex:st's.
  EXPECT_EQ(triples_of(kg.query("DESCRIBE ex:nano")),
            (std::vector<std::string>{"_ ex:clock _", "_ ex:core M4", "_ ex:mhz 64",
                                      "ex:nano ex:mcu _", "ex:nano ex:ram 256",
                                      "ex:nano ex:vendor ex:st"}));
  // Variables describe what they are bound to; resources listed twice once.
  EXPECT_EQ(triples_of(kg.query("DESCRIBE ?b ex:badge WHERE { ?b ex:ram ?r FILTER(?r < 100) }")),
            (std::vector<std::string>{"ex:badge ex:ram 32"}));
  EXPECT_EQ(triples_of(kg.query("DESCRIBE * WHERE { ?b ex:name ?n }")),
            (std::vector<std::string>{"ex:st ex:name ST"}));
  // Unknown resources and literals describe as nothing.
  EXPECT_EQ(triples_of(kg.query("DESCRIBE ex:nothing")), (std::vector<std::string>{}));
  EXPECT_EQ(triples_of(kg.query("DESCRIBE ?r WHERE { ex:badge ex:ram ?r }")),
            (std::vector<std::string>{}));
}

TEST(QueryForms, DescribeReadsTheQueryDefaultGraph) {
  TurtleStore kg(R"(
    ex:nano ex:ram 256 .
    GRAPH ex:g { ex:nano ex:flash 1024 . }
  )", rdf::Syntax::TriG);
  EXPECT_EQ(triples_of(kg.query("DESCRIBE ex:nano")),
            (std::vector<std::string>{"ex:nano ex:ram 256"}));
  EXPECT_EQ(triples_of(kg.query("DESCRIBE ex:nano FROM ex:g")),
            (std::vector<std::string>{"ex:nano ex:flash 1024"}));
}

TEST(QueryForms, DescribeNeedsSomethingToDescribe) {
  TurtleStore kg(kFleet);
  EXPECT_EQ(kg.error("DESCRIBE WHERE { ?s ?p ?o }"),
            "parse error at line 1, column 10: expected '*', variables or IRIs after DESCRIBE, "
            "found 'WHERE'");
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
