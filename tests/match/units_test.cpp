// Memory figures: numbers of any XSD numeric type, units, formatting.
#include <gtest/gtest.h>

#include "kg/vocabulary.h"
#include "match/units.h"

namespace tinykg::match {
namespace {

rdf::Term lit(std::string lexical, std::string_view type) {
  return rdf::Term::literal(std::move(lexical), std::string(type));
}
rdf::Term om(std::string_view local) { return kg::vocab::term(kg::vocab::kOm, local); }

TEST(NumericValue, ReadsEveryNumericType) {
  EXPECT_EQ(numeric_value(lit("172", rdf::xsd::kInteger)), 172.0);
  EXPECT_EQ(numeric_value(lit("116.536", rdf::xsd::kDecimal)), 116.536);
  EXPECT_EQ(numeric_value(lit("1.16536E2", rdf::xsd::kDouble)), 116.536);
  EXPECT_EQ(numeric_value(lit("96", rdf::xsd::kFloat)), 96.0);
  EXPECT_EQ(numeric_value(lit("+64", "http://www.w3.org/2001/XMLSchema#int")), 64.0);
  EXPECT_EQ(numeric_value(lit("1024", "http://www.w3.org/2001/XMLSchema#unsignedLong")), 1024.0);
}

TEST(NumericValue, RefusesWhatIsNotANumber) {
  EXPECT_FALSE(numeric_value(lit("172", rdf::xsd::kString)));  // a string, even if it looks numeric
  EXPECT_FALSE(numeric_value(lit("lots", rdf::xsd::kInteger)));
  EXPECT_FALSE(numeric_value(lit("12kB", rdf::xsd::kDecimal)));
  EXPECT_FALSE(numeric_value(rdf::Term::iri("http://example.org/172")));
}

TEST(MemoryFigure, NoUnitMeansKilobytes) {
  MemoryFigure f = memory_figure(lit("172", rdf::xsd::kInteger), nullptr);
  ASSERT_TRUE(f.known());
  EXPECT_EQ(f.kilobytes, 172.0);
}

TEST(MemoryFigure, ConvertsOmUnits) {
  auto kb = [](const rdf::Term& v, const rdf::Term& unit) {
    return memory_figure(v, &unit).kilobytes;
  };
  EXPECT_DOUBLE_EQ(kb(lit("96", rdf::xsd::kInteger), om("kilobyte")), 96.0);
  EXPECT_DOUBLE_EQ(kb(lit("116536", rdf::xsd::kInteger), om("byte")), 116.536);
  EXPECT_DOUBLE_EQ(kb(lit("1.5", rdf::xsd::kDecimal), om("megabyte")), 1500.0);
  EXPECT_DOUBLE_EQ(kb(lit("256", rdf::xsd::kInteger), om("kibibyte")), 262.144);
  EXPECT_DOUBLE_EQ(kb(lit("1", rdf::xsd::kDouble), om("mebibyte")), 1048.576);
}

TEST(MemoryFigure, ConvertsTextUnitCodes) {
  rdf::Term kib = rdf::Term::literal("KiB"), bytes = rdf::Term::literal("AD");
  EXPECT_DOUBLE_EQ(memory_figure(lit("2", rdf::xsd::kInteger), &kib).kilobytes, 2.048);
  EXPECT_DOUBLE_EQ(memory_figure(lit("2000", rdf::xsd::kInteger), &bytes).kilobytes, 2.0);
}

TEST(MemoryFigure, UnknownUnitOrNonNumberIsNotUnderstood) {
  rdf::Term celsius = om("degreeCelsius");
  MemoryFigure f = memory_figure(lit("96", rdf::xsd::kInteger), &celsius);
  EXPECT_EQ(f.state, MemoryFigure::State::NotUnderstood);
  EXPECT_NE(f.problem.find("not a memory unit"), std::string::npos) << f.problem;
  MemoryFigure g = memory_figure(rdf::Term::literal("lots"), nullptr);
  EXPECT_EQ(g.state, MemoryFigure::State::NotUnderstood);
  EXPECT_NE(g.problem.find("is not a number"), std::string::npos) << g.problem;
  EXPECT_EQ(memory_figure(lit("-5", rdf::xsd::kInteger), nullptr).state,
            MemoryFigure::State::NotUnderstood);
}

TEST(MemorySuffices, ComparesAcrossUnitsWithoutRoundingSurprises) {
  rdf::Term kib = om("kibibyte"), byte = om("byte");
  double one_kib = memory_figure(lit("1", rdf::xsd::kInteger), &kib).kilobytes;
  double bytes = memory_figure(lit("1024", rdf::xsd::kInteger), &byte).kilobytes;
  EXPECT_TRUE(memory_suffices(bytes, one_kib));
  EXPECT_TRUE(memory_suffices(one_kib, bytes));
  EXPECT_TRUE(memory_suffices(116.0, 116.0));
  EXPECT_FALSE(memory_suffices(116.001, 116.0));
}

TEST(FormatKilobytes, ThreeDecimalsAtMostNoTrailingZeros) {
  EXPECT_EQ(format_kilobytes(96), "96");
  EXPECT_EQ(format_kilobytes(116.536), "116.536");
  EXPECT_EQ(format_kilobytes(8.8), "8.8");
  EXPECT_EQ(format_kilobytes(1048.576), "1048.576");
}

}  // namespace
}  // namespace tinykg::match
