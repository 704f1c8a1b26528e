// Parts of the remote backend that need no store: --store parsing, reading
// SPARQL JSON/XML results (with Virtuoso's quirks), skolem IRIs, the named
// graphs a request reads.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "kg/remote/named_graphs.h"
#include "kg/remote/remote_config.h"
#include "kg/remote/results_reader.h"
#include "kg/remote/skolem.h"
#include "sparql/parser/parser.h"

namespace tinykg::kg::remote {
namespace {

// By value: the callers pass a temporary Result.
sparql::ResultTable table_of(const Result<sparql::QueryResult>& r) {
  EXPECT_TRUE(r.ok()) << r.error();
  if (!r.ok() || !std::holds_alternative<sparql::ResultTable>(*r)) return {};
  return std::get<sparql::ResultTable>(*r);
}

TEST(StoreLocation, ParsesEmbeddedAndSparqlForms) {
  auto embedded = parse_store_location("embedded:/tmp/db");
  ASSERT_TRUE(embedded.ok());
  EXPECT_EQ(embedded->kind, StoreLocation::Kind::Embedded);
  EXPECT_EQ(embedded->db_dir, "/tmp/db");

  auto remote = parse_store_location(
      "sparql:http://h:8890/sparql,http://h:8890/update,gsp=http://h/gsp,graph=urn:g");
  ASSERT_TRUE(remote.ok()) << remote.error();
  EXPECT_EQ(remote->kind, StoreLocation::Kind::Sparql);
  EXPECT_EQ(remote->remote.query_url, "http://h:8890/sparql");
  EXPECT_EQ(remote->remote.write_url(), "http://h:8890/update");
  EXPECT_EQ(remote->remote.gsp_url, "http://h/gsp");
  EXPECT_EQ(remote->remote.default_graph, "urn:g");

  auto one_url = parse_store_location("sparql:https://h/sparql");
  ASSERT_TRUE(one_url.ok());
  EXPECT_EQ(one_url->remote.write_url(), "https://h/sparql");
  EXPECT_EQ(one_url->remote.default_graph, kDefaultGraphIri);
}

TEST(StoreLocation, RefusesBadValuesWithReason) {
  auto bare = parse_store_location("/tmp/db");
  ASSERT_FALSE(bare.ok());
  EXPECT_NE(bare.error().find("embedded:DIR or sparql:"), std::string::npos) << bare.error();
  auto not_http = parse_store_location("sparql:ftp://h/sparql");
  ASSERT_FALSE(not_http.ok());
  EXPECT_NE(not_http.error().find("not an http"), std::string::npos) << not_http.error();
  auto unknown = parse_store_location("sparql:http://h/sparql,colour=blue");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().find("colour=blue"), std::string::npos) << unknown.error();
}

TEST(StoreLocation, ReadsCredentials) {
  RemoteConfig config;
  ASSERT_TRUE(parse_credentials("basic:dba:se:cret", config).ok());
  EXPECT_EQ(config.auth_scheme, "basic");
  EXPECT_EQ(config.auth_user, "dba");
  EXPECT_EQ(config.auth_secret, "se:cret");
  ASSERT_TRUE(parse_credentials("bearer:tok", config).ok());
  EXPECT_EQ(config.auth_scheme, "bearer");
  EXPECT_EQ(config.auth_secret, "tok");
  EXPECT_FALSE(parse_credentials("dba:dba", config).ok());

  setenv("TINYKG_REMOTE_AUTH", "basic:u:p", 1);
  auto loc = parse_store_location("sparql:http://h/sparql");
  unsetenv("TINYKG_REMOTE_AUTH");
  ASSERT_TRUE(loc.ok());
  EXPECT_EQ(loc->remote.auth_user, "u");
  EXPECT_EQ(loc->remote.auth_secret, "p");
}

// As Virtuoso 7 writes it: "typed-literal", booleans as 1/0.
TEST(ResultsReader, ReadsVirtuosoJson) {
  const std::string json = R"({ "head": { "link": [], "vars": ["s", "n", "b", "l", "x"] },
    "results": { "distinct": false, "ordered": true, "bindings": [
      { "s": { "type": "uri", "value": "urn:a" },
        "n": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "5" },
        "b": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "1" },
        "l": { "type": "literal", "xml:lang": "EN", "value": "hi" } },
      { "s": { "type": "bnode", "value": "b0" },
        "x": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#string", "value": "plain" } } ] } })";
  const auto& t = table_of(read_results_json(json));
  ASSERT_EQ(t.variables, (std::vector<std::string>{"s", "n", "b", "l", "x"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][0], rdf::Term::iri("urn:a"));
  EXPECT_EQ(t.rows[0][1], rdf::Term::literal("5", std::string(rdf::xsd::kInteger)));
  EXPECT_EQ(t.rows[0][2], rdf::Term::boolean(true));
  EXPECT_EQ(t.rows[0][3], rdf::Term::literal("hi", "", "en"));
  EXPECT_FALSE(t.rows[0][4].has_value());
  EXPECT_EQ(t.rows[1][0], rdf::Term::blank("b0"));
  EXPECT_EQ(t.rows[1][4], rdf::Term::literal("plain"));  // xsd:string is a plain literal
}

TEST(ResultsReader, ReadsXmlAndBooleans) {
  const std::string xml = R"(<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">
 <head><variable name="p"/><variable name="o"/></head>
 <results distinct="false" ordered="true">
  <result>
   <binding name="p"><uri>urn:p&amp;q</uri></binding>
   <binding name="o"><literal datatype="http://www.w3.org/2001/XMLSchema#decimal">8.8</literal></binding>
  </result>
  <result><binding name="o"><literal xml:lang="de">&lt;Gr&#252;&#x00DF;e&gt;</literal></binding></result>
  <result><binding name="o"><literal/></binding></result>
 </results>
</sparql>)";
  const auto& t = table_of(read_results_xml(xml));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][0], rdf::Term::iri("urn:p&q"));
  EXPECT_EQ(t.rows[0][1], rdf::Term::literal("8.8", std::string(rdf::xsd::kDecimal)));
  EXPECT_FALSE(t.rows[1][0].has_value());
  EXPECT_EQ(t.rows[1][1], rdf::Term::literal("<Grüße>", "", "de"));
  EXPECT_EQ(t.rows[2][1], rdf::Term::literal(""));

  auto ask = read_results(R"(<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>
      <boolean>true</boolean></sparql>)", "application/sparql-results+xml");
  ASSERT_TRUE(ask.ok()) << ask.error();
  EXPECT_TRUE(std::get<bool>(*ask));
  auto ask_json = read_results(R"({"head": {}, "boolean": false})", "application/sparql-results+json");
  ASSERT_TRUE(ask_json.ok());
  EXPECT_FALSE(std::get<bool>(*ask_json));
}

TEST(ResultsReader, RefusesWhatIsNotResults) {
  auto html = read_results("<html><body>Service unavailable</body></html>", "text/html");
  EXPECT_FALSE(html.ok());
  auto xml = read_results_xml("<html><body>no</body></html>");
  EXPECT_FALSE(xml.ok());
  auto broken = read_results_json(R"({"head": {"vars": ["a"]}, "results": {"bindings": [{"a": {}}]}})");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().find("malformed"), std::string::npos) << broken.error();
}

TEST(Skolem, SameDocumentSameIriOtherDocumentOther) {
  const rdf::Term b = rdf::Term::blank("b0");
  const std::string scope1 = skolem_scope("doc one"), scope2 = skolem_scope("doc two");
  EXPECT_EQ(skolemize(b, scope1), skolemize(b, skolem_scope("doc one")));
  EXPECT_NE(skolemize(b, scope1), skolemize(b, scope2));
  const rdf::Term iri = skolemize(rdf::Term::blank("odd label.1"), scope1);
  EXPECT_TRUE(iri.is_iri());
  EXPECT_TRUE(iri.value.starts_with(kGenidBase));
  EXPECT_EQ(iri.value.find(' '), std::string::npos);
  EXPECT_TRUE(deskolemize(iri).is_blank());
  EXPECT_EQ(skolemize(rdf::Term::iri("urn:x"), scope1), rdf::Term::iri("urn:x"));
  EXPECT_EQ(deskolemize(rdf::Term::iri("urn:x")), rdf::Term::iri("urn:x"));

  ScopeHasher pieces;
  pieces.add("doc ");
  pieces.add("one");
  EXPECT_EQ(pieces.finish(), scope1);
}

TEST(ResultsReader, SkolemIrisReadBackAsBlankNodes) {
  const std::string iri = skolemize(rdf::Term::blank("x"), "abc").value;
  const std::string json = R"({"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": ")" +
                           iri + R"("}}]}})";
  EXPECT_TRUE(table_of(read_results_json(json)).rows[0][0]->is_blank());
  auto raw = read_results_json(json, {.deskolemize = false});
  EXPECT_TRUE(table_of(raw).rows[0][0]->is_iri());
}

TEST(NamedGraphs, FoundWhereverAQueryReadsThem) {
  auto parsed = sparql::parse_query(
      "SELECT * WHERE { GRAPH <urn:a> { ?s ?p ?o } OPTIONAL { GRAPH <urn:b> { ?s ?p ?x } } "
      "FILTER NOT EXISTS { GRAPH <urn:c> { ?s ?p ?o } } "
      "{ SELECT ?s WHERE { GRAPH <urn:d> { ?s ?p ?o } } } }");
  ASSERT_TRUE(parsed.ok()) << parsed.error();
  NamedGraphs graphs = named_graphs_of(*parsed);
  EXPECT_EQ(graphs.iris, (std::set<std::string>{"urn:a", "urn:b", "urn:c", "urn:d"}));
  EXPECT_FALSE(graphs.variable);

  auto plain = sparql::parse_query("SELECT * WHERE { ?s ?p ?o }");
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(named_graphs_of(*plain).any());
  auto variable =
      sparql::parse_query("SELECT * WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }");
  ASSERT_TRUE(variable.ok());
  EXPECT_TRUE(named_graphs_of(*variable).variable);
}

TEST(NamedGraphs, AnUpdateReadsItsWhereAndItsDeleteWherePattern) {
  auto parsed = sparql::parse_update(
      "INSERT DATA { GRAPH <urn:written> { <urn:s> <urn:p> 1 } } ;\n"
      "DELETE { GRAPH <urn:target> { ?s ?p ?o } } WHERE { GRAPH <urn:read> { ?s ?p ?o } } ;\n"
      "DELETE WHERE { GRAPH <urn:matched> { ?s ?p ?o } }");
  ASSERT_TRUE(parsed.ok()) << parsed.error();
  NamedGraphs graphs = named_graphs_of(*parsed);
  EXPECT_EQ(graphs.iris, (std::set<std::string>{"urn:matched", "urn:read"}));
  EXPECT_FALSE(graphs.variable);
}

}  // namespace
}  // namespace tinykg::kg::remote
