// SPARQL 1.1 Graph Store HTTP Protocol at /rdf-graphs (indirect graph
// identification), after ../shared/conformance/sparql11/graph-store-protocol.
#include <iterator>
#include <set>
#include <sstream>

#include "rdf/jsonld/jsonld.h"
#include "server_fixture.h"

namespace tinykg::server::testing {
namespace {

constexpr const char* kGraph = "http://example.org/graphs/boards";
constexpr const char* kTwoTriples =
    "<http://example.org/b1> <http://example.org/ram> \"172\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
    "<http://example.org/b2> <http://example.org/ram> \"256\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
constexpr const char* kOneTurtleTriple =
    "@prefix ex: <http://example.org/> .\nex:b3 ex:ram 512 .\n";

class GraphStore : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    writer_ = bearer(token(Role::Write));
  }
  std::string named() const { return "/rdf-graphs?graph=" + url_encode(kGraph); }
  httplib::Headers writer_;
};

TEST_F(GraphStore, PutCreatesThenReplaces) {
  auto created = client().Put(named(), writer_, kTwoTriples, "application/n-triples");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201);
  EXPECT_EQ(quads(), 2u);

  auto replaced = client().Put(named(), writer_, kOneTurtleTriple, "text/turtle");
  ASSERT_TRUE(replaced);
  EXPECT_EQ(replaced->status, 204);
  EXPECT_EQ(quads(), 1u);
}

TEST_F(GraphStore, GetReturnsTheGraphInTheNegotiatedSyntax) {
  ASSERT_EQ(client().Put(named(), writer_, kTwoTriples, "application/n-triples")->status, 201);
  auto nt = client().Get(named(), {{"Accept", "application/n-triples"}});
  ASSERT_TRUE(nt);
  EXPECT_EQ(nt->status, 200);
  EXPECT_EQ(nt->get_header_value("Content-Type"), "application/n-triples; charset=utf-8");
  EXPECT_EQ(nt->body, kTwoTriples);

  auto nq = client().Get(named(), {{"Accept", "application/n-quads"}});
  ASSERT_TRUE(nq);
  EXPECT_NE(nq->body.find("<http://example.org/graphs/boards> ."), std::string::npos) << nq->body;

  auto ttl = client().Get(named());  // no Accept: Turtle, the first offer
  ASSERT_TRUE(ttl);
  EXPECT_EQ(ttl->get_header_value("Content-Type"), "text/turtle; charset=utf-8");
  EXPECT_NE(ttl->body.find("<http://example.org/b1>"), std::string::npos) << ttl->body;
}

TEST_F(GraphStore, HeadHasTheHeadersButNoBody) {
  ASSERT_EQ(client().Put(named(), writer_, kTwoTriples, "application/n-triples")->status, 201);
  auto res = client().Head(named());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/turtle; charset=utf-8");
  EXPECT_TRUE(res->body.empty());
}

TEST_F(GraphStore, PostMergesIntoTheGraph) {
  ASSERT_EQ(client().Post(named(), writer_, kTwoTriples, "application/n-triples")->status, 201);
  auto merged = client().Post(named(), writer_, kOneTurtleTriple, "text/turtle");
  ASSERT_TRUE(merged);
  EXPECT_EQ(merged->status, 204);
  EXPECT_EQ(quads(), 3u);
}

TEST_F(GraphStore, QuadSyntaxBodiesLandInTheTargetGraph) {
  auto res = client().Put(named(), writer_,
                          "<http://example.org/s> <http://example.org/p> <http://example.org/o> "
                          "<http://example.org/elsewhere> .\n",
                          "application/n-quads");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201);
  auto nq = client().Get(named(), {{"Accept", "application/n-quads"}});
  EXPECT_NE(nq->body.find("<http://example.org/graphs/boards> ."), std::string::npos) << nq->body;
}

TEST_F(GraphStore, DeleteRemovesTheGraphThenItIsGone) {
  ASSERT_EQ(client().Put(named(), writer_, kTwoTriples, "application/n-triples")->status, 201);
  auto deleted = client().Delete(named(), writer_);
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 204);
  EXPECT_EQ(quads(), 0u);
  expect_problem(client().Get(named()), 404);
  expect_problem(client().Delete(named(), writer_), 404);
}

TEST_F(GraphStore, DefaultGraphIsItsOwnGraph) {
  load("ex:s ex:p ex:o .", "http://example.org/other");
  auto put = client().Put("/rdf-graphs?default", writer_, kTwoTriples, "application/n-triples");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 204);  // the default graph always exists
  auto got = client().Get("/rdf-graphs?default", {{"Accept", "application/n-triples"}});
  EXPECT_EQ(got->body, kTwoTriples);
  EXPECT_EQ(client().Delete("/rdf-graphs?default", writer_)->status, 204);
  EXPECT_EQ(quads(), 1u);  // the named graph is untouched
}

TEST_F(GraphStore, SyntaxErrorIs400AndWritesNothing) {
  ASSERT_EQ(client().Put(named(), writer_, kTwoTriples, "application/n-triples")->status, 201);
  auto res = client().Put(named(), writer_, "ex:broken ex:p", "text/turtle");
  expect_problem(res, 400);
  EXPECT_EQ(quads(), 2u);  // the PUT that failed did not clear the graph either
}

TEST_F(GraphStore, GraphMustBeNamedExactlyOnce) {
  expect_problem(client().Get("/rdf-graphs"), 400);
  expect_problem(client().Get("/rdf-graphs?default&graph=" + url_encode(kGraph)), 400);
  expect_problem(client().Get("/rdf-graphs?graph=not%20an%20iri"), 400);
}

// A JSON-LD body with a context, a typed and a language-tagged literal, and
// a relative @id that resolves against the target graph's IRI.
constexpr const char* kJsonLdBoards = R"({
  "@context": {"ex": "http://example.org/",
               "ram": {"@id": "ex:ram", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
               "label": {"@id": "ex:label", "@language": "en"}},
  "@graph": [
    {"@id": "ex:b1", "ram": "172", "label": "Nano"},
    {"@id": "b9", "@type": "ex:Board", "ex:next": {"@id": "ex:b1"}}
  ]})";
constexpr const char* kJsonLdBoardsAsNTriples[] = {
    "<http://example.org/b1> <http://example.org/ram> \"172\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
    "<http://example.org/b1> <http://example.org/label> \"Nano\"@en .",
    "<http://example.org/graphs/b9> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Board> .",
    "<http://example.org/graphs/b9> <http://example.org/next> <http://example.org/b1> .",
};

std::multiset<std::string> lines_of(const std::string& text) {
  std::multiset<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.insert(line);
  }
  return lines;
}

TEST_F(GraphStore, JsonLdBodyIsStoredAsItsTriples) {
  auto created = client().Put(named(), writer_, kJsonLdBoards, "application/ld+json");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201) << created->body;
  auto nt = client().Get(named(), {{"Accept", "application/n-triples"}});
  ASSERT_EQ(nt->status, 200);
  EXPECT_EQ(lines_of(nt->body), std::multiset<std::string>(std::begin(kJsonLdBoardsAsNTriples),
                                                           std::end(kJsonLdBoardsAsNTriples)))
      << nt->body;

  // POST merges; a @graph inside the document goes to the target graph too.
  auto merged = client().Post(
      named(), writer_,
      R"({"@id": "http://example.org/g", "@graph": {"@id": "http://example.org/b2", "http://example.org/ram": 256}})",
      "application/ld+json");
  ASSERT_TRUE(merged);
  EXPECT_EQ(merged->status, 204) << merged->body;
  EXPECT_EQ(quads(), 5u);

  // A syntax error stores nothing.
  auto bad = client().Put(named(), writer_, R"({"@id": 12})", "application/ld+json");
  expect_problem(bad, 400);
  EXPECT_EQ(quads(), 5u);
}

TEST_F(GraphStore, GetAsJsonLdReadsBackToTheSameTriples) {
  ASSERT_EQ(client().Put(named(), writer_, kJsonLdBoards, "application/ld+json")->status, 201);
  auto res = client().Get(named(), {{"Accept", "application/ld+json"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/ld+json");
  auto quads = rdf::jsonld_to_rdf(res->body, {});
  ASSERT_TRUE(quads.ok()) << quads.error() << "\n" << res->body;
  std::multiset<std::string> read_back;
  for (const rdf::Quad& q : *quads) {
    EXPECT_TRUE(q.graph.value.empty());  // the graph's triples, without its name
    read_back.insert(fmt::format("{} {} {} .", q.subject.to_ntriples(), q.predicate.to_ntriples(),
                                 q.object.to_ntriples()));
  }
  EXPECT_EQ(read_back, std::multiset<std::string>(std::begin(kJsonLdBoardsAsNTriples),
                                                  std::end(kJsonLdBoardsAsNTriples)))
      << res->body;
}

TEST_F(GraphStore, UnknownBodySyntaxIs415AndUnknownAcceptIs406) {
  expect_problem(client().Put(named(), writer_, "<a> <b> <c> .", "application/rdf+xml"), 415);
  load("ex:s ex:p ex:o .", kGraph);
  expect_problem(client().Get(named(), {{"Accept", "application/rdf+xml"}}), 406);
}

}  // namespace
}  // namespace tinykg::server::testing
