// Limits of the SPARQL engine (docs/limits.md): nesting in every recursive
// rule of the parser, and the bound on rows one query may hold in memory.
// The time limit is tested in query_forms_test.cpp (Limits.*).
#include <gtest/gtest.h>

#include <string>

#include "sparql/engine.h"
#include "turtle_store.h"

namespace tinykg::sparql::testing {
namespace {

bool mentions(const Status& st, std::string_view text) {
  return !st.ok() && st.error().find(text) != std::string::npos;
}

TEST(SparqlLimits, DeepPropertyPathsAreAnErrorNotAStackOverflow) {
  std::string path = std::string(100'000, '(') + "<http://e/p>" + std::string(100'000, ')');
  Status st = check_query_syntax("SELECT * { ?s " + path + " ?o }");
  EXPECT_TRUE(mentions(st, "nesting deeper than 256 levels")) << st.error();
  // '^' applies to one path element, so deep inversion needs groups: ^(^(^(...
  std::string inverses = "SELECT * { ?s ";
  for (int i = 0; i < 50'000; ++i) inverses += "^(";
  inverses += "<http://e/p>" + std::string(50'000, ')') + " ?o }";
  st = check_query_syntax(inverses);
  EXPECT_TRUE(mentions(st, "nesting deeper than 256 levels")) << st.error();
}

TEST(SparqlLimits, DeepSubqueriesAndCollectionsAreErrors) {
  std::string subqueries = "SELECT * ";
  for (int i = 0; i < 2000; ++i) subqueries += "{ SELECT * ";
  subqueries += "{ ?s ?p ?o }" + std::string(2000, '}');
  EXPECT_TRUE(mentions(check_query_syntax(subqueries), "nesting deeper than 256 levels"));
  std::string lists = "SELECT * { ?s ?p " + std::string(100'000, '(') + "1" +
                      std::string(100'000, ')') + " }";
  EXPECT_TRUE(mentions(check_query_syntax(lists), "nesting deeper than 256 levels"));
  std::string blanks = "SELECT * { ?s ?p ";
  for (int i = 0; i < 100'000; ++i) blanks += "[ ?p ";
  blanks += "1" + std::string(100'000, ']') + " }";
  EXPECT_TRUE(mentions(check_query_syntax(blanks), "nesting deeper than 256 levels"));
}

TEST(SparqlLimits, DeepUpdatesAreAnError) {
  std::string where = "DELETE { ?s ?p ?o } WHERE " + std::string(100'000, '{') + " ?s ?p ?o " +
                      std::string(100'000, '}');
  EXPECT_TRUE(mentions(check_update_syntax(where), "nesting deeper than 256 levels"));
  std::string data = "INSERT DATA { <http://e/s> <http://e/p> ";
  for (int i = 0; i < 100'000; ++i) data += "[ <http://e/p> ";
  data += "1" + std::string(100'000, ']') + " }";
  Status st = check_update_syntax(data);
  EXPECT_FALSE(st.ok());  // blank nodes are not allowed in INSERT DATA templates this deep
  EXPECT_TRUE(mentions(st, "nesting deeper than 256 levels") || mentions(st, "parse error"))
      << st.error();
}

// 40 subjects: a cross product of two patterns has 1,600 rows.
std::string forty_subjects() {
  std::string data;
  for (int i = 0; i < 40; ++i) data += "ex:n" + std::to_string(i) + " ex:p " + std::to_string(i) + " .\n";
  return data;
}

QueryOptions at_most(uint64_t rows) {
  QueryOptions options;
  options.max_rows_in_memory = rows;
  return options;
}

TEST(SparqlLimits, RowsHeldInMemoryAreBoundedWithAClearError) {
  TurtleStore kg(forty_subjects());
  const std::string expected =
      "query needs more than 1000 rows in memory (sorting, grouping, DISTINCT, joins and the "
      "result together); add LIMIT or narrow the patterns";
  for (const char* q : {
           "SELECT ?a ?b { ?a ex:p ?x . ?b ex:p ?y }",                      // the result
           "SELECT ?a ?b { ?a ex:p ?x . ?b ex:p ?y } ORDER BY ?x ?y LIMIT 1",  // a sort
           "SELECT ?x (COUNT(*) AS ?n) { ?a ex:p ?x . ?b ex:p ?y } GROUP BY ?x",  // groups
           "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?a ex:p ?x . ?b ex:p ?y } LIMIT 1",
       }) {
    auto result = kg.table(q, at_most(1000));
    ASSERT_FALSE(result.ok()) << q;
    EXPECT_EQ(result.error(), expected) << q;
  }
}

TEST(SparqlLimits, QueriesWithinTheBoundAreUnaffected) {
  TurtleStore kg(forty_subjects());
  auto result = kg.table("SELECT ?a ?b { ?a ex:p ?x . ?b ex:p ?y } ORDER BY ?x ?y", at_most(5000));
  ASSERT_TRUE(result.ok()) << result.error();
  EXPECT_EQ(result->rows.size(), 1600u);
  auto unlimited = kg.table("SELECT ?a ?b { ?a ex:p ?x . ?b ex:p ?y }", at_most(0));
  ASSERT_TRUE(unlimited.ok()) << unlimited.error();
  EXPECT_EQ(unlimited->rows.size(), 1600u);
  EXPECT_EQ(QueryOptions{}.max_rows_in_memory, 10'000'000u);  // the documented default
}

}  // namespace
}  // namespace tinykg::sparql::testing
