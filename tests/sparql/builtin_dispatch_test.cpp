// Every builtin still reaches its implementation now that calls dispatch on
// the Builtin resolved when the expression is built (algebra/builtin.h), not
// on the name per row. Expected values were produced by the name-dispatching
// engine; the W3C suite covers the functions' behaviour in depth.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "sparql/algebra/builtin.h"
#include "turtle_store.h"

namespace tinykg::sparql::testing {
namespace {

struct Case {
  const char* name;        // the builtin's name in all_builtins(), or "cast"
  const char* expression;  // SPARQL, with xsd: declared
  const char* expected;    // the bound value in N-Triples, XSD IRIs as xsd:name
};

// One call of each deterministic builtin.
const std::vector<Case>& cases() {
  static const std::vector<Case> k = {
      {"bound", R"x(BOUND(?unbound))x", R"x("false"^^xsd:boolean)x"},
      {"if", R"x(IF(1 < 2, "yes", "no"))x", R"x("yes")x"},
      {"coalesce", R"x(COALESCE(1/0, "second"))x", R"x("second")x"},
      {"in", R"x(2 IN (1, 2, 3))x", R"x("true"^^xsd:boolean)x"},
      {"notin", R"x(2 NOT IN (1, 3))x", R"x("true"^^xsd:boolean)x"},
      {"str", R"x(STR(<http://ex/a>))x", R"x("http://ex/a")x"},
      {"lang", R"x(LANG("chat"@fr))x", R"x("fr")x"},
      {"datatype", R"x(DATATYPE(1.5))x", R"x(xsd:decimal)x"},
      {"isiri", R"x(isIRI(<http://ex/a>))x", R"x("true"^^xsd:boolean)x"},
      {"isuri", R"x(isURI("a"))x", R"x("false"^^xsd:boolean)x"},
      {"isblank", R"x(isBlank(BNODE("x")))x", R"x("true"^^xsd:boolean)x"},
      {"isliteral", R"x(isLiteral("a"))x", R"x("true"^^xsd:boolean)x"},
      {"isnumeric", R"x(isNumeric(12))x", R"x("true"^^xsd:boolean)x"},
      {"sameterm", R"x(sameTerm(1, 1))x", R"x("true"^^xsd:boolean)x"},
      {"strlen", R"x(STRLEN("chat"))x", R"x("4"^^xsd:integer)x"},
      {"ucase", R"x(UCASE("chat"))x", R"x("CHAT")x"},
      {"lcase", R"x(LCASE("CHAT"))x", R"x("chat")x"},
      {"langmatches", R"x(LANGMATCHES("en-GB", "en"))x", R"x("true"^^xsd:boolean)x"},
      {"contains", R"x(CONTAINS("foobar", "oba"))x", R"x("true"^^xsd:boolean)x"},
      {"strstarts", R"x(STRSTARTS("foobar", "foo"))x", R"x("true"^^xsd:boolean)x"},
      {"strends", R"x(STRENDS("foobar", "bar"))x", R"x("true"^^xsd:boolean)x"},
      {"regex", R"x(REGEX("Accelerometer", "^acc", "i"))x", R"x("true"^^xsd:boolean)x"},
      {"concat", R"x(CONCAT("foo", "bar"))x", R"x("foobar")x"},
      {"substr", R"x(SUBSTR("foobar", 4, 2))x", R"x("ba")x"},
      {"strbefore", R"x(STRBEFORE("foobar", "bar"))x", R"x("foo")x"},
      {"strafter", R"x(STRAFTER("foobar", "foo"))x", R"x("bar")x"},
      {"replace", R"x(REPLACE("foobar", "o+", "0"))x", R"x("f0bar")x"},
      {"encode_for_uri", R"x(ENCODE_FOR_URI("a b/c"))x", R"x("a%20b%2Fc")x"},
      {"strdt", R"x(STRDT("12", xsd:integer))x", R"x("12"^^xsd:integer)x"},
      {"strlang", R"x(STRLANG("chat", "fr"))x", R"x("chat"@fr)x"},
      {"iri", R"x(IRI("http://ex/a"))x", R"x(<http://ex/a>)x"},
      {"uri", R"x(URI("http://ex/b"))x", R"x(<http://ex/b>)x"},
      {"abs", R"x(ABS(-3))x", R"x("3"^^xsd:integer)x"},
      {"ceil", R"x(CEIL(1.2))x", R"x("2.0"^^xsd:decimal)x"},
      {"floor", R"x(FLOOR(1.8))x", R"x("1.0"^^xsd:decimal)x"},
      {"round", R"x(ROUND(2.5))x", R"x("3.0"^^xsd:decimal)x"},
      {"year", R"x(YEAR("2026-12-07T06:02:00+01:30"^^xsd:dateTime))x", R"x("2026"^^xsd:integer)x"},
      {"month", R"x(MONTH("2026-12-07T06:02:00+01:30"^^xsd:dateTime))x", R"x("12"^^xsd:integer)x"},
      {"day", R"x(DAY("2026-12-07T06:02:00+01:30"^^xsd:dateTime))x", R"x("7"^^xsd:integer)x"},
      {"hours", R"x(HOURS("2026-12-07T06:02:00+01:30"^^xsd:dateTime))x", R"x("6"^^xsd:integer)x"},
      {"minutes", R"x(MINUTES("2026-12-07T06:02:00+01:30"^^xsd:dateTime))x",
        R"x("2"^^xsd:integer)x"},
      {"seconds", R"x(SECONDS("2026-12-07T06:02:07.5+01:30"^^xsd:dateTime))x",
        R"x("7.5"^^xsd:decimal)x"},
      {"timezone", R"x(TIMEZONE("2026-12-07T06:02:00+01:30"^^xsd:dateTime))x",
        R"x("PT1H30M"^^xsd:dayTimeDuration)x"},
      {"tz", R"x(TZ("2026-12-07T06:02:00+01:30"^^xsd:dateTime))x", R"x("+01:30")x"},
      {"md5", R"x(MD5("abc"))x", R"x("900150983cd24fb0d6963f7d28e17f72")x"},
      {"sha1", R"x(SHA1("abc"))x", R"x("a9993e364706816aba3e25717850c26c9cd0d89d")x"},
      {"sha256", R"x(SHA256("abc"))x",
        R"x("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")x"},
      {"sha384", R"x(SHA384("abc"))x",
        R"x("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358ba)x"
        R"x(eca134c825a7")x"},
      {"sha512", R"x(SHA512("abc"))x",
        R"x("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba)x"
        R"x(3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")x"},
      {"cast", R"x(xsd:integer("42"))x", R"x("42"^^xsd:integer)x"},
  };
  return k;
}

// The value of `expression` as N-Triples with XSD IRIs written xsd:name, or
// "UNBOUND" (an error in BIND).
std::string value_of(const TurtleStore& kg, const std::string& expression) {
  auto table = kg.table("SELECT ?v { BIND(" + expression + " AS ?v) }");
  if (!table) return "ERROR: " + table.error();
  if (table->rows.size() != 1) return "rows: " + std::to_string(table->rows.size());
  const auto& v = table->rows[0][0];
  if (!v) return "UNBOUND";
  static const std::regex xsd_iri("<http://www\\.w3\\.org/2001/XMLSchema#([A-Za-z]+)>");
  return std::regex_replace(v->to_ntriples(), xsd_iri, "xsd:$1");
}

TEST(BuiltinDispatch, EveryNameResolvesToItsOwnBuiltin) {
  std::set<Builtin> seen;
  for (const auto& [name, builtin] : all_builtins()) {
    EXPECT_EQ(builtin_of(name), builtin) << name;
    EXPECT_TRUE(seen.insert(builtin).second) << name << " shares its Builtin";
  }
  EXPECT_EQ(builtin_of("http://www.w3.org/2001/XMLSchema#integer"), Builtin::Unknown);
  EXPECT_EQ(builtin_of("nosuchfunction"), Builtin::Unknown);
}

TEST(BuiltinDispatch, EveryBuiltinComputesItsValue) {
  TurtleStore kg("ex:a ex:p 1 .");
  std::set<std::string> covered;
  for (const Case& c : cases()) {
    EXPECT_EQ(value_of(kg, c.expression), c.expected) << c.expression;
    covered.insert(c.name);
  }
  // The nondeterministic ones: the right kind of value.
  EXPECT_NE(value_of(kg, "RAND()").find("^^xsd:double"), std::string::npos);
  EXPECT_NE(value_of(kg, "NOW()").find("^^xsd:dateTime"), std::string::npos);
  EXPECT_EQ(value_of(kg, "UUID()").rfind("<urn:uuid:", 0), 0u);
  EXPECT_EQ(value_of(kg, "STRUUID()").size(), 38u);  // 36 characters in quotes
  EXPECT_EQ(value_of(kg, "BNODE()").rfind("_:", 0), 0u);
  covered.insert({"rand", "now", "uuid", "struuid", "bnode"});
  for (const auto& [name, builtin] : all_builtins()) {
    EXPECT_TRUE(covered.count(std::string(name))) << name << " has no case here";
  }
}

}  // namespace
}  // namespace tinykg::sparql::testing
