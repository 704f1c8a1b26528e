// Expression evaluation on constants: numeric typing, strings, error
// semantics, builtins, and the ORDER BY term ordering.
#include <gtest/gtest.h>

#include "sparql/exec/expression_eval.h"
#include "sparql/exec/term_order.h"
#include "sparql/parser/parser.h"

namespace tinykg::sparql::exec {
namespace {

// Evaluates the FILTER expression of "SELECT * { FILTER(<expr>) }" with no
// variables bound: "true", "false", "error" or the resulting term.
std::string eval(const std::string& expr) {
  auto q = parse_query("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT * { FILTER(" + expr +
                       ") }");
  if (!q) return "parse failure: " + q.error();
  ExecContext ctx(nullptr);
  Value v = evaluate(*q->where.elements[0].filter, Row{}, ctx);
  if (!v.ok()) return "error";
  if (v.term().datatype == rdf::xsd::kBoolean) return v.term().value;
  return v.term().to_ntriples();
}

TEST(NumericComparison, AcrossXsdTypes) {
  EXPECT_EQ(eval(R"("116"^^xsd:integer >= 116.0)"), "true");
  EXPECT_EQ(eval(R"("172"^^xsd:integer >= 116)"), "true");
  EXPECT_EQ(eval(R"("1.15e2"^^xsd:double >= 116)"), "false");
  EXPECT_EQ(eval(R"("10"^^xsd:int = 10.0)"), "true");
  EXPECT_EQ(eval(R"("7"^^xsd:long < "7.5"^^xsd:float)"), "true");
  EXPECT_EQ(eval(R"("531.624"^^xsd:decimal <= 576)"), "true");
  EXPECT_EQ(eval(R"(" 42 "^^xsd:integer = 42)"), "true");  // whitespace collapses
  EXPECT_EQ(eval(R"("NaN"^^xsd:double = "NaN"^^xsd:double)"), "false");
  EXPECT_EQ(eval(R"("NaN"^^xsd:double != 1)"), "true");
}

TEST(NumericComparison, InvalidLexicalFormIsAnError) {
  EXPECT_EQ(eval(R"("abc"^^xsd:integer > 1)"), "error");
  EXPECT_EQ(eval(R"("1.5"^^xsd:integer > 1)"), "error");
}

TEST(StringComparison, PlainAndXsdString) {
  EXPECT_EQ(eval(R"("abc" < "abd")"), "true");
  EXPECT_EQ(eval(R"("abc" = "abc"^^xsd:string)"), "true");
  EXPECT_EQ(eval(R"("b" >= "a")"), "true");
  EXPECT_EQ(eval(R"("chat"@en = "chat"@en)"), "true");
  EXPECT_EQ(eval(R"("chat"@en = "chat"@fr)"), "false");
  EXPECT_EQ(eval(R"("a"@en < "b"@en)"), "error");
}

TEST(Comparison, MixedTypes) {
  EXPECT_EQ(eval(R"(1 = "1")"), "error");  // unrelated literal types
  EXPECT_EQ(eval(R"(<http://a> = <http://a>)"), "true");
  EXPECT_EQ(eval(R"(<http://a> != <http://b>)"), "true");
  EXPECT_EQ(eval(R"(<http://a> < <http://b>)"), "error");
  EXPECT_EQ(eval(R"(<http://a> = "http://a")"), "false");
  EXPECT_EQ(eval(R"(true > false)"), "true");
}

TEST(ErrorSemantics, LogicalOperatorsAbsorbErrorsAsSpecified) {
  EXPECT_EQ(eval(R"((1 = "x") || true)"), "true");
  EXPECT_EQ(eval(R"(true || (1 = "x"))"), "true");
  EXPECT_EQ(eval(R"((1 = "x") || false)"), "error");
  EXPECT_EQ(eval(R"((1 = "x") && false)"), "false");
  EXPECT_EQ(eval(R"((1 = "x") && true)"), "error");
  EXPECT_EQ(eval(R"(!(1 = "x"))"), "error");
}

TEST(Arithmetic, PromotesTypes) {
  EXPECT_EQ(eval("1 + 2"), "\"3\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(eval("1 / 2"), "\"0.5\"^^<http://www.w3.org/2001/XMLSchema#decimal>");
  EXPECT_EQ(eval("2.5 * 2"), "\"5.0\"^^<http://www.w3.org/2001/XMLSchema#decimal>");
  EXPECT_EQ(eval("1 / 0"), "error");
  EXPECT_EQ(eval("1 + 2 = 3.0"), "true");
  EXPECT_EQ(eval("-(3) < 0"), "true");
  EXPECT_EQ(eval("1 + \"a\""), "error");
  EXPECT_EQ(eval("1.0e0 / 0 > 1"), "true");  // double division by zero is INF
}

TEST(Builtins, RegexWithCaseInsensitiveFlag) {
  EXPECT_EQ(eval(R"(regex("a NN for Yes/No words", "yes/no", "i"))"), "true");
  EXPECT_EQ(eval(R"(regex("a NN for Yes/No words", "yes/no"))"), "false");
  EXPECT_EQ(eval(R"(regex("speech_commands_v0.02", "^speech"))"), "true");
  EXPECT_EQ(eval(R"(regex("x", "(unclosed"))"), "error");
  EXPECT_EQ(eval(R"(regex("x", "x", "z"))"), "error");    // unknown flag
  EXPECT_EQ(eval(R"(regex(<http://x>, "x"))"), "error");  // IRIs need str()
  EXPECT_EQ(eval(R"(regex(str(<http://x/speech_commands>), "SPEECH", "i"))"), "true");
}

TEST(Builtins, TermInspection) {
  EXPECT_EQ(eval("str(<http://a/b>)"), "\"http://a/b\"");
  EXPECT_EQ(eval("str(42)"), "\"42\"");
  EXPECT_EQ(eval("isIRI(<http://a>)"), "true");
  EXPECT_EQ(eval("isLiteral(<http://a>)"), "false");
  EXPECT_EQ(eval("isLiteral(\"a\"@en)"), "true");
  EXPECT_EQ(eval("isNumeric(\"4\"^^xsd:byte)"), "true");
  EXPECT_EQ(eval("datatype(1.5)"), "<http://www.w3.org/2001/XMLSchema#decimal>");
  EXPECT_EQ(eval("datatype(\"x\")"), "<http://www.w3.org/2001/XMLSchema#string>");
  EXPECT_EQ(eval("lang(\"x\"@EN)"), "\"en\"");
  EXPECT_EQ(eval("langMatches(lang(\"x\"@en-GB), \"en\")"), "true");
  EXPECT_EQ(eval("sameTerm(1, 1.0)"), "false");
}

TEST(Builtins, Strings) {
  EXPECT_EQ(eval(R"(contains("speech_commands", "command"))"), "true");
  EXPECT_EQ(eval(R"(strStarts("speech", "sp"))"), "true");
  EXPECT_EQ(eval(R"(strEnds("speech", "ch"))"), "true");
  EXPECT_EQ(eval(R"(strlen("h\u00e9") = 2)"), "true");
  EXPECT_EQ(eval(R"(ucase("ab"@en))"), "\"AB\"@en");
  EXPECT_EQ(eval(R"(contains("a"@en, "a"@fr))"), "error");
}

TEST(EffectiveBooleanValue, OfLiterals) {
  EXPECT_EQ(eval("\"\""), "\"\"");  // the value itself...
  auto ebv = [](rdf::Term t) { return effective_boolean_value(Value::own(std::move(t))); };
  EXPECT_EQ(ebv(rdf::Term::literal("")), false);
  EXPECT_EQ(ebv(rdf::Term::literal("x")), true);
  EXPECT_EQ(ebv(rdf::Term::integer(0)), false);
  EXPECT_EQ(ebv(rdf::Term::literal("abc", std::string(rdf::xsd::kInteger))), false);
  EXPECT_EQ(ebv(rdf::Term::iri("http://a")), std::nullopt);
}

TEST(OrderBy, UnboundBlankIriLiteralNumbersByValue) {
  rdf::Term blank = rdf::Term::blank("b");
  rdf::Term iri = rdf::Term::iri("http://a");
  rdf::Term nine = rdf::Term::integer(9);
  rdf::Term ten = rdf::Term::literal("10.0", std::string(rdf::xsd::kDecimal));
  rdf::Term text = rdf::Term::literal("5");
  const rdf::Term* ascending[] = {nullptr, &blank, &iri, &nine, &ten, &text};
  for (size_t i = 0; i < std::size(ascending); ++i) {
    for (size_t j = 0; j < std::size(ascending); ++j) {
      int c = compare_for_order_by(ascending[i], ascending[j]);
      EXPECT_EQ(c < 0, i < j) << i << " vs " << j;
      EXPECT_EQ(c == 0, i == j) << i << " vs " << j;
    }
  }
}

}  // namespace
}  // namespace tinykg::sparql::exec
