// `tinykg deploy --window`: a window that does not parse stops the command
// before a campaign exists; repeated windows are all kept with the campaign
// and shown by `tinykg deploy status`.
#include <fmt/format.h>

#include "../cli/cli_runner.h"
#include "deploy_fixture.h"

namespace tinykg::deploy::testing {
namespace {

using ::tinykg::testing::run_tinykg;

TEST_F(DeployTest, CliRefusesABadWindowBeforeCreatingTheCampaign) {
  const std::string model = add_model(kHelloWorld);
  auto& fleet = add_fleet(fleet_of(1));
  close_graph();  // the CLI process owns the store now
  const std::string db = dir_.str();

  auto bad = run_tinykg(fmt::format("--db {} deploy {} --to {} --window 'Mon-Fri 22:00-4:00'", db,
                                    model, fleet.device_iri(0)));
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("bad maintenance window 'Mon-Fri 22:00-4:00'"), std::string::npos)
      << bad.err;
  EXPECT_NE(bad.err.find("HH:MM-HH:MM"), std::string::npos) << "the syntax is shown: " << bad.err;
  auto status = run_tinykg(fmt::format("--db {} deploy status --json", db));
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_TRUE(nlohmann::json::parse(status.out)["items"].empty()) << status.out;
  EXPECT_EQ(sim_device(fleet, 0)["receipts"], 0);
}

TEST_F(DeployTest, CliKeepsEveryWindowWithTheCampaign) {
  const std::string model = add_model(kHelloWorld);
  auto& fleet = add_fleet(fleet_of(2));
  close_graph();
  const std::string db = dir_.str();

  auto done = run_tinykg(fmt::format(
      "--db {} deploy {} --to {},{} --window 'daily 00:00-24:00' --window 'Sat,Sun 10:00-12:00' "
      "--json",
      db, model, fleet.device_iri(0), fleet.device_iri(1)));
  ASSERT_EQ(done.exit_code, 0) << done.err;
  auto summary = nlohmann::json::parse(done.out, nullptr, false);
  ASSERT_TRUE(summary.is_object()) << done.out;
  EXPECT_EQ(summary["status"], "completed");
  EXPECT_EQ(summary["options"]["windows"],
            nlohmann::json::array({"daily 00:00-24:00", "Sat,Sun 10:00-12:00"}));

  auto status = run_tinykg(fmt::format("--db {} deploy status {}", db, summary["id"].get<std::string>()));
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("maintenance windows (UTC): daily 00:00-24:00, Sat,Sun 10:00-12:00"),
            std::string::npos)
      << status.out;
}

}  // namespace
}  // namespace tinykg::deploy::testing
