// Acceptance test: the three case studies of ../shared/reference/CASE-STUDIES.md,
// answered by `tinykg demo` (the match engine), and by the demo database
// through SPARQL (our queries in data/queries/, which the web UI offers as
// templates, and the benchmark queries written against the reference IRIs).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <map>

#include "cli_runner.h"

namespace tinykg::testing {
namespace {

class CaseStudies : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    RunResult r = run_tinykg("--db " + db() + " demo");
    demo_ = new RunResult(r);
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete demo_;
  }
  static std::string db() { return *dir_ / "db"; }
  static std::string case_query(const std::string& name) {
    return "-f " + data_dir() + "/queries/" + name;
  }
  static inline TempDir* dir_ = nullptr;
  static inline RunResult* demo_ = nullptr;
};

// Column `var` of every row, as strings.
std::vector<std::string> column(const nlohmann::json& doc, const std::string& var) {
  std::vector<std::string> out;
  for (const auto& b : doc["results"]["bindings"]) out.push_back(b[var]["value"]);
  return out;
}

double number(const nlohmann::json& binding, const std::string& var) {
  return std::stod(binding[var]["value"].get<std::string>());
}

TEST_F(CaseStudies, DemoSucceeds) {
  ASSERT_EQ(demo_->exit_code, 0) << demo_->err;
  EXPECT_NE(demo_->out.find("Imported 23 models and 6 devices"), std::string::npos)
      << demo_->out;
}

// The demo keeps each model's .tflite bytes, so its models deploy (and
// export) without being added again.
TEST_F(CaseStudies, DemoKeepsTheModelBytes) {
  TempDir out;
  RunResult r = run_tinykg("--db " + db() + " model export-c ARM_DS_CNN_Small_ -o " + out / "m.h");
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  std::ifstream header(out / "m.h");
  std::stringstream text;
  text << header.rdbuf();
  EXPECT_NE(text.str().find("0x"), std::string::npos) << "the C array holds the model's bytes";
}

// `demo --format json` prints the match engine's three answers in one document.
TEST_F(CaseStudies, DemoPrintsTheEngineAnswers) {
  TempDir dir;
  RunResult r = run_tinykg("--db " + dir / "db" + " demo --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(doc.contains("case_studies")) << r.out;
  const auto& cases = doc["case_studies"];
  ASSERT_EQ(cases.size(), 3u) << r.out;

  std::map<std::string, std::pair<double, double>> boards;
  for (const auto& row : cases[0]["rows"]) {
    std::string iri = row["device"];
    boards[iri.substr(iri.size() - 3)] = {row["ram_kB"], row["flash_kB"]};
  }
  std::map<std::string, std::pair<double, double>> expected{{"002", {172, 628}},
                                                            {"003", {187, 785}}};
  EXPECT_EQ(boards, expected) << cases[0].dump(1);

  const auto& models = cases[1]["rows"];
  ASSERT_EQ(models.size(), 2u) << cases[1].dump(1);
  EXPECT_EQ(models[0]["name"], "Visual_Alarm_Clock");
  EXPECT_EQ(models[0]["macs"], 7387976);
  EXPECT_EQ(std::floor(models[0]["ram_kB"].get<double>()), 116);
  EXPECT_EQ(std::floor(models[0]["flash_kB"].get<double>()), 531);
  EXPECT_EQ(models[1]["name"], "Person_Detection");
  EXPECT_EQ(models[1]["macs"], 7158144);

  std::vector<double> accuracy;
  for (const auto& row : cases[2]["rows"]) accuracy.push_back(row["accuracy"]);
  EXPECT_EQ(accuracy, (std::vector<double>{0.932, 0.921, 0.83, 0.823})) << cases[2].dump(1);
  EXPECT_EQ(cases[2]["rows"][3]["macs"], 381824);
}

void expect_case1(const nlohmann::json& doc) {
  ASSERT_TRUE(doc.contains("results")) << doc.dump();
  std::map<std::string, std::pair<double, double>> boards;
  for (const auto& b : doc["results"]["bindings"]) {
    std::string iri = b["board"]["value"];
    boards[iri.substr(iri.size() - 3)] = {number(b, "ram"), number(b, "flash")};
  }
  std::map<std::string, std::pair<double, double>> expected{{"002", {172, 628}},
                                                            {"003", {187, 785}}};
  EXPECT_EQ(boards, expected) << doc.dump(1);
}

TEST_F(CaseStudies, Case1BoardsForAMotionModel) {
  expect_case1(query_json(db(), case_query("case1-boards-for-model.rq")));
}

TEST_F(CaseStudies, Case2ModelsForACameraBoard) {
  auto doc = query_json(db(), case_query("case2-models-for-device.rq"));
  ASSERT_TRUE(doc.contains("results")) << doc.dump();
  const auto& rows = doc["results"]["bindings"];
  ASSERT_EQ(rows.size(), 2u) << doc.dump(1);
  EXPECT_EQ(rows[0]["name"]["value"], "Visual_Alarm_Clock");
  EXPECT_EQ(number(rows[0], "macs"), 7387976);
  EXPECT_EQ(std::lround(number(rows[0], "ram")), 116);
  EXPECT_EQ(std::lround(number(rows[0], "flash")), 532);  // 531.624 kB: 531 in the paper (floor)
  EXPECT_EQ(rows[1]["name"]["value"], "Person_Detection");
  EXPECT_EQ(number(rows[1], "macs"), 7158144);
  EXPECT_EQ(std::lround(number(rows[1], "ram")), 94);
  EXPECT_EQ(std::lround(number(rows[1], "flash")), 236);
}

TEST_F(CaseStudies, Case3RanksYesNoSpeechModelsByAccuracy) {
  auto doc = query_json(db(), case_query("case3-rank-speech-models.rq"));
  ASSERT_TRUE(doc.contains("results")) << doc.dump();
  const auto& rows = doc["results"]["bindings"];
  ASSERT_EQ(rows.size(), 4u) << doc.dump(1);
  std::vector<double> acc;
  for (const auto& r : rows) acc.push_back(number(r, "accuracy"));
  EXPECT_TRUE(std::is_sorted(acc.rbegin(), acc.rend())) << doc.dump(1);
  EXPECT_NEAR(acc.front(), 0.932, 1e-9);
  // The paper's row: accuracy 0.82, MACs 381,824, RAM 8.8 kB, Flash 8.9 kB.
  const auto& last = rows[3];
  EXPECT_NEAR(number(last, "accuracy"), 0.823, 1e-9);
  EXPECT_EQ(number(last, "macs"), 381824);
  EXPECT_NEAR(number(last, "ram"), 8.8, 0.05);
  EXPECT_NEAR(number(last, "flash"), 8.9, 0.05);
}

// The benchmark queries are written against the reference IRIs and shapes.
TEST_F(CaseStudies, ReferenceQueriesGiveTheSameAnswers) {
  TINYKG_REQUIRE_SHARED();
  const std::string bench = shared_dir() + "/bench/";
  expect_case1(query_json(db(), "-f " + bench + "q1-devices-for-model.rq"));
  auto q2 = query_json(db(), "-f " + bench + "q2-models-for-device.rq");
  auto macs = column(q2, "macs");
  std::sort(macs.begin(), macs.end());
  EXPECT_EQ(macs, (std::vector<std::string>{"7158144", "7387976"})) << q2.dump(1);
  auto q3 = query_json(db(), "-f " + bench + "q3-ranked-speech-models.rq");
  EXPECT_EQ(column(q3, "macs").size(), 4u) << q3.dump(1);
}

}  // namespace
}  // namespace tinykg::testing
