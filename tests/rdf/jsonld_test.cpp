#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "rdf/jsonld/jsonld.h"
#include "rdf/serd_io.h"
#include "rdf_isomorphism.h"
#include "test_support.h"

namespace tinykg::rdf {
namespace {

JsonLdOptions options(std::string base = "http://example.org/doc") {
  JsonLdOptions o;
  o.base = std::move(base);
  o.blank_prefix = "x";
  return o;
}

std::vector<Quad> to_rdf(std::string_view json, const JsonLdOptions& opts = options()) {
  auto r = jsonld_to_rdf(json, opts);
  EXPECT_TRUE(r.ok()) << r.error();
  return r.ok() ? *r : std::vector<Quad>{};
}

std::vector<Quad> nquads(std::string_view text) {
  auto r = testing::parse_nquads(text);
  EXPECT_TRUE(r.ok()) << r.error();
  return r.ok() ? *r : std::vector<Quad>{};
}

std::string error_of(std::string_view json, const JsonLdOptions& opts = options()) {
  auto r = jsonld_to_rdf(json, opts);
  EXPECT_FALSE(r.ok());
  return r.ok() ? std::string() : r.error();
}

bool contains(const std::vector<Quad>& quads, const std::string& s, const std::string& p,
              const Term& o) {
  return std::any_of(quads.begin(), quads.end(), [&](const Quad& q) {
    return q.subject.value == s && q.predicate.value == p && q.object == o;
  });
}

TEST(JsonLd, VocabAndTermsGiveTriples) {
  auto quads = to_rdf(R"({
    "@context": {"@vocab": "http://schema.org/", "knows": {"@type": "@id"}},
    "@id": "alice", "name": "Alice", "knows": "bob"})");
  EXPECT_TRUE(testing::isomorphic(quads, nquads(R"(
    <http://example.org/alice> <http://schema.org/name> "Alice" .
    <http://example.org/alice> <http://schema.org/knows> <http://example.org/bob> .
  )")));
}

TEST(JsonLd, NativeValuesUseXsdTypesAndCanonicalDouble) {
  auto quads = to_rdf(R"({"@id": "http://e/s", "http://e/p": [1, 1.1, true, 2.0, 1e21]})");
  EXPECT_TRUE(testing::isomorphic(quads, nquads(R"(
    <http://e/s> <http://e/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
    <http://e/s> <http://e/p> "1.1E0"^^<http://www.w3.org/2001/XMLSchema#double> .
    <http://e/s> <http://e/p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
    <http://e/s> <http://e/p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .
    <http://e/s> <http://e/p> "1.0E21"^^<http://www.w3.org/2001/XMLSchema#double> .
  )")));
}

TEST(JsonLd, LanguageMapsListsAndNamedGraphs) {
  auto quads = to_rdf(R"({
    "@context": {"@vocab": "http://e/", "label": {"@container": "@language"},
                 "steps": {"@container": "@list"}},
    "@id": "http://e/g",
    "@graph": [{"@id": "http://e/s", "label": {"en": "Board", "DE": "Platine"},
                "steps": ["a", "b"]}]})");
  EXPECT_TRUE(testing::isomorphic(quads, nquads(R"(
    <http://e/s> <http://e/label> "Board"@en <http://e/g> .
    <http://e/s> <http://e/label> "Platine"@de <http://e/g> .
    <http://e/s> <http://e/steps> _:l0 <http://e/g> .
    _:l0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "a" <http://e/g> .
    _:l0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l1 <http://e/g> .
    _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "b" <http://e/g> .
    _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> <http://e/g> .
  )")));
}

TEST(JsonLd, JsonLiteralIsCanonical) {
  auto quads = to_rdf(R"({"@context": {"data": {"@id": "http://e/data", "@type": "@json"}},
                          "@id": "http://e/s", "data": {"b": [1.0, 2.5], "a": null}})");
  ASSERT_EQ(quads.size(), 1u);
  EXPECT_EQ(quads[0].object.value, R"({"a":null,"b":[1,2.5]})");
  EXPECT_EQ(quads[0].object.datatype, "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON");
}

TEST(JsonLd, BlankNodesAreRelabelledWithThePrefix) {
  auto quads = to_rdf(R"({"@id": "_:mine", "http://e/p": {"@id": "_:other"}})");
  ASSERT_EQ(quads.size(), 1u);
  EXPECT_TRUE(quads[0].subject.is_blank());
  EXPECT_TRUE(quads[0].subject.value.starts_with("x"));
  EXPECT_NE(quads[0].subject.value, "mine");
}

TEST(JsonLd, FreshPrefixPerCallByDefault) {
  JsonLdOptions o;
  auto a = jsonld_to_rdf(R"({"http://e/p": "v"})", o);
  auto b = jsonld_to_rdf(R"({"http://e/p": "v"})", o);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE((*a)[0].subject.value, (*b)[0].subject.value);
}

TEST(JsonLd, ExpandKeepsExpandedForm) {
  auto r = jsonld_expand(R"({"@context": {"name": "http://schema.org/name"}, "name": "x"})",
                         options());
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(*r, nlohmann::json::parse(R"([{"http://schema.org/name": [{"@value": "x"}]}])"));
}

TEST(JsonLd, ReverseNestAndIncluded) {
  auto quads = to_rdf(R"({
    "@context": {"@vocab": "http://e/", "parentOf": {"@reverse": "http://e/child"},
                 "meta": "@nest"},
    "@id": "http://e/a",
    "parentOf": {"@id": "http://e/b"},
    "meta": {"label": "A"},
    "@included": [{"@id": "http://e/c", "label": "C"}]})");
  EXPECT_TRUE(testing::isomorphic(quads, nquads(R"(
    <http://e/b> <http://e/child> <http://e/a> .
    <http://e/a> <http://e/label> "A" .
    <http://e/c> <http://e/label> "C" .
  )")));
}

TEST(JsonLd, TypeScopedContextDoesNotPropagate) {
  auto quads = to_rdf(R"({
    "@context": {"@vocab": "http://e/",
                 "Board": {"@context": {"name": "http://board/name"}}},
    "@type": "Board", "name": "nano",
    "part": {"name": "mcu"}})");
  EXPECT_TRUE(testing::isomorphic(quads, nquads(R"(
    _:a <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/Board> .
    _:a <http://board/name> "nano" .
    _:a <http://e/part> _:b .
    _:b <http://e/name> "mcu" .
  )")));
}

TEST(JsonLd, DirectionAsCompoundLiteralOrDatatype) {
  const char* doc = R"({"@id": "http://e/s",
                        "http://e/p": {"@value": "abc", "@language": "ar", "@direction": "rtl"}})";
  EXPECT_TRUE(testing::isomorphic(to_rdf(doc), nquads(R"(
    <http://e/s> <http://e/p> "abc"@ar .
  )")));
  JsonLdOptions o = options();
  o.rdf_direction = RdfDirection::I18nDatatype;
  EXPECT_TRUE(testing::isomorphic(to_rdf(doc, o), nquads(R"(
    <http://e/s> <http://e/p> "abc"^^<https://www.w3.org/ns/i18n#ar_rtl> .
  )")));
  o.rdf_direction = RdfDirection::CompoundLiteral;
  EXPECT_TRUE(testing::isomorphic(to_rdf(doc, o), nquads(R"(
    <http://e/s> <http://e/p> _:l .
    _:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> "abc" .
    _:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#language> "ar" .
    _:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#direction> "rtl" .
  )")));
}

TEST(JsonLd, ExpandContextOptionAndImport) {
  JsonLdOptions o = options();
  o.expand_context = nlohmann::json::parse(R"({"@context": {"n": "http://e/n"}})");
  EXPECT_EQ(to_rdf(R"({"@id": "http://e/s", "n": "v"})", o).size(), 1u);

  BundledContextLoader loader;
  ASSERT_TRUE(loader.add("https://example.com/base", R"({"@context": {"n": "http://e/n"}})").ok());
  o = options();
  o.loader = &loader;
  auto quads = to_rdf(R"({"@context": {"@import": "https://example.com/base", "m": "http://e/m"},
                          "@id": "http://e/s", "n": 1, "m": 2})", o);
  EXPECT_EQ(quads.size(), 2u);
}

TEST(JsonLd, RelativeIrisResolveAgainstBaseAndUnresolvableOnesAreDropped) {
  auto quads = to_rdf(R"({"@id": "../x#frag", "http://e/p": {"@id": "y"}, "rel": "dropped"})",
                      options("http://example.org/a/b/doc"));
  ASSERT_EQ(quads.size(), 1u);
  EXPECT_EQ(quads[0].subject.value, "http://example.org/a/x#frag");
  EXPECT_EQ(quads[0].object.value, "http://example.org/a/b/y");
}

TEST(JsonLdErrors, CyclicTermDefinition) {
  EXPECT_EQ(jsonld_error_code(error_of(R"({"@context": {"a": "b:x", "b": "a:y"}, "a": 1})")),
            "cyclic IRI mapping");
}

TEST(JsonLdErrors, DeeplyNestedInputIsRejectedNotACrash) {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  EXPECT_EQ(jsonld_error_code(error_of(deep)), "loading document failed");
}

TEST(JsonLdErrors, BrokenJsonReportsLineAndColumn) {
  std::string e = error_of("{\n  \"a\": [1, 2\n}");
  EXPECT_EQ(jsonld_error_code(e), "loading document failed");
  EXPECT_NE(e.find("line 3"), std::string::npos) << e;
}

TEST(JsonLdErrors, InvalidIdCarriesCodeAndPointer) {
  std::string e = error_of(R"({"http://e/p": [{"@id": 5}]})");
  EXPECT_EQ(jsonld_error_code(e), "invalid @id value");
  EXPECT_NE(e.find("/http:~1~1e~1p/0/@id"), std::string::npos) << e;
}

TEST(JsonLdErrors, InvalidKeywordUses) {
  EXPECT_EQ(jsonld_error_code(error_of(R"({"@context": {"@context": {}}, "@id": "x"})")),
            "keyword redefinition");
  EXPECT_EQ(jsonld_error_code(error_of(R"({"http://e/p": {"@value": "x", "@language": 5}})")),
            "invalid language-tagged string");
  EXPECT_EQ(jsonld_error_code(error_of(R"({"http://e/p": {"@value": {"a": 1}}})")),
            "invalid value object value");
  EXPECT_EQ(jsonld_error_code(error_of(R"({"@type": 5, "http://e/p": 1})")), "invalid type value");
  EXPECT_EQ(jsonld_error_code(error_of(R"({"@context": {"p": {"@id": "http://e/p",
            "@container": "@bogus"}}, "p": 1})")), "invalid container mapping");
}

// Found by jsonld_fuzz: a keyword-like key ("@neno") in a type map expanded to a
// null @type, and toRdf ended the process on it. Such a key adds no type.
TEST(JsonLdRegressions, KeywordLikeKeyInATypeMapAddsNoType) {
  auto quads = jsonld_to_rdf(R"({
    "@context": {"@vocab": "http://example/", "typemap": {"@container": "@type"}},
    "typemap": {"@neno": {"label": "no type"}, "http://e/T": {"label": "typed"}}})",
                             {});
  ASSERT_TRUE(quads.ok()) << quads.error();
  size_t types = 0, labels = 0;
  for (const Quad& q : *quads) {
    types += q.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    labels += q.predicate.value == "http://example/label";
  }
  EXPECT_EQ(labels, 2u);
  EXPECT_EQ(types, 1u) << "only http://e/T is a type";
}

// Found by jsonld_fuzz in a TD whose "type" (an alias of @type) was "@prefixnumber":
// a keyword-like type expands to null and must give no triple, not end the process.
TEST(JsonLdRegressions, KeywordLikeTypeValueGivesNoTriple) {
  auto quads = jsonld_to_rdf(
      R"({"@context": {"type": "@type"}, "@id": "http://e/s", "type": ["@neno", "http://e/T"],
          "http://e/p": 1})",
      {});
  ASSERT_TRUE(quads.ok()) << quads.error();
  size_t types = 0;
  for (const Quad& q : *quads) {
    types += q.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  }
  EXPECT_EQ(quads->size(), 2u);
  EXPECT_EQ(types, 1u);
}

TEST(JsonLdErrors, ProtectedTermCannotBeRedefined) {
  EXPECT_EQ(jsonld_error_code(error_of(R"({"@context": [
      {"@protected": true, "p": "http://e/p"}, {"p": "http://e/other"}], "p": 1})")),
            "protected term redefinition");
}

TEST(JsonLdErrors, RemoteContextIsRefused) {
  std::string e = error_of(R"({"@context": "https://example.com/ctx.jsonld", "a": 1})");
  EXPECT_EQ(jsonld_error_code(e), "loading remote context failed");
  EXPECT_NE(e.find("remote context https://example.com/ctx.jsonld not loaded: network loading is "
                   "disabled (bundle the context or allow it in configuration)"),
            std::string::npos)
      << e;
}

TEST(JsonLdLoader, ServesEveryBundledContextAndAddedOnes) {
  BundledContextLoader loader;
  for (const char* url : {"https://www.w3.org/2019/wot/td/v1", "https://www.w3.org/2022/wot/td/v1.1",
                          "https://www.w3.org/2019/wot/security",
                          "https://www.w3.org/2019/wot/hypermedia",
                          "https://www.w3.org/2019/wot/json-schema"}) {
    auto doc = loader.load(url);
    ASSERT_TRUE(doc.ok()) << url << ": " << doc.error();
    EXPECT_TRUE(doc->document.contains("@context")) << url;
  }
  ASSERT_TRUE(loader.add("https://example.com/ctx", R"({"@context": {"n": "http://e/n"}})").ok());
  JsonLdOptions o = options();
  o.loader = &loader;
  auto quads = to_rdf(R"({"@context": "https://example.com/ctx", "@id": "http://e/s", "n": 1})", o);
  EXPECT_EQ(quads.size(), 1u);
  EXPECT_FALSE(loader.add("https://example.com/bad", "{nope").ok());
}

TEST(JsonLdThingDescription, BoardTdConvertsWithBundledContext) {
  std::ifstream in(testing::source_dir() + "/tests/rdf/data/arduino_nano_ble_33.td.jsonld");
  std::stringstream text;
  text << in.rdbuf();
  auto quads = to_rdf(text.str());
  const std::string thing = "http://tinyml-schema.org/tinyml-demo/arduino_nano_ble_33-322-000-000-002";
  const std::string td = "https://www.w3.org/2019/wot/td#";
  const std::string js = "https://www.w3.org/2019/wot/json-schema#";
  EXPECT_TRUE(contains(quads, thing, std::string(kRdfType), Term::iri(td + "Thing")));
  EXPECT_TRUE(contains(quads, thing, std::string(kRdfType), Term::iri("http://w3id.org/s3n/SmartSensor")));
  EXPECT_TRUE(contains(quads, thing, td + "title", Term::literal("Arduino Nano 33 BLE", {}, "en")));
  EXPECT_TRUE(contains(quads, thing, td + "titleInLanguage",
                       Term::literal("Arduino Nano 33 BLE Platine", {}, "de")));

  // The temperature affordance: typed as a sensor, with its schema and form.
  auto affordance = std::find_if(quads.begin(), quads.end(), [&](const Quad& q) {
    return q.predicate.value == std::string(kRdfType) &&
           q.object.value == "http://tinyml-schema.org/sosa_extend/Thermometer";
  });
  ASSERT_NE(affordance, quads.end());
  const std::string temp = affordance->subject.value;
  EXPECT_TRUE(contains(quads, thing, td + "hasPropertyAffordance", affordance->subject));
  EXPECT_TRUE(contains(quads, temp, js + "minimum", Term::integer(-40)));
  EXPECT_TRUE(contains(quads, temp, td + "isObservable", Term::boolean(true)));
  EXPECT_TRUE(contains(quads, temp, td + "name", Term::literal("temperature")));
  bool has_target = std::any_of(quads.begin(), quads.end(), [&](const Quad& q) {
    return q.predicate.value == "https://www.w3.org/2019/wot/hypermedia#hasTarget" &&
           q.object.value == thing + "/temperature";
  });
  EXPECT_TRUE(has_target);
}

TEST(JsonLdThingDescription, Td10ContextAlsoBundled) {
  auto quads = to_rdf(R"({"@context": "https://www.w3.org/2019/wot/td/v1",
      "id": "urn:dev:1", "title": "Lamp", "securityDefinitions": {"s": {"scheme": "nosec"}},
      "security": ["s"]})");
  EXPECT_TRUE(contains(quads, "urn:dev:1", "https://www.w3.org/2019/wot/td#title",
                       Term::literal("Lamp", {}, "en")));
}

}  // namespace
}  // namespace tinykg::rdf
