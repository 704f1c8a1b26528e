// The case studies asked from the command line (`tinykg match …`, `tinykg
// rank`), with JSON output, on a demo database.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../cli/cli_runner.h"

namespace tinykg::testing {
namespace {

class MatchCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    RunResult r = run_tinykg("--db " + db() + " demo");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return *dir_ / "db"; }
  static nlohmann::json json(const std::string& args) {
    RunResult r = run_tinykg("--db " + db() + " " + args + " --format json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json::array();
  }
  static std::vector<std::string> column(const nlohmann::json& rows, const std::string& name) {
    std::vector<std::string> out;
    for (const auto& row : rows) out.push_back(row[name].dump());
    return out;
  }
  static inline TempDir* dir_ = nullptr;
};

using Cells = std::vector<std::string>;

TEST_F(MatchCli, CaseOne) {
  auto rows = json("match devices --sensor accelerometer --sensor gyroscope --ram 116 --flash 531");
  EXPECT_EQ(column(rows, "ram_kB"), (Cells{"172", "187"}));
  EXPECT_EQ(column(rows, "flash_kB"), (Cells{"628", "785"}));
}

TEST_F(MatchCli, CaseTwo) {
  auto rows = json("match models --sensor camera --ram 127 --flash 576");
  EXPECT_EQ(column(rows, "name"), (Cells{"\"Visual_Alarm_Clock\"", "\"Person_Detection\""}));
  EXPECT_EQ(column(rows, "macs"), (Cells{"7387976", "7158144"}));
}

TEST_F(MatchCli, CaseThree) {
  auto rows = json("rank --task yes/no --dataset speech_commands --sensor microphone --by accuracy");
  EXPECT_EQ(column(rows, "accuracy"), (Cells{"0.932", "0.921", "0.83", "0.823"}));
}

TEST_F(MatchCli, ExplainsARefusal) {
  auto rows = json("match devices --model Visual_Alarm_Clock --all --explain");
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[3]["device"], "http://tinyml-schema.org/tinyml-demo/arduino_nano_ble_33-322-000-000-002");
  EXPECT_EQ(rows[3]["reasons"], nlohmann::json::array({"needs a Camera"}));
}

TEST_F(MatchCli, UnknownBoardIsOneLineError) {
  RunResult r = run_tinykg("--db " + db() + " match models --device 009");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "tinykg: error: no board with IRI, title or IRI tail '009' (see `tinykg device list`)\n");
}

}  // namespace
}  // namespace tinykg::testing
