// Rendering match results: table, CSV and JSON carry the same facts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "match/report.h"

namespace tinykg::match {
namespace {

Report sample() {
  static DeviceCapabilities board = [] {
    DeviceCapabilities d;
    d.iri = "http://example.org/b-322-000-000-006";
    d.title = "Kit, with comma";
    d.ram = MemoryFigure::value(96);
    d.flash = MemoryFigure::not_stated();
    d.sensors.add(sensor_kind_iri("microphone"));
    return d;
  }();
  DeviceMatch m;
  m.device = &board;
  m.verdict = FitVerdict::DoesNotFit;
  m.explanation.verdict = FitVerdict::DoesNotFit;
  m.explanation.reasons = {
      {FitReason::Kind::Ram, FitReason::Outcome::Refused, "needs 116.5 kB RAM, board has 96 kB"},
      {FitReason::Kind::Sensor, FitReason::Outcome::Refused, "needs a Camera"}};
  return devices_report({m}, /*explain=*/true);
}

TEST(Render, Table) {
  auto text = render(sample(), "table");
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("needs 116.5 kB RAM, board has 96 kB; needs a Camera"), std::string::npos)
      << *text;
  EXPECT_NE(text->find("(1 row)"), std::string::npos);
}

TEST(Render, CsvQuotesFieldsWithCommas) {
  auto text = render(sample(), "csv");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text,
            "device,title,ram_kB,flash_kB,sensors,verdict,reasons\r\n"
            "http://example.org/b-322-000-000-006,\"Kit, with comma\",96,,Microphone,does not fit,"
            "\"needs 116.5 kB RAM, board has 96 kB; needs a Camera\"\r\n");
}

TEST(Render, JsonHasNumbersAndLists) {
  auto text = render(sample(), "json");
  ASSERT_TRUE(text.ok());
  auto doc = nlohmann::json::parse(*text);
  ASSERT_EQ(doc.size(), 1u);
  EXPECT_EQ(doc[0]["ram_kB"], 96);
  EXPECT_TRUE(doc[0]["flash_kB"].is_null());  // not stated
  EXPECT_EQ(doc[0]["sensors"], nlohmann::json::array({"Microphone"}));
  EXPECT_EQ(doc[0]["reasons"].size(), 2u);
  EXPECT_EQ(doc[0]["verdict"], "does not fit");
}

TEST(Render, UnknownFormatIsAnError) {
  auto text = render(sample(), "xml");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error(), "unknown format 'xml': use table, csv or json");
}

}  // namespace
}  // namespace tinykg::match
