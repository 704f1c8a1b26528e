#include "rdf/serd_io.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "test_support.h"

namespace tinykg::rdf {
namespace {

std::vector<Quad> parse(std::string_view text, Syntax syntax, Status* status = nullptr) {
  std::vector<Quad> quads;
  Status st = read_rdf_string(text, syntax, [&](const Quad& q) { quads.push_back(q); },
                              {"http://example.org/base/", "b_"}, "test.ttl");
  if (status) *status = st;
  else EXPECT_TRUE(st.ok()) << st.error();
  return quads;
}

TEST(SerdIo, TurtleExpandsPrefixesListsAndTypedLiterals) {
  auto quads = parse(R"(
    @prefix ex: <http://example.org/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    ex:board a ex:Board ; ex:ram 172, 96 ; ex:name "Nano"@en ; ex:ok true ;
      ex:part [ a ex:Mcu ] .
    <rel> ex:x 1.5 .
  )", Syntax::Turtle);
  ASSERT_EQ(quads.size(), 8u);
  EXPECT_EQ(quads[0].subject, Term::iri("http://example.org/board"));
  EXPECT_EQ(quads[0].predicate, Term::iri(std::string(kRdfType)));
  EXPECT_EQ(quads[1].object, Term::literal("172", std::string(xsd::kInteger)));
  EXPECT_EQ(quads[3].object, Term::literal("Nano", "", "en"));
  EXPECT_EQ(quads[4].object, Term::literal("true", std::string(xsd::kBoolean)));
  EXPECT_TRUE(quads[5].object.is_blank());
  EXPECT_EQ(quads[5].object, quads[6].subject);
  EXPECT_EQ(quads[7].subject, Term::iri("http://example.org/base/rel"));
  EXPECT_EQ(quads[7].object, Term::literal("1.5", std::string(xsd::kDecimal)));
  EXPECT_TRUE(quads[0].in_default_graph());
}

TEST(SerdIo, TrigAndNQuadsCarryGraphNames) {
  auto trig = parse("<http://g> { <http://s> <http://p> <http://o> . }", Syntax::TriG);
  ASSERT_EQ(trig.size(), 1u);
  EXPECT_EQ(trig[0].graph, Term::iri("http://g"));
  auto nq = parse("<http://s> <http://p> \"v\" <http://g2> .\n", Syntax::NQuads);
  ASSERT_EQ(nq.size(), 1u);
  EXPECT_EQ(nq[0].graph, Term::iri("http://g2"));
}

TEST(SerdIo, SyntaxErrorReportsFileLineAndColumn) {
  Status st;
  parse("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c ;; ex:d .\nex:e ex:f", Syntax::Turtle,
        &st);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().rfind("test.ttl:", 0), 0u) << st.error();
  EXPECT_NE(st.error().find(":2:"), std::string::npos) << st.error();
}

TEST(SerdIo, UndefinedPrefixIsAnError) {
  Status st;
  parse("nope:a nope:b nope:c .", Syntax::Turtle, &st);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().find("nope"), std::string::npos) << st.error();
}

TEST(SerdIo, MissingFileIsAClearError) {
  Status st = read_rdf_file("/nonexistent/x.ttl", Syntax::Turtle, [](const Quad&) {});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error(), "cannot open '/nonexistent/x.ttl': No such file or directory");
}

TEST(SerdIo, BlankNodesOfTwoReadsNeverMerge) {
  std::vector<Quad> a, b;
  ASSERT_TRUE(read_rdf_string("[] <http://p> 1 .", Syntax::Turtle,
                              [&](const Quad& q) { a.push_back(q); }).ok());
  ASSERT_TRUE(read_rdf_string("[] <http://p> 1 .", Syntax::Turtle,
                              [&](const Quad& q) { b.push_back(q); }).ok());
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_NE(a[0].subject, b[0].subject);
}

TEST(SerdIo, WriteThenReadRoundTripsInEverySyntax) {
  std::vector<Quad> quads = parse(R"(
    @prefix ex: <http://example.org/> .
    ex:s ex:p "multi\nline \"quoted\"" , "x"@de , 42 , ex:o ; ex:q [ ex:r "é" ] .
  )", Syntax::Turtle);
  for (Syntax syntax : {Syntax::Turtle, Syntax::NTriples, Syntax::NQuads, Syntax::TriG}) {
    std::ostringstream out;
    {
      RdfWriter writer(out, syntax);
      writer.add_prefix("ex", "http://example.org/");
      for (const Quad& q : quads) writer.write(q);
    }
    std::vector<Quad> back;
    Status st = read_rdf_string(out.str(), syntax, [&](const Quad& q) { back.push_back(q); },
                                {"", "b_"});
    ASSERT_TRUE(st.ok()) << st.error() << "\n" << out.str();
    ASSERT_EQ(back.size(), quads.size()) << out.str();
    for (size_t i = 0; i < quads.size(); ++i) {
      EXPECT_EQ(back[i].predicate, quads[i].predicate);
      if (!quads[i].object.is_blank()) {
        EXPECT_EQ(back[i].object, quads[i].object) << out.str();
      }
    }
  }
}

TEST(SerdIo, SyntaxForPath) {
  EXPECT_EQ(syntax_for_path("a/b.TTL"), Syntax::Turtle);
  EXPECT_EQ(syntax_for_path("x.nq"), Syntax::NQuads);
  EXPECT_EQ(syntax_for_path("x.trig"), Syntax::TriG);
  EXPECT_EQ(syntax_for_path("x.nt"), Syntax::NTriples);
  EXPECT_FALSE(syntax_for_path("x.json").has_value());
}

}  // namespace
}  // namespace tinykg::rdf
