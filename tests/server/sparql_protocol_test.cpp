// SPARQL 1.1 Protocol behaviour, after the applicable cases of the W3C
// protocol tests (../shared/conformance/sparql11/protocol/manifest.ttl).
#include <algorithm>

#include "server_fixture.h"

namespace tinykg::server::testing {
namespace {

constexpr const char* kBoards = R"(
ex:b1 ex:ram 172 ; ex:name "Nano 33" .
ex:b2 ex:ram 256 ; ex:name "Pybadge" .
)";
constexpr const char* kQuery =
    "SELECT ?b ?ram WHERE { ?b <http://example.org/ram> ?ram } ORDER BY ?ram";

std::string encoded(const std::string& text) { return url_encode(text); }

class SparqlProtocol : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    load(kBoards);
  }
};

TEST_F(SparqlProtocol, QueryViaGetAnswersSparqlJson) {
  auto res = client().Get("/sparql?query=" + encoded(kQuery));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/sparql-results+json");
  auto body = json_body(res);
  EXPECT_EQ(body["head"]["vars"], (nlohmann::json{"b", "ram"}));
  ASSERT_EQ(body["results"]["bindings"].size(), 2u);
  EXPECT_EQ(body["results"]["bindings"][0]["b"]["value"], "http://example.org/b1");
  EXPECT_EQ(body["results"]["bindings"][1]["ram"]["value"], "256");
}

TEST_F(SparqlProtocol, QueryViaUrlEncodedPost) {
  auto res = client().Post("/sparql", "query=" + encoded(kQuery),
                           "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json_body(res)["results"]["bindings"].size(), 2u);
}

TEST_F(SparqlProtocol, QueryViaPostDirectly) {
  auto res = client().Post("/sparql", kQuery, "application/sparql-query");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json_body(res)["results"]["bindings"].size(), 2u);
}

TEST_F(SparqlProtocol, CsvAndTsvByContentNegotiation) {
  auto csv = client().Get("/sparql?query=" + encoded(kQuery), {{"Accept", "text/csv"}});
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body, "b,ram\r\nhttp://example.org/b1,172\r\nhttp://example.org/b2,256\r\n");

  auto tsv = client().Get("/sparql?query=" + encoded(kQuery),
                          {{"Accept", "text/tab-separated-values, text/csv;q=0.5"}});
  ASSERT_TRUE(tsv);
  EXPECT_EQ(tsv->get_header_value("Content-Type"), "text/tab-separated-values; charset=utf-8");
  EXPECT_EQ(tsv->body.substr(0, tsv->body.find('\n')), "?b\t?ram");
}

TEST_F(SparqlProtocol, BrowserAcceptGetsJson) {
  auto res = client().Get("/sparql?query=" + encoded(kQuery),
                          {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/sparql-results+json");
}

TEST_F(SparqlProtocol, UnacceptableFormatIs406) {
  auto res = client().Get("/sparql?query=" + encoded(kQuery), {{"Accept", "image/png"}});
  expect_problem(res, 406);
}

TEST_F(SparqlProtocol, XmlResultsOnRequest) {
  auto res = client().Get("/sparql?query=" + encoded(kQuery),
                          {{"Accept", "application/sparql-results+xml"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">"),
            std::string::npos)
      << res->body;
}

TEST_F(SparqlProtocol, InvalidQuerySyntaxIs400WithTheParserMessage) {
  auto res = client().Get("/sparql?query=" + encoded("SELECT ?x WHERE { ?x ?y }"));
  expect_problem(res, 400);
  EXPECT_NE(json_body(res)["detail"].get<std::string>().find("parse error"), std::string::npos);
}

TEST_F(SparqlProtocol, MoreThanOneQueryStringIs400) {
  // (httplib folds identical key=value pairs into one, so the two differ.)
  auto res = client().Get("/sparql?query=" + encoded(kQuery) + "&query=" +
                          encoded("SELECT * WHERE { ?s ?p ?o }"));
  expect_problem(res, 400);
}

TEST_F(SparqlProtocol, MissingQueryIs400) { expect_problem(client().Get("/sparql"), 400); }

TEST_F(SparqlProtocol, PostWithOtherMediaTypeIs415) {
  expect_problem(client().Post("/sparql", kQuery, "text/plain"), 415);
}

TEST_F(SparqlProtocol, UrlEncodedBodyWithoutFormMediaTypeIsRefused) {
  auto res = client().Post("/sparql", "query=" + encoded(kQuery), "text/plain");
  expect_problem(res, 415);
}

TEST_F(SparqlProtocol, DirectPostInUtf16Is400) {
  expect_problem(client().Post("/sparql", kQuery, "application/sparql-query; charset=UTF-16"),
                 400);
}

TEST_F(SparqlProtocol, OtherMethodsAre405) {
  auto res = client().Put("/sparql", kQuery, "application/sparql-query");
  expect_problem(res, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "GET, HEAD, POST, OPTIONS");
}

TEST_F(SparqlProtocol, UpdateViaGetIs400) {
  expect_problem(client().Get("/sparql?update=" + encoded("CLEAR ALL")), 400);
}

TEST_F(SparqlProtocol, UpdateNeedsAWriteTokenAndRunsAsOneTransaction) {
  expect_problem(client().Post("/sparql", "CLEAR ALL", "application/sparql-update"), 401);
  expect_problem(client().Post("/sparql", bearer(token(Role::Read)), "CLEAR ALL",
                               "application/sparql-update"),
                 403);
  EXPECT_EQ(quads(), 4u);  // nothing changed
  // A malformed request changes nothing, even after a valid first operation.
  auto bad = client().Post("/sparql", bearer(token(Role::Write)),
                           "update=" + encoded("CLEAR ALL ; INSERT DATA { <a> "),
                           "application/x-www-form-urlencoded");
  expect_problem(bad, 400);
  EXPECT_EQ(quads(), 4u);
  auto res = client().Post("/sparql", bearer(token(Role::Write)), "update=" + encoded("CLEAR ALL"),
                           "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_EQ(quads(), 0u);
}

TEST_F(SparqlProtocol, AskAnswersAsJsonAndXml) {
  httplib::Headers xml{{"Accept", "application/sparql-results+xml"}};
  auto res = client().Get("/sparql?query=" + encoded("ASK { ?s ?p ?o }"), xml);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("<boolean>true</boolean>"), std::string::npos) << res->body;
  auto json = client().Get("/sparql?query=" + encoded("ASK { ?s <http://nothing> ?o }"));
  ASSERT_TRUE(json);
  EXPECT_EQ(nlohmann::json::parse(json->body)["boolean"], false) << json->body;
}

// default-graph-uri / named-graph-uri replace the query's own dataset
// (Protocol 2.1.4): the boards in <g> answer, the default graph's do not.
TEST_F(SparqlProtocol, ProtocolDatasetReplacesTheDefaultGraph) {
  load("ex:b3 ex:ram 64 .", "http://example.org/g");
  auto res = client().Get("/sparql?query=" + encoded(kQuery) +
                          "&default-graph-uri=" + encoded("http://example.org/g"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto rows = json_body(res)["results"]["bindings"];
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["b"]["value"], "http://example.org/b3");

  const std::string named = "SELECT ?g ?b WHERE { GRAPH ?g { ?b ?p ?o } }";
  auto none = client().Get("/sparql?query=" + encoded(named) +
                           "&named-graph-uri=" + encoded("http://example.org/other"));
  ASSERT_TRUE(none);
  EXPECT_EQ(json_body(none)["results"]["bindings"].size(), 0u);
  auto one = client().Get("/sparql?query=" + encoded(named) +
                          "&named-graph-uri=" + encoded("http://example.org/g"));
  ASSERT_TRUE(one);
  EXPECT_EQ(json_body(one)["results"]["bindings"].size(), 1u);
}

TEST_F(SparqlProtocol, ConstructIsNegotiatedAsTurtleNTriplesOrJsonLd) {
  const std::string q = "CONSTRUCT { ?b <http://example.org/memory> ?ram } WHERE { ?b "
                        "<http://example.org/ram> ?ram }";
  auto ttl = client().Get("/sparql?query=" + encoded(q));
  ASSERT_TRUE(ttl);
  EXPECT_EQ(ttl->status, 200);
  EXPECT_EQ(ttl->get_header_value("Content-Type"), "text/turtle; charset=utf-8");
  EXPECT_NE(ttl->body.find("<http://example.org/memory>"), std::string::npos) << ttl->body;

  auto nt = client().Get("/sparql?query=" + encoded(q), {{"Accept", "application/n-triples"}});
  ASSERT_TRUE(nt);
  EXPECT_EQ(nt->get_header_value("Content-Type"), "application/n-triples; charset=utf-8");
  EXPECT_EQ(std::count(nt->body.begin(), nt->body.end(), '\n'), 2) << nt->body;

  auto jsonld = client().Get("/sparql?query=" + encoded(q), {{"Accept", "application/ld+json"}});
  ASSERT_TRUE(jsonld);
  EXPECT_EQ(jsonld->get_header_value("Content-Type"), "application/ld+json");
  auto doc = nlohmann::json::parse(jsonld->body);
  ASSERT_EQ(doc.size(), 2u) << jsonld->body;
  EXPECT_EQ(doc[0]["@id"], "http://example.org/b1");
  EXPECT_EQ(doc[0]["http://example.org/memory"][0]["@value"], "172");

  auto refused = client().Get("/sparql?query=" + encoded(q), {{"Accept", "text/csv"}});
  expect_problem(refused, 406);
}

TEST_F(SparqlProtocol, DescribeAnswersTheResourcesTriples) {
  auto res = client().Get("/sparql?query=" + encoded("DESCRIBE <http://example.org/b2>"),
                          {{"Accept", "application/n-triples"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(std::count(res->body.begin(), res->body.end(), '\n'), 2) << res->body;
  EXPECT_NE(res->body.find("\"Pybadge\""), std::string::npos) << res->body;
}

TEST_F(SparqlProtocol, LongResultsAreCutAtTheRowLimitAndSaySo) {
  options_.max_result_rows = 1;
  auto res = client().Get("/sparql?query=" + encoded(kQuery));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json_body(res)["results"]["bindings"].size(), 1u);
  EXPECT_EQ(res->get_header_value("Tinykg-Result-Truncated"), "1 of 2 rows");
}

TEST_F(SparqlProtocol, CorsHeadersOnlyForConfiguredOrigins) {
  options_.cors_origins = {"https://yasgui.example"};
  auto allowed = client().Get("/sparql?query=" + encoded(kQuery),
                              {{"Origin", "https://yasgui.example"}});
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), "https://yasgui.example");
  auto other = client().Get("/sparql?query=" + encoded(kQuery), {{"Origin", "https://evil.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  auto preflight = client().Options("/sparql", {{"Origin", "https://yasgui.example"},
                                                {"Access-Control-Request-Method", "POST"}});
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  EXPECT_NE(preflight->get_header_value("Access-Control-Allow-Headers").find("Authorization"),
            std::string::npos);
}

}  // namespace
}  // namespace tinykg::server::testing
