// Similar models: the documented distance (match/similarity.h) and the swap
// question "what fits this board instead?" on the demo graph.
#include <gtest/gtest.h>

#include "kg/reference_data.h"
#include "match/matcher.h"
#include "match_graph.h"

namespace tinykg::match {
namespace {

ModelEntry model(std::string name, std::string category, std::vector<std::string> sensors,
                 double macs, double ram_kb, double flash_kb) {
  ModelEntry m;
  m.requirements.iri = "http://example.org/" + name;
  m.requirements.name = std::move(name);
  m.requirements.sensor_kinds = std::move(sensors);
  m.requirements.ram = MemoryFigure::value(ram_kb);
  m.requirements.flash = MemoryFigure::value(flash_kb);
  m.facts.category = std::move(category);
  m.facts.dataset = "speech_commands";
  m.facts.macs = macs;
  m.facts.workload.add_layer("CONV_2D", macs * 0.8, false);
  m.facts.workload.add_layer("FULLY_CONNECTED", macs * 0.2, false);
  return m;
}

const std::string kMic = "http://tinyml-schema.org/sosa_extend/Microphone";
const std::string kCam = "http://tinyml-schema.org/sosa_extend/Camera";

TEST(Similarity, IdenticalDescriptionsScoreOne) {
  ModelEntry a = model("a", "Classification", {kMic}, 1e6, 50, 100);
  ModelEntry b = a;
  b.requirements.iri = "http://example.org/b";
  Similarity s = similarity(a, b);
  EXPECT_DOUBLE_EQ(s.score, 1.0);
  for (double part : s.parts) EXPECT_DOUBLE_EQ(part, 0.0);
}

TEST(Similarity, EachPartMovesTheScore) {
  ModelEntry base = model("base", "Classification", {kMic}, 1e6, 50, 100);
  ModelEntry other_task = model("t", "Detection", {kMic}, 1e6, 50, 100);
  ModelEntry other_input = model("i", "Classification", {kCam}, 1e6, 50, 100);
  ModelEntry costlier = model("c", "Classification", {kMic}, 1e8, 5000, 10000);
  ModelEntry other_ops = model("o", "Classification", {kMic}, 1e6, 50, 100);
  other_ops.facts.workload = {};
  other_ops.facts.workload.add_layer("DEPTHWISE_CONV_2D", 1e6, false);

  Similarity t = similarity(base, other_task), i = similarity(base, other_input),
             c = similarity(base, costlier), o = similarity(base, other_ops);
  EXPECT_DOUBLE_EQ(t.parts[0], 0.8);  // category differs, data set equal
  EXPECT_DOUBLE_EQ(i.parts[1], 1.0);  // no sensor kind in common
  EXPECT_DOUBLE_EQ(o.parts[2], 1.0);  // MACs in disjoint operator classes
  EXPECT_DOUBLE_EQ(c.parts[3], 1.0);  // 100x MACs, RAM and Flash
  // Weights 3 : 2 : 1 : 2 over a total of 8.
  EXPECT_NEAR(t.score, 1 - 3 * 0.8 / 8, 1e-12);
  EXPECT_NEAR(i.score, 1 - 2.0 / 8, 1e-12);
  EXPECT_NEAR(o.score, 1 - 1.0 / 8, 1e-12);
  EXPECT_NEAR(c.score, 1 - 2.0 / 8, 1e-12);
}

TEST(Similarity, UnstatedFactsCountHalf) {
  ModelEntry a = model("a", "", {}, 1e6, 50, 100);
  ModelEntry b = model("b", "Classification", {}, 1e6, 50, 100);
  b.requirements.ram = MemoryFigure::not_stated();
  Similarity s = similarity(a, b);
  EXPECT_DOUBLE_EQ(s.parts[0], 0.8 * 0.5);
  EXPECT_DOUBLE_EQ(s.parts[1], 0.5);
  EXPECT_NEAR(s.parts[3], 0.5 / 3, 1e-12);
}

TEST(Similarity, RankedMostSimilarFirstWithoutTheModelItself) {
  std::vector<ModelEntry> zoo = {model("a", "Classification", {kMic}, 1e6, 50, 100),
                                 model("far", "Detection", {kCam}, 1e8, 5000, 10000),
                                 model("near", "Classification", {kMic}, 2e6, 60, 120)};
  auto similar = similar_models(zoo[0], zoo);
  ASSERT_EQ(similar.size(), 2u);
  EXPECT_EQ(similar[0].model->requirements.name, "near");
  EXPECT_EQ(similar[1].model->requirements.name, "far");
  EXPECT_GT(similar[0].similarity.score, similar[1].similarity.score);
}

TEST(Similarity, SwapsAModelThatDoesNotFitForOnesThatDo) {
  // Person_Detection needs a camera; the PyBadge-class demo boards without
  // one refuse it, so "similar, fits board X" must offer only fitting models.
  testing::MatchGraph g;
  auto imported = kg::import_reference_data(g.graph(), TINYKG_SOURCE_DIR "/data");
  ASSERT_TRUE(imported.ok()) << imported.error();
  Matcher& matcher = g.matcher();
  auto speech = matcher.model("Micro_Speech_Yes_No_1");
  ASSERT_TRUE(speech.ok()) << speech.error();
  auto board = matcher.device("Arduino-Nano-BLE-33_1");
  ASSERT_TRUE(board.ok()) << board.error();

  auto all = matcher.similar(*speech);
  auto fitting = matcher.similar(*speech, &*board);
  ASSERT_TRUE(all.ok() && fitting.ok());
  EXPECT_EQ(all->size(), 22u);  // the other 22 reference models
  ASSERT_FALSE(fitting->empty());
  EXPECT_LT(fitting->size(), all->size());
  for (const auto& s : *fitting) {
    EXPECT_EQ(judge(s.model->requirements, *board), FitVerdict::Fits) << s.model->requirements.name;
  }
  // The closest models to a yes/no speech model are the other speech models.
  EXPECT_NE(all->front().model->requirements.name.find("Speech"), std::string::npos)
      << all->front().model->requirements.name;
}

}  // namespace
}  // namespace tinykg::match
