// Unit normalisation of the TD extension: exact decimal kB and Hz.
#include <gtest/gtest.h>

#include "kg/td/quantity.h"

namespace tinykg::kg::td {
namespace {

std::string kb(std::string_view text) {
  auto t = normalise_quantity(text, QuantityKind::Memory);
  return t.ok() ? t->value + (t->datatype.ends_with("integer") ? "i" : "d") : "error";
}
std::string hz(std::string_view text) {
  auto t = normalise_quantity(text, QuantityKind::Frequency);
  return t.ok() ? t->value : "error";
}

TEST(TdQuantity, MemoryUnitsBecomeExactKilobytes) {
  EXPECT_EQ(kb("172"), "172i");  // a bare number is kB
  EXPECT_EQ(kb("256 KiB"), "262.144d");
  EXPECT_EQ(kb("256KiB"), "262.144d");
  EXPECT_EQ(kb("1.5 MB"), "1500i");
  EXPECT_EQ(kb("0.5 MiB"), "524.288d");
  EXPECT_EQ(kb("1048576 bytes"), "1048.576d");
  EXPECT_EQ(kb("8800 B"), "8.8d");
  EXPECT_EQ(kb("131072"), "131072i");
  EXPECT_EQ(kb("1.5E0"), "1.5d");  // xsd:double lexical form from a JSON number
}

TEST(TdQuantity, RatesBecomeHertz) {
  EXPECT_EQ(hz("16 kHz"), "16000");
  EXPECT_EQ(hz("0.016 MHz"), "16000");
  EXPECT_EQ(hz("119"), "119");
  EXPECT_EQ(hz("30 sps"), "30");
}

TEST(TdQuantity, RejectsWhatItCannotRead) {
  auto unit = normalise_quantity("12 parsecs", QuantityKind::Memory);
  ASSERT_FALSE(unit.ok());
  EXPECT_NE(unit.error().find("unknown unit 'parsecs'"), std::string::npos) << unit.error();
  EXPECT_FALSE(normalise_quantity("lots", QuantityKind::Memory).ok());
  EXPECT_FALSE(normalise_quantity("-4 kB", QuantityKind::Memory).ok());
  EXPECT_FALSE(normalise_quantity("16 kB", QuantityKind::Frequency).ok());
}

TEST(TdQuantity, WritesValuesBackWithTheirUnit) {
  EXPECT_EQ(quantity_text(rdf::Term::literal("262.144", std::string(rdf::xsd::kDecimal)),
                          QuantityKind::Memory),
            "262.144 kB");
  EXPECT_EQ(quantity_text(rdf::Term::integer(16000), QuantityKind::Frequency), "16000 Hz");
}

}  // namespace
}  // namespace tinykg::kg::td
