// Result writers on a hand-built table.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "rdf/jsonld/jsonld.h"
#include "sparql/results/graph_writer.h"
#include "sparql/results/writers.h"

namespace tinykg::sparql {
namespace {

ResultTable sample() {
  ResultTable t;
  t.variables = {"model", "ram", "note"};
  t.rows.push_back({rdf::Term::iri("http://ex/m1"),
                    rdf::Term::literal("8.8", std::string(rdf::xsd::kDecimal)),
                    rdf::Term::literal("say \"yes\", then go", {}, "en")});
  t.rows.push_back({rdf::Term::blank("b1"), rdf::Term::integer(116), std::nullopt});
  return t;
}

template <typename Writer>
std::string render(Writer writer) {
  std::ostringstream out;
  writer(out, sample());
  return out.str();
}

TEST(Results, TextTable) {
  EXPECT_EQ(render(write_table),
            "| ?model         | ?ram | ?note                     |\n"
            "|----------------|------|---------------------------|\n"
            "| <http://ex/m1> | 8.8  | \"say \\\"yes\\\", then go\"@en |\n"
            "| _:b1           | 116  |                           |\n"
            "2 rows\n");
}

TEST(Results, SparqlJson) {
  EXPECT_EQ(render(write_json),
            "{\"head\":{\"vars\":[\"model\",\"ram\",\"note\"]},\"results\":{\"bindings\":[\n"
            "{\"model\":{\"type\":\"uri\",\"value\":\"http://ex/m1\"},"
            "\"ram\":{\"type\":\"literal\",\"value\":\"8.8\",\"datatype\":"
            "\"http://www.w3.org/2001/XMLSchema#decimal\"},"
            "\"note\":{\"type\":\"literal\",\"value\":\"say \\\"yes\\\", then "
            "go\",\"xml:lang\":\"en\"}},\n"
            "{\"model\":{\"type\":\"bnode\",\"value\":\"b1\"},"
            "\"ram\":{\"type\":\"literal\",\"value\":\"116\",\"datatype\":"
            "\"http://www.w3.org/2001/XMLSchema#integer\"}}\n"
            "]}}\n");
}

TEST(Results, Csv) {
  EXPECT_EQ(render(write_csv),
            "model,ram,note\r\n"
            "http://ex/m1,8.8,\"say \"\"yes\"\", then go\"\r\n"
            "_:b1,116,\r\n");
}

TEST(Results, Tsv) {
  EXPECT_EQ(render(write_tsv),
            "?model\t?ram\t?note\n"
            "<http://ex/m1>\t\"8.8\"^^<http://www.w3.org/2001/XMLSchema#decimal>\t"
            "\"say \\\"yes\\\", then go\"@en\n"
            "_:b1\t\"116\"^^<http://www.w3.org/2001/XMLSchema#integer>\t\n");
}

TEST(Results, ParseResultFormat) {
  EXPECT_EQ(*parse_result_format("JSON"), ResultFormat::Json);
  EXPECT_EQ(*parse_result_format("table"), ResultFormat::Table);
  EXPECT_EQ(*parse_result_format("tsv"), ResultFormat::Tsv);
  EXPECT_EQ(*parse_result_format("XML"), ResultFormat::Xml);
  EXPECT_EQ(parse_result_format("yaml").error(),
            "unknown result format 'yaml' (use table, json, csv, tsv or xml)");
}

TEST(Results, XmlFollowsTheW3CFormat) {
  ResultTable t;
  t.variables = {"x", "n"};
  t.rows.push_back({rdf::Term::iri("http://ex/a&b"), rdf::Term::literal("1 < 2", {}, "en")});
  t.rows.push_back({rdf::Term::blank("b0"), std::nullopt});
  std::ostringstream out;
  write_xml(out, t);
  EXPECT_EQ(out.str(),
            "<?xml version=\"1.0\"?>\n"
            "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
            "  <head>\n    <variable name=\"x\"/>\n    <variable name=\"n\"/>\n  </head>\n"
            "  <results>\n"
            "    <result>\n"
            "      <binding name=\"x\"><uri>http://ex/a&amp;b</uri></binding>\n"
            "      <binding name=\"n\"><literal xml:lang=\"en\">1 &lt; 2</literal></binding>\n"
            "    </result>\n"
            "    <result>\n"
            "      <binding name=\"x\"><bnode>b0</bnode></binding>\n"
            "    </result>\n"
            "  </results>\n</sparql>\n");
  std::ostringstream ask;
  write_boolean(ask, true, ResultFormat::Json);
  EXPECT_EQ(ask.str(), "{\"head\":{},\"boolean\":true}\n");
}

TEST(Results, ConstructGraphAsNTriples) {
  std::ostringstream out;
  write_graph(out,
              {rdf::Quad{rdf::Term::iri("http://ex/s"), rdf::Term::iri("http://ex/p"),
                         rdf::Term::integer(7), rdf::Term::iri("")}},
              GraphFormat::NTriples);
  EXPECT_EQ(out.str(),
            "<http://ex/s> <http://ex/p> \"7\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
}

// JSON-LD output is only right if a JSON-LD processor reads the same triples
// back: types, language tags, datatypes, plain strings, blank nodes, graphs.
TEST(Results, GraphAsJsonLdReadsBackToTheSameQuads) {
  using rdf::Term;
  const Term s = Term::iri("http://ex/s"), b = Term::blank("b0"), dflt = Term::iri("");
  std::vector<rdf::Quad> graph = {
      {s, Term::iri(std::string(rdf::kRdfType)), Term::iri("http://ex/Board"), dflt},
      {s, Term::iri("http://ex/name"), Term::literal("Nano", "", "en"), dflt},
      {s, Term::iri("http://ex/label"), Term::literal("plain"), dflt},
      {s, Term::iri("http://ex/ram"), Term::integer(256), dflt},
      {s, Term::iri("http://ex/mcu"), b, dflt},
      {b, Term::iri("http://ex/clock"), Term::decimal(64.5), dflt},
      {s, Term::iri("http://ex/in"), Term::iri("http://ex/o"), Term::iri("http://ex/g")},
  };
  std::ostringstream out;
  write_graph(out, graph, GraphFormat::JsonLd);
  auto back = rdf::jsonld_to_rdf(out.str(), {});
  ASSERT_TRUE(back.ok()) << back.error() << "\n" << out.str();
  auto key = [](const rdf::Quad& q) {
    // Blank node labels may change; this graph has one, so name it by role.
    auto name = [](const Term& t) { return t.is_blank() ? std::string("_:b") : t.to_ntriples(); };
    return name(q.subject) + " " + name(q.predicate) + " " + name(q.object) + " " +
           (q.in_default_graph() ? "" : q.graph.to_ntriples());
  };
  std::multiset<std::string> expected, actual;
  for (const auto& q : graph) expected.insert(key(q));
  for (const auto& q : *back) actual.insert(key(q));
  EXPECT_EQ(actual, expected) << out.str();
}

TEST(Results, GraphFormatNames) {
  EXPECT_EQ(graph_format_from_name("jsonld"), GraphFormat::JsonLd);
  EXPECT_EQ(graph_format_from_name("ntriples"), GraphFormat::NTriples);
  EXPECT_EQ(graph_format_from_name("turtle"), GraphFormat::Turtle);
  EXPECT_FALSE(graph_format_from_name("json"));
  EXPECT_EQ(graph_media_type(GraphFormat::JsonLd), "application/ld+json");
}

TEST(Results, WriteResultsDispatches) {
  std::ostringstream a, b;
  write_results(a, sample(), ResultFormat::Csv);
  write_csv(b, sample());
  EXPECT_EQ(a.str(), b.str());
}

}  // namespace
}  // namespace tinykg::sparql
