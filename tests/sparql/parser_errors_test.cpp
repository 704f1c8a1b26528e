// Malformed and unsupported queries: the message names the problem and
// points at line and column.
#include <gtest/gtest.h>

#include "sparql/parser/parser.h"

namespace tinykg::sparql {
namespace {

std::string error_of(std::string_view q) {
  auto parsed = parse_query(q);
  return parsed.ok() ? "(parsed fine)" : parsed.error();
}

TEST(ParserErrors, MissingClosingBrace) {
  EXPECT_EQ(error_of("SELECT ?s WHERE {\n  ?s ?p ?o ."),
            "parse error at line 2, column 13: expected '}', found end of query");
}

TEST(ParserErrors, MissingDotBetweenTriples) {
  EXPECT_EQ(error_of("SELECT * {\n ?s ?p ?o ?a ?b ?c }"),
            "parse error at line 2, column 11: expected '.' or '}' after a triple pattern, "
            "found ?a");
}

TEST(ParserErrors, UndefinedPrefix) {
  EXPECT_EQ(error_of("SELECT * { ?s foaf:name ?n }"),
            "parse error at line 1, column 15: undefined prefix 'foaf:' (declare it with "
            "PREFIX foaf: <...>)");
}

TEST(ParserErrors, UnterminatedString) {
  EXPECT_EQ(error_of("SELECT * {\n ?s ?p \"abc }"),
            "parse error at line 2, column 8: unterminated string");
}

TEST(ParserErrors, UnexpectedCharacter) {
  EXPECT_EQ(error_of("SELECT * { ?s ?p ?o } ~"),
            "parse error at line 1, column 23: unexpected character '~'");
}

TEST(ParserErrors, NotASelect) {
  EXPECT_EQ(error_of("SELEKT * {}"),
            "parse error at line 1, column 1: expected SELECT, ASK, CONSTRUCT or DESCRIBE, found 'SELEKT'");
}

TEST(ParserErrors, BadExpressionAndArity) {
  EXPECT_EQ(error_of("SELECT * { FILTER(?a > ) }"),
            "parse error at line 1, column 24: expected an expression, found ')'");
  EXPECT_EQ(error_of("SELECT * { FILTER(regex(?a)) }"),
            "parse error at line 1, column 19: REGEX takes 2 to 3 arguments, got 1");
  EXPECT_EQ(error_of("SELECT * { } LIMIT x"),
            "parse error at line 1, column 20: expected a non-negative integer after LIMIT");
}

struct UnsupportedCase {
  const char* query;
  const char* message;
};

class ParserUnsupported : public ::testing::TestWithParam<UnsupportedCase> {};

TEST_P(ParserUnsupported, SaysWhatAndWhere) {
  EXPECT_EQ(error_of(GetParam().query), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Constructs, ParserUnsupported,
    ::testing::Values(
        UnsupportedCase{"SELECT * { SERVICE <x> { ?s ?p ?o } }",
                        "not supported yet: SERVICE at line 1, column 12"},
        UnsupportedCase{"INSERT DATA { <a> <b> <c> }",
                        "not supported yet: SPARQL Update (INSERT) at line 1, column 1"},
        UnsupportedCase{"SELECT * { ?s ?p ?o FILTER(SPARKLE(?s, ?o)) }",
                        "not supported yet: function SPARKLE at line 1, column 28"},
        UnsupportedCase{"SELECT * { ?s ?p ?o FILTER(<http://x/f>(?o)) }",
                        "not supported yet: function calls by IRI (casts) at line 1, column 28"}));

}  // namespace
}  // namespace tinykg::sparql

namespace tinykg::sparql {
namespace {

TEST(ParserErrors, DeepNestingIsAnErrorNotAStackOverflow) {
  std::string deep =
      "SELECT * { FILTER(" + std::string(100000, '(') + "1" + std::string(100000, ')') + ") }";
  EXPECT_NE(error_of(deep).find("nesting deeper than 256 levels"), std::string::npos);
  std::string groups = "SELECT * " + std::string(5000, '{') + std::string(5000, '}');
  EXPECT_NE(error_of(groups).find("nesting deeper than 256 levels"), std::string::npos);
  std::string negations = "SELECT * { FILTER(" + std::string(100000, '!') + "true) }";
  EXPECT_NE(error_of(negations).find("nesting deeper than 256 levels"), std::string::npos);
}

TEST(ParserErrors, ModerateNestingIsFine) {
  std::string q = "SELECT * { FILTER(" + std::string(50, '(') + "1" + std::string(50, ')') + ") }";
  EXPECT_EQ(error_of(q), "(parsed fine)");
}

}  // namespace
}  // namespace tinykg::sparql

namespace tinykg::sparql {
namespace {

TEST(ParserErrors, VeryLongOperatorChainsAreBounded) {
  std::string chain = "SELECT * { FILTER(1";
  for (int i = 0; i < 100000; ++i) chain += " + 1";
  chain += ") }";
  EXPECT_NE(error_of(chain).find("nesting deeper than 256 levels"), std::string::npos);
  std::string ors = "SELECT * { FILTER(?x = 1";
  for (int i = 0; i < 100; ++i) ors += " || ?x = " + std::to_string(i);
  EXPECT_EQ(error_of(ors + ") }"), "(parsed fine)");
}

}  // namespace
}  // namespace tinykg::sparql
