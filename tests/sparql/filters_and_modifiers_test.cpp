// End-to-end behaviour through run_select: numeric typing across datatypes
// (boards store integers, models decimals and doubles), regex, errors.
#include <gtest/gtest.h>

#include "turtle_store.h"

namespace tinykg::sparql::testing {
namespace {

const char* kMixedNumbers = R"(
  ex:board1 ex:ram 172 ; ex:flash 628 .
  ex:board2 ex:ram "109"^^xsd:int ; ex:flash 385 .
  ex:model1 ex:ram 116.3 ; ex:flash 5.31624e2 .
  ex:model2 ex:ram "8.8"^^xsd:decimal ; ex:flash "8.9e0"^^xsd:double .
  ex:model3 ex:ram "116"^^xsd:integer ; ex:flash 531 .
)";

TEST(NumericFilters, CompareByValueAcrossDatatypes) {
  TurtleStore kg(kMixedNumbers);
  EXPECT_EQ(kg.rows("SELECT ?x { ?x ex:ram ?r FILTER(?r >= 116) } ORDER BY ?r"),
            (Rows{{"ex:model3"}, {"ex:model1"}, {"ex:board1"}}));
  EXPECT_EQ(kg.rows("SELECT ?x { ?x ex:ram ?r ; ex:flash ?f FILTER(?r <= 127 && ?f <= 576) } "
                    "ORDER BY ?x"),
            (Rows{{"ex:board2"}, {"ex:model1"}, {"ex:model2"}, {"ex:model3"}}));
  EXPECT_EQ(kg.rows("SELECT ?x { ?x ex:ram ?r FILTER(?r = 116.0) }"), (Rows{{"ex:model3"}}));
  EXPECT_EQ(kg.rows("SELECT ?x { ?x ex:ram ?r FILTER(?r * 2 > 300) } ORDER BY ?x"),
            (Rows{{"ex:board1"}}));
}

TEST(NumericFilters, ComparisonWithAStringIsAnErrorSoTheRowIsDropped) {
  TurtleStore kg(R"(ex:a ex:v "116" . ex:b ex:v 116 .)");
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ex:v ?v FILTER(?v >= 100) }"), (Rows{{"ex:b"}}));
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ex:v ?v FILTER(?v >= 100 || true) } ORDER BY ?s"),
            (Rows{{"ex:a"}, {"ex:b"}}));
}

TEST(StringFilters, RegexWithCaseInsensitiveFlagOnLiteralsAndIris) {
  TurtleStore kg(R"(
    ex:m1 ex:description "a NN for speech commands recognition yes/no" ;
          ex:dataset <http://download.tensorflow.org/data/speech_commands_v0.02.tar.gz> .
    ex:m2 ex:description "Yes/No keyword spotting" ; ex:dataset <http://other/data> .
    ex:m3 ex:description "person detection" ;
          ex:dataset <http://x/Speech_Commands> .
  )");
  EXPECT_EQ(kg.rows(R"(SELECT ?m { ?m ex:description ?d FILTER(regex(?d, "yes/no", "i")) }
                       ORDER BY ?m)"),
            (Rows{{"ex:m1"}, {"ex:m2"}}));
  EXPECT_EQ(kg.rows(R"(SELECT ?m { ?m ex:description ?d FILTER(regex(?d, "yes/no")) })"),
            (Rows{{"ex:m1"}}));
  EXPECT_EQ(kg.rows(R"(SELECT ?m { ?m ex:description ?d ; ex:dataset ?ds
                         FILTER(regex(?d, "yes/no", "i") && regex(str(?ds), "speech_commands", "i")) })"),
            (Rows{{"ex:m1"}}));
  // regex on an IRI without str() is a type error: no rows, no failure.
  EXPECT_EQ(kg.rows(R"(SELECT ?m { ?m ex:dataset ?ds FILTER(regex(?ds, "speech")) })"), Rows{});
}

TEST(StringFilters, PlainStringComparisonAndLanguageTags) {
  TurtleStore kg(R"(ex:a ex:n "alpha" . ex:b ex:n "beta"^^xsd:string . ex:c ex:n "gamma"@en .)");
  EXPECT_EQ(kg.rows(R"(SELECT ?s { ?s ex:n ?n FILTER(?n < "c") } ORDER BY ?s)"),
            (Rows{{"ex:a"}, {"ex:b"}}));
  EXPECT_EQ(kg.rows(R"(SELECT ?s { ?s ex:n ?n FILTER(?n = "beta") })"), (Rows{{"ex:b"}}));
  EXPECT_EQ(kg.rows(R"(SELECT ?s { ?s ex:n ?n FILTER(lang(?n) = "en") })"), (Rows{{"ex:c"}}));
}

TEST(Errors, MalformedQueryReportsLineAndColumn) {
  TurtleStore kg("ex:a ex:b ex:c .");
  EXPECT_EQ(kg.error("SELECT ?s WHERE {\n  ?s ?p\n}"),
            "parse error at line 3, column 1: expected a variable or an RDF term, found '}'");
  EXPECT_EQ(kg.error("SELECT ?s WHERE { ?s ?p ?o FILTER(?o > ) }"),
            "parse error at line 1, column 40: expected an expression, found ')'");
}

TEST(Errors, UnsupportedConstructIsAClearErrorNotACrash) {
  TurtleStore kg("ex:a ex:b ex:c .");
  EXPECT_EQ(kg.error("SELECT ?s WHERE {\n  ?s ?p ?o .\n  SERVICE <x> { ?s ?q ?r }\n}"),
            "not supported yet: SERVICE at line 3, column 3");
}

}  // namespace
}  // namespace tinykg::sparql::testing
