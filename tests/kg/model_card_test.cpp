#include "kg/model_card.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "test_support.h"

namespace tinykg::kg {
namespace {

namespace fs = std::filesystem;

fs::path cards_dir() { return fs::path(testing::source_dir()) / "data" / "reference" / "cards"; }

// A complete, valid card; tests break one field at a time.
constexpr std::string_view kYesNoCard = R"({
  "name": "Micro_Speech_Yes_No_2",
  "identifier": "aa7c697c-9b8f-4067-82e5-53cfc12caf6b",
  "description": "a NN for speech commands recognition yes/no",
  "category": "Classification",
  "metric": {"type": "Top_1_accuracy", "value": 0.823},
  "dataset": "http://download.tensorflow.org/data/speech_commands_v0.02.tar.gz",
  "input": {"info": "MFCC features", "sensors": [{"type": "Microphone", "info": "MP34DT05"}]},
  "output": {"info": "0: silence, 1: unknown, 2: yes, 3: no"},
  "creator": "Author_Me",
  "date_created": "2021-12-12",
  "citation": "https://github.com/tensorflow/tflite-micro",
  "code_repository": "https://example.org/model_repo",
  "runtime_platform": "TFLite Micro"
})";

std::string with(std::string_view from, std::string_view to) {
  std::string s(kYesNoCard);
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return s.replace(at, from.size(), to);
}

std::string error_of(std::string_view json) {
  auto card = parse_model_card(json, "yes_no.json");
  EXPECT_FALSE(card.ok());
  return card.ok() ? std::string() : card.error();
}

TEST(ModelCard, ParsesEveryField) {
  auto card = parse_model_card(kYesNoCard, "yes_no.json");
  ASSERT_TRUE(card.ok()) << card.error();
  EXPECT_EQ(card->name, "Micro_Speech_Yes_No_2");
  EXPECT_EQ(card->identifier, "aa7c697c-9b8f-4067-82e5-53cfc12caf6b");
  EXPECT_EQ(card->category, "Classification");
  ASSERT_TRUE(card->metric.has_value());
  EXPECT_EQ(card->metric->type, "Top_1_accuracy");
  EXPECT_DOUBLE_EQ(card->metric->value.value(), 0.823);
  ASSERT_EQ(card->input.sensors.size(), 1u);
  EXPECT_EQ(card->input.sensors[0].types, std::vector<std::string>{"Microphone"});
  EXPECT_EQ(card->input.sensors[0].info, "MP34DT05");
  EXPECT_EQ(card->output.info, "0: silence, 1: unknown, 2: yes, 3: no");
  EXPECT_EQ(card->date_created, "2021-12-12");
  EXPECT_EQ(card->runtime_platform, "TFLite Micro");
}

TEST(ModelCard, OnlyNameAndIdentifierAreRequired) {
  auto card = parse_model_card(
      R"({"name": "m", "identifier": "aa7c697c-9b8f-4067-82e5-53cfc12caf6b",
          "dataset": null, "metric": {"type": "Top_1_accuracy", "value": null}})",
      "m.json");
  ASSERT_TRUE(card.ok()) << card.error();
  EXPECT_TRUE(card->dataset.empty());
  EXPECT_FALSE(card->metric->value.has_value());
  EXPECT_TRUE(card->input.sensors.empty());
}

TEST(ModelCard, SensorTypeMayListSeveralClasses) {
  auto card = parse_model_card(
      with(R"("type": "Microphone")", R"("type": ["Accelerometer", "Gyroscope"])"), "imu.json");
  ASSERT_TRUE(card.ok()) << card.error();
  EXPECT_EQ(card->input.sensors[0].types, (std::vector<std::string>{"Accelerometer", "Gyroscope"}));
}

TEST(ModelCard, BadJsonNamesTheCardAndThePosition) {
  std::string e = error_of(R"({"name": "m",, })");
  EXPECT_EQ(e.rfind("card yes_no.json: not valid JSON: parse error at line 1, column ", 0), 0u) << e;
}

TEST(ModelCard, WrongTypesNameTheField) {
  EXPECT_EQ(error_of(with("0.823", "\"82.3\"")),
            "card yes_no.json: field 'metric.value' must be a number, got string");
  EXPECT_EQ(error_of(with(R"("Classification")", "7")),
            "card yes_no.json: field 'category' must be a string, got number");
  EXPECT_EQ(error_of(with(R"([{"type": "Microphone", "info": "MP34DT05"}])", R"({"type": "Microphone"})")),
            "card yes_no.json: field 'input.sensors' must be an array, got object");
  EXPECT_EQ(error_of(with(R"("type": "Microphone")", R"("type": 3)")),
            "card yes_no.json: field 'input.sensors[0].type' must be a string or an array of "
            "strings, got number");
  EXPECT_EQ(error_of("[1, 2]"), "card yes_no.json: must be a JSON object, got array");
}

TEST(ModelCard, PercentAccuracyIsRejectedWithAHint) {
  std::string e = error_of(with("0.823", "82.3"));
  EXPECT_EQ(e, "card yes_no.json: field 'metric.value' is 82.3 but Top_1_accuracy is a fraction "
               "0..1; convert percent (92.1 % -> 0.921)");
  EXPECT_FALSE(error_of(with("0.823", "-0.1")).empty());
  // Other metrics carry their own unit: any finite number.
  EXPECT_TRUE(parse_model_card(with(R"("type": "Top_1_accuracy", "value": 0.823)",
                                    R"("type": "Other_metric", "value": 42.5)"),
                               "other.json")
                  .ok());
}

TEST(ModelCard, UnknownFieldsAreTypos) {
  EXPECT_EQ(error_of(with(R"("category")", R"("catgory")")).rfind(
                "card yes_no.json: unknown field 'catgory' (known: name, identifier,", 0),
            0u);
  EXPECT_EQ(error_of(with(R"("value": 0.823)", R"("value": 0.823, "unit": "%")")).rfind(
                "card yes_no.json: unknown field 'metric.unit' (known: type, value)", 0),
            0u);
}

TEST(ModelCard, ChecksIdentifiersIrisDatesAndNames) {
  EXPECT_EQ(error_of(with(R"("name": "Micro_Speech_Yes_No_2",)", "")).rfind(
                "card yes_no.json: field 'name' is required", 0),
            0u);
  EXPECT_EQ(error_of(with("aa7c697c-9b8f-4067-82e5-53cfc12caf6b", "AA7C697C-9B8F-4067-82E5-53CFC12CAF6B"))
                .rfind("card yes_no.json: field 'identifier' must be a lower-case UUID", 0),
            0u);
  EXPECT_EQ(error_of(with("http://download.tensorflow.org/data/speech_commands_v0.02.tar.gz", "None")),
            "card yes_no.json: field 'dataset' must be an absolute IRI such as \"https://...\", got \"None\"");
  EXPECT_EQ(error_of(with("2021-12-12", "12.12.2021")),
            "card yes_no.json: field 'date_created' must be a date YYYY-MM-DD, got \"12.12.2021\"");
  EXPECT_EQ(error_of(with(R"("Classification")", R"("Key word spotting")")).rfind(
                "card yes_no.json: field 'category' must be a category name", 0),
            0u);
  EXPECT_EQ(error_of(with(R"("type": "Microphone")", R"("type": "sosa:Microphone")")).rfind(
                "card yes_no.json: field 'input.sensors[0].type' must be a sensor class name", 0),
            0u);
}

TEST(ModelCard, JsonRoundTrip) {
  auto card = parse_model_card(kYesNoCard, "yes_no.json");
  ASSERT_TRUE(card.ok());
  auto again = parse_model_card(model_card_to_json(*card), "again.json");
  ASSERT_TRUE(again.ok()) << again.error();
  EXPECT_EQ(*again, *card);
}

TEST(ModelCard, TagsAndLineageParseCheckAndRoundTrip) {
  const std::string card_text = R"({"name": "kws", "identifier": "02ed1b17-de4f-4239-8812-392917a954dc",
    "tags": ["production", "int8"], "source": "https://example.org/kws.tflite",
    "training_run": "run-42", "parent": "11111111-2222-3333-4444-555555555555"})";
  auto card = parse_model_card(card_text, "kws.json");
  ASSERT_TRUE(card.ok()) << card.error();
  EXPECT_EQ(card->tags, (std::vector<std::string>{"production", "int8"}));
  EXPECT_EQ(card->source, "https://example.org/kws.tflite");
  EXPECT_EQ(card->training_run, "run-42");
  EXPECT_EQ(card->parent, "11111111-2222-3333-4444-555555555555");
  auto again = parse_model_card(model_card_to_json(*card), "again.json");
  ASSERT_TRUE(again.ok()) << again.error();
  EXPECT_EQ(*again, *card);

  auto error_of = [&](std::string_view from, std::string_view to) {
    std::string text = card_text;
    text.replace(text.find(from), from.size(), to);
    auto bad = parse_model_card(text, "kws.json");
    return bad.ok() ? std::string("(accepted)") : bad.error();
  };
  EXPECT_EQ(error_of("\"int8\"", "\"in t8\""),
            "card kws.json: field 'tags' holds \"in t8\"; a tag is 1..64 letters, digits, '.', '_' or '-'");
  EXPECT_EQ(error_of("\"int8\"", "8"), "card kws.json: field 'tags' must hold strings, got number");
  EXPECT_EQ(error_of("https://example.org/kws.tflite", "kws.tflite").rfind(
                "card kws.json: field 'source' must be an absolute IRI", 0),
            0u);
  EXPECT_EQ(error_of("11111111-2222", "kws-v1").rfind(
                "card kws.json: field 'parent' must be the lower-case UUID", 0),
            0u);
}

TEST(ModelCard, MissingFileIsAnError) {
  auto card = read_model_card("/nonexistent/card.json");
  ASSERT_FALSE(card.ok());
  EXPECT_EQ(card.error(), "card /nonexistent/card.json: cannot open the file");
}

TEST(ShippedCards, AllTwentyThreeParseAndAreNamedAfterTheirModel) {
  ASSERT_TRUE(fs::is_directory(cards_dir())) << cards_dir();
  size_t count = 0;
  for (const auto& entry : fs::directory_iterator(cards_dir())) {
    if (entry.path().extension() != ".json") continue;
    ++count;
    auto card = read_model_card(entry.path().string());
    ASSERT_TRUE(card.ok()) << card.error();
    EXPECT_EQ(card->name, entry.path().stem().string());
    EXPECT_FALSE(card->description.empty()) << card->name;
    EXPECT_FALSE(card->category.empty()) << card->name;
    EXPECT_FALSE(card->input.sensors.empty()) << card->name;
    if (card->metric && card->metric->value && is_accuracy_metric(card->metric->type)) {
      EXPECT_LE(*card->metric->value, 1.0) << card->name;
    }
  }
  EXPECT_EQ(count, 23u);
}

TEST(ShippedCards, CaseStudyThreeFacts) {
  // The four yes/no models of case study 3, accuracy as fractions.
  const std::pair<const char*, double> expected[] = {{"Micro_Speech_Yes_No_1", 0.921},
                                                     {"Micro_Speech_Yes_No_2", 0.823},
                                                     {"Micro_Speech_Yes_No_3", 0.932},
                                                     {"Micro_Speech_Yes_No_4", 0.83}};
  for (const auto& [name, accuracy] : expected) {
    auto card = read_model_card((cards_dir() / (std::string(name) + ".json")).string());
    ASSERT_TRUE(card.ok()) << card.error();
    EXPECT_EQ(card->metric->type, "Top_1_accuracy");
    EXPECT_DOUBLE_EQ(card->metric->value.value(), accuracy) << name;
    EXPECT_NE(card->dataset.find("speech_commands"), std::string::npos);
    EXPECT_EQ(card->input.sensors.at(0).types.at(0), "Microphone");
    EXPECT_NE(card->description.find("yes/no"), std::string::npos);
  }
}

TEST(ShippedCards, EveryShippedModelHasACard) {
  fs::path models = fs::path(testing::source_dir()) / "data" / "reference" / "models";
  size_t count = 0;
  for (const auto& entry : fs::directory_iterator(models)) {
    if (entry.path().extension() != ".tflite") continue;
    ++count;
    EXPECT_TRUE(fs::exists(cards_dir() / (entry.path().stem().string() + ".json"))) << entry.path();
  }
  EXPECT_EQ(count, 23u);
}

}  // namespace
}  // namespace tinykg::kg
