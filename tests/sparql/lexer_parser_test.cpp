// The parser on valid queries: what the parsed query holds.
#include <gtest/gtest.h>

#include "sparql/parser/iri_resolution.h"
#include "sparql/parser/lexer.h"
#include "sparql/parser/parser.h"

namespace tinykg::sparql {
namespace {

constexpr const char* kEx = "http://example.org/";

ParsedQuery parse_ok(std::string_view q) {
  auto parsed = parse_query(q);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error());
  return parsed.ok() ? std::move(parsed).value() : ParsedQuery{};
}

std::vector<std::string> triples_of(const ParsedQuery& q) {
  std::vector<std::string> out;
  for (const GroupElement& e : q.where.elements) {
    for (const TriplePattern& t : e.triples) out.push_back(t.to_string());
  }
  return out;
}

TEST(Lexer, LessThanIsAnIriOnlyWhenItFormsOne) {
  auto tokens = tokenize("FILTER(?x<10 && ?y <= 3) <http://a/b>");
  ASSERT_TRUE(tokens.ok());
  std::vector<std::string> texts;
  for (const Token& t : *tokens) texts.push_back(t.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"FILTER", "(", "x", "<", "10", "&&", "y", "<=", "3",
                                             ")", "http://a/b", ""}));
}

TEST(Lexer, TracksLineAndColumn) {
  auto tokens = tokenize("SELECT\n  ?x");
  ASSERT_TRUE(tokens.ok());
  EXPECT_EQ((*tokens)[1].line, 2);
  EXPECT_EQ((*tokens)[1].column, 3);
}

TEST(Parser, PrefixesSemicolonAndCommaLists) {
  auto q = parse_ok(R"(PREFIX ex: <http://example.org/>
    SELECT ?b ?r WHERE { ?b a ex:Board ; ex:sub ?x, ?y . ?x ex:ram ?r })");
  EXPECT_EQ(q.projection, (std::vector<std::string>{"b", "r"}));
  EXPECT_EQ(triples_of(q),
            (std::vector<std::string>{
                "?b <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Board>",
                "?b <http://example.org/sub> ?x", "?b <http://example.org/sub> ?y",
                "?x <http://example.org/ram> ?r"}));
}

TEST(Parser, BlankNodesBecomeHiddenVariables) {
  auto q = parse_ok(R"(PREFIX ex: <http://example.org/>
    SELECT * { ?b ex:sub [ a ex:Mcu ; ex:ram ?r ] . _:c ex:p [] })");
  EXPECT_EQ(triples_of(q),
            (std::vector<std::string>{"_:anon1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                                      "<http://example.org/Mcu>",
                                      "_:anon1 <http://example.org/ram> ?r",
                                      "?b <http://example.org/sub> _:anon1",
                                      "_:c <http://example.org/p> _:anon2"}));
  // SELECT * lists named variables only, in order of appearance.
  EXPECT_TRUE(q.select_all);
  EXPECT_EQ(q.visible_variables(), (std::vector<std::string>{"r", "b"}));
}

TEST(Parser, LiteralsOfEveryKind) {
  auto q = parse_ok(R"(PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
    SELECT * { ?s ?p "a\"b\n\u00e9", 'single', """long "quoted" text""", "chat"@fr-BE,
      "5"^^xsd:int, 42, -7, 4.5, 1.5e3, true, false })");
  std::vector<std::string> objects;
  for (const auto& t : q.where.elements[0].triples) objects.push_back(t.object.term.to_ntriples());
  EXPECT_EQ(objects, (std::vector<std::string>{
                         "\"a\\\"b\\n\xC3\xA9\"", "\"single\"", "\"long \\\"quoted\\\" text\"",
                         "\"chat\"@fr-be", "\"5\"^^<http://www.w3.org/2001/XMLSchema#int>",
                         "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                         "\"-7\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                         "\"4.5\"^^<http://www.w3.org/2001/XMLSchema#decimal>",
                         "\"1.5e3\"^^<http://www.w3.org/2001/XMLSchema#double>",
                         "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>",
                         "\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean>"}));
}

TEST(Parser, BaseResolvesRelativeIris) {
  auto q = parse_ok("BASE <http://example.org/a/b> PREFIX p: <c/> SELECT * { <x> p:y <../z> }");
  EXPECT_EQ(triples_of(q),
            (std::vector<std::string>{"<http://example.org/a/x> <http://example.org/a/c/y> "
                                      "<http://example.org/z>"}));
}

TEST(IriResolution, FollowsRfc3986) {
  EXPECT_EQ(resolve_iri("http://a/b/c/d;p?q", "g"), "http://a/b/c/g");
  EXPECT_EQ(resolve_iri("http://a/b/c/d;p?q", "../g"), "http://a/b/g");
  EXPECT_EQ(resolve_iri("http://a/b/c/d;p?q", "/g"), "http://a/g");
  EXPECT_EQ(resolve_iri("http://a/b/c/d;p?q", "#s"), "http://a/b/c/d;p?q#s");
  EXPECT_EQ(resolve_iri("http://a/b/c/d;p?q", "//g"), "http://g");
  EXPECT_EQ(resolve_iri("", "rel"), "rel");
  EXPECT_EQ(resolve_iri("http://a/b", "urn:x"), "urn:x");
}

TEST(Parser, FilterOrderLimitOffset) {
  auto q = parse_ok(R"(PREFIX ex: <http://example.org/>
    SELECT DISTINCT ?m WHERE { ?m ex:acc ?a . FILTER (?a >= 80 && regex(str(?m), "yes", "i")) }
    ORDER BY DESC(?a) ?m OFFSET 2 LIMIT 10)");
  EXPECT_TRUE(q.distinct);
  ASSERT_EQ(q.where.elements.size(), 2u);
  EXPECT_EQ(q.where.elements[1].filter->to_string(),
            "((?a >= \"80\"^^<http://www.w3.org/2001/XMLSchema#integer>) && "
            "regex(str(?m), \"yes\", \"i\"))");
  ASSERT_EQ(q.order_by.size(), 2u);
  EXPECT_TRUE(q.order_by[0].descending);
  EXPECT_FALSE(q.order_by[1].descending);
  EXPECT_EQ(q.limit, 10u);
  EXPECT_EQ(q.offset, 2u);
}

TEST(Parser, ExpressionPrecedence) {
  auto q = parse_ok("SELECT * { FILTER(!?a || ?b && 1 + 2 * -?c < 3 - -4) }");
  EXPECT_EQ(q.where.elements[0].filter->to_string(),
            "(!?a || (?b && ((\"1\"^^<http://www.w3.org/2001/XMLSchema#integer> + "
            "(\"2\"^^<http://www.w3.org/2001/XMLSchema#integer> * -?c)) < "
            "(\"3\"^^<http://www.w3.org/2001/XMLSchema#integer> - "
            "\"-4\"^^<http://www.w3.org/2001/XMLSchema#integer>))))");
}

TEST(Parser, KeywordsAreCaseInsensitiveButAIsNot) {
  auto q = parse_ok("select ?s where { ?s a ?c } order by asc(?s) limit 1");
  EXPECT_EQ(q.limit, 1u);
  EXPECT_FALSE(parse_query("SELECT ?s { ?s A ?c }").ok());
}

TEST(Parser, NestedGroupsAndComments) {
  auto q = parse_ok(R"(# leading comment
    SELECT ?s { ?s ?p ?o . { ?o ?q ?r } # trailing
    FILTER(bound(?r)) })");
  ASSERT_EQ(q.where.elements.size(), 3u);
  EXPECT_EQ(q.where.elements[1].kind, GroupElement::Kind::Group);
}

TEST(Parser, PrefixedNamesWithDotsAndEmptyPrefix) {
  auto q = parse_ok("PREFIX : <http://example.org/> SELECT * { :a.b :p :c. }");
  EXPECT_EQ(triples_of(q),
            (std::vector<std::string>{"<http://example.org/a.b> <http://example.org/p> "
                                      "<http://example.org/c>"}));
  (void)kEx;
}

}  // namespace
}  // namespace tinykg::sparql
