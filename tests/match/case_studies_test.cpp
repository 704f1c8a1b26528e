// The three case studies of ../shared/reference/CASE-STUDIES.md, answered by
// the match engine (not by hand-written queries) on the demo graph, with the
// questions `tinykg demo` asks (match/case_studies.h).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "kg/reference_data.h"
#include "match/case_studies.h"
#include "match/matcher.h"
#include "test_support.h"

namespace tinykg::match {
namespace {

class DemoGraph : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new tinykg::testing::TempDir();
    graph_ = kg::KnowledgeGraph::open(*dir_ / "db").value_or_throw().release();
    auto imported = kg::import_reference_data(*graph_, TINYKG_SOURCE_DIR "/data");
    if (!imported) throw Error("demo import failed: " + imported.error());
  }
  static void TearDownTestSuite() {
    delete graph_;
    delete dir_;
  }
  void SetUp() override {
    source_ = std::make_unique<StoreSource>(graph_->store());
    matcher_ = std::make_unique<Matcher>(*source_);
  }
  Matcher& matcher() { return *matcher_; }

  static std::vector<std::string> tails(const std::vector<DeviceMatch>& matches) {
    std::vector<std::string> out;
    for (const auto& m : matches) out.push_back(m.device->iri.substr(m.device->iri.size() - 3));
    return out;
  }
  static std::vector<std::string> names(const std::vector<ModelMatch>& matches) {
    std::vector<std::string> out;
    for (const auto& m : matches) out.push_back(m.model->requirements.name);
    return out;
  }

  static inline tinykg::testing::TempDir* dir_ = nullptr;
  static inline kg::KnowledgeGraph* graph_ = nullptr;
  std::unique_ptr<StoreSource> source_;
  std::unique_ptr<Matcher> matcher_;
};

using Names = std::vector<std::string>;

TEST_F(DemoGraph, CaseOneBoardsForAMotionModel) {
  auto boards = matcher().devices_for(case_one_motion_model());
  ASSERT_TRUE(boards.ok()) << boards.error();
  EXPECT_EQ(tails(*boards), (Names{"002", "003"}));
  EXPECT_EQ((*boards)[0].device->ram, MemoryFigure::value(172));
  EXPECT_EQ((*boards)[0].device->flash, MemoryFigure::value(628));
  EXPECT_EQ((*boards)[1].device->ram, MemoryFigure::value(187));
  EXPECT_EQ((*boards)[1].device->flash, MemoryFigure::value(785));
}

TEST_F(DemoGraph, CaseOneExplainsEveryRefusedBoard) {
  auto all = matcher().devices_for(case_one_motion_model(), {MatchOptions::Include::All, true});
  ASSERT_TRUE(all.ok()) << all.error();
  ASSERT_EQ(all->size(), 6u);
  std::map<std::string, std::string> summary_by_tail;
  for (const auto& m : *all) {
    summary_by_tail[m.device->iri.substr(m.device->iri.size() - 3)] = m.explanation.summary();
  }
  EXPECT_EQ(summary_by_tail["001"],
            "needs 116 kB RAM, board has 86 kB; needs 531 kB Flash, board has 348 kB");
  EXPECT_EQ(summary_by_tail["002"],  // a fit lists every check with its numbers
            "needs an Accelerometer, board has one; needs a Gyroscope, board has one; needs 116 kB "
            "RAM, board has 172 kB; needs 531 kB Flash, board has 628 kB");
  EXPECT_EQ(summary_by_tail["004"], "needs 116 kB RAM, board has 25 kB");
  EXPECT_EQ(summary_by_tail["005"],
            "needs a Gyroscope; needs 116 kB RAM, board has 109 kB; needs 531 kB Flash, board has "
            "385 kB");
  EXPECT_EQ(summary_by_tail["006"],
            "needs a Gyroscope; needs 116 kB RAM, board has 96 kB; needs 531 kB Flash, board has "
            "245 kB");
}

TEST_F(DemoGraph, CaseTwoModelsForACameraBoard) {
  auto models = matcher().models_for(case_two_camera_board());
  ASSERT_TRUE(models.ok()) << models.error();
  ASSERT_EQ(names(*models), (Names{"Visual_Alarm_Clock", "Person_Detection"}));
  const ModelEntry& alarm = *(*models)[0].model;
  EXPECT_EQ(alarm.facts.macs, 7387976.0);
  // CASE-STUDIES.md prints whole kB (116.5 -> 116, 531.6 -> 531).
  EXPECT_EQ(std::floor(alarm.requirements.ram.kilobytes), 116);
  EXPECT_EQ(std::floor(alarm.requirements.flash.kilobytes), 531);
  const ModelEntry& person = *(*models)[1].model;
  EXPECT_EQ(person.facts.macs, 7158144.0);
  EXPECT_EQ(std::floor(person.requirements.ram.kilobytes), 94);
  EXPECT_EQ(std::floor(person.requirements.flash.kilobytes), 236);
}

TEST_F(DemoGraph, CaseThreeRankSpeechModels) {
  auto ranked = matcher().rank(case_three_speech_task(), RankOrder::Accuracy);
  ASSERT_TRUE(ranked.ok()) << ranked.error();
  ASSERT_EQ(ranked->size(), 4u);
  std::vector<double> accuracy;
  for (const auto& r : *ranked) accuracy.push_back(*r.key);
  EXPECT_EQ(accuracy, (std::vector<double>{0.932, 0.921, 0.83, 0.823}));
  const ModelEntry& last = *ranked->back().model;
  EXPECT_EQ(last.facts.category, "Classification");
  EXPECT_EQ(last.facts.macs, 381824.0);
  EXPECT_EQ(std::round(last.requirements.ram.kilobytes * 10) / 10, 8.8);
  EXPECT_EQ(std::round(last.requirements.flash.kilobytes * 10) / 10, 8.9);
}

TEST_F(DemoGraph, TheDemoAnswersAreTheEngineAnswers) {
  auto answers = answer_case_studies(matcher());
  ASSERT_TRUE(answers.ok()) << answers.error();
  ASSERT_EQ(answers->size(), 3u);
  std::vector<size_t> row_counts;
  for (const auto& a : *answers) row_counts.push_back(a.report.rows.size());
  EXPECT_EQ(row_counts, (std::vector<size_t>{2, 2, 4}));
  auto json = render((*answers)[1].report, "json");
  ASSERT_TRUE(json.ok()) << json.error();
  EXPECT_NE(json->find("Visual_Alarm_Clock"), std::string::npos) << *json;
  EXPECT_NE(json->find("Person_Detection"), std::string::npos) << *json;
}

TEST_F(DemoGraph, StoredModelAndBoardByTheirIds) {
  auto boards = matcher().devices_for_model("Visual_Alarm_Clock");
  ASSERT_TRUE(boards.ok()) << boards.error();
  EXPECT_EQ(tails(*boards), (Names{"003"}));  // the only board with a camera
  auto by_tail = matcher().models_for_device("003");
  ASSERT_TRUE(by_tail.ok()) << by_tail.error();
  auto by_iri = matcher().models_for_device(
      "http://tinyml-schema.org/tinyml-demo/arduino_nano_ble_33_tinyml_kit-322-000-000-003");
  ASSERT_TRUE(by_iri.ok()) << by_iri.error();
  EXPECT_EQ(names(*by_tail), names(*by_iri));
  EXPECT_NE(std::find(names(*by_tail).begin(), names(*by_tail).end(), "Visual_Alarm_Clock"),
            names(*by_tail).end());
}

TEST_F(DemoGraph, AModelWithoutItsSensorNeverFits) {
  // Hello_World is fed by sosa_extend:OtherSensor, which no board lists.
  auto boards = matcher().devices_for_model("Hello_World", {MatchOptions::Include::All, true});
  ASSERT_TRUE(boards.ok()) << boards.error();
  for (const auto& m : *boards) {
    EXPECT_EQ(m.verdict, FitVerdict::DoesNotFit);
    EXPECT_EQ(m.explanation.summary(), "needs an OtherSensor");
  }
}

TEST_F(DemoGraph, MatrixAndCountsAgree) {
  auto matrix = matcher().fit_matrix();
  ASSERT_TRUE(matrix.ok()) << matrix.error();
  EXPECT_EQ(matrix->models.size(), 23u);
  EXPECT_EQ(matrix->devices.size(), 6u);
  auto counts = matcher().fit_counts();
  ASSERT_TRUE(counts.ok()) << counts.error();
  ASSERT_EQ(counts->size(), 23u);
  uint64_t total_fits = 0;
  std::map<const ModelEntry*, FitCount> count_of;
  for (const auto& c : *counts) count_of[c.model] = c.count;
  for (size_t m = 0; m < matrix->models.size(); ++m) {
    uint64_t fits = 0;
    for (size_t d = 0; d < matrix->devices.size(); ++d) fits += matrix->at(m, d) == FitVerdict::Fits;
    const FitCount& count = count_of.at(matrix->models[m]);
    EXPECT_EQ(count.fits, fits);
    EXPECT_EQ(count.fits + count.unknown + count.does_not_fit, 6u);
    total_fits += fits;
  }
  EXPECT_EQ(matrix->models.front()->requirements.name, "ARM_CNN_Small_keyword_spotting");
  EXPECT_GT(total_fits, 0u);
  EXPECT_FALSE(matcher().fit_matrix(/*max_cells=*/100).ok());
}

TEST_F(DemoGraph, UnknownIdsAreClearErrors) {
  auto model = matcher().devices_for_model("No_Such_Model");
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.error(),
            "no model with IRI, identifier or name 'No_Such_Model' (see `tinykg model list`)");
  auto board = matcher().models_for_device("009");
  ASSERT_FALSE(board.ok());
  EXPECT_EQ(board.error(), "no board with IRI, title or IRI tail '009' (see `tinykg device list`)");
}

}  // namespace
}  // namespace tinykg::match
