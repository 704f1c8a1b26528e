// Hostile model cards (the server's upload path takes them from strangers):
// deep or huge JSON ends in a one-line error, never a crash.
#include <gtest/gtest.h>

#include <string>

#include "kg/model_card.h"

namespace tinykg::kg {
namespace {

constexpr const char* kHead =
    R"({"name": "m", "identifier": "02ed1b17-de4f-4239-8812-392917a954dc", "description": )";

TEST(ModelCardLimits, DeeplyNestedJsonIsAOneLineError) {
  std::string card = kHead + std::string(200'000, '[') + std::string(200'000, ']') + "}";
  auto parsed = parse_model_card(card, "deep.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().rfind("card deep.json: ", 0), 0u) << parsed.error();
  EXPECT_EQ(parsed.error().find('\n'), std::string::npos);
}

TEST(ModelCardLimits, ANumberTooLargeForADoubleIsAOneLineError) {
  // Found by fuzz/model_card_fuzz: nlohmann::json throws out_of_range, not
  // parse_error, for 20e10106, and the exception ended the process.
  auto parsed = parse_model_card(std::string(kHead) + "20e10106}", "big.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().rfind("card big.json: not valid JSON: ", 0), 0u) << parsed.error();
  EXPECT_EQ(parsed.error().find('\n'), std::string::npos);
}

TEST(ModelCardLimits, InvalidUtf8IsRefusedSoCardsAlwaysSerialize) {
  std::string card = std::string(kHead) + "\"bad \xff bytes\"}";
  auto parsed = parse_model_card(card, "utf8.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().find('\n'), std::string::npos) << parsed.error();
}

TEST(ModelCardLimits, AValueWithANewlineStaysOnTheErrorsLine) {
  // Found by fuzz/model_card_fuzz (CI smoke run): errors quoted the bad value
  // as it was, so an escaped newline in it split the one-line error.
  // Later (another smoke run): the same for an unknown key ("i\nfo") in the
  // unknown-field error.
  for (const char* card : {R"({"name": "m", "identifier": "6b5a8bb5-\nx"})",
                           R"({"name": "m", "identifier": "02ed1b17-de4f-4239-8812-392917a954dc", "tags": ["a\nb"]})",
                           R"({"name": "m", "input": {"sensors": [{"type": "Gyroscope", "i\nfo": "x"}]}})",
                           R"({"na\nme": "m"})"}) {
    auto parsed = parse_model_card(card, "nl.json");
    ASSERT_FALSE(parsed.ok()) << card;
    EXPECT_EQ(parsed.error().find('\n'), std::string::npos) << parsed.error();
    EXPECT_NE(parsed.error().find("\\n"), std::string::npos) << parsed.error();  // shown escaped
  }
}

}  // namespace
}  // namespace tinykg::kg
