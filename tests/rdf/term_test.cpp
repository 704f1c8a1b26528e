#include "rdf/term.h"

#include <gtest/gtest.h>

namespace tinykg::rdf {
namespace {

TEST(Term, EncodeDecodeRoundTripsEveryKind) {
  const Term terms[] = {
      Term::iri("http://example.org/a"),
      Term::blank("b1"),
      Term::literal("plain"),
      Term::literal("hallo", "", "DE"),
      Term::literal("42", std::string(xsd::kInteger)),
      Term::literal(std::string("with\0nul", 8), std::string(xsd::kString)),
      Term::literal(""),
  };
  for (const Term& t : terms) {
    EXPECT_EQ(Term::decode(t.encode()), t) << t.to_ntriples();
  }
}

TEST(Term, XsdStringIsThePlainLiteral) {
  EXPECT_EQ(Term::literal("a", std::string(xsd::kString)), Term::literal("a"));
  EXPECT_EQ(Term::literal("a").effective_datatype(), xsd::kString);
  EXPECT_EQ(Term::literal("a", "", "en").effective_datatype(), kRdfLangString);
}

TEST(Term, LanguageTagsAreLowerCased) {
  EXPECT_EQ(Term::literal("x", "", "EN-us").lang, "en-us");
}

TEST(Term, NTriplesEscapesQuotesAndControlCharacters) {
  EXPECT_EQ(Term::literal("a\"b\\c\nd").to_ntriples(), R"("a\"b\\c\nd")");
  EXPECT_EQ(Term::integer(-7).to_ntriples(),
            "\"-7\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(Term::blank("x").to_ntriples(), "_:x");
}

TEST(Term, DecimalHasNoExponentAndKeepsAFraction) {
  EXPECT_EQ(Term::decimal(8.8).value, "8.8");
  EXPECT_EQ(Term::decimal(116.48).value, "116.48");
  EXPECT_EQ(Term::decimal(3).value, "3.0");
  EXPECT_EQ(Term::decimal(0.921).value, "0.921");
}

}  // namespace
}  // namespace tinykg::rdf
