// The plain parts of a campaign: wave plans, options, status names, and the
// simulator's fault plan.
#include <algorithm>

#include <gtest/gtest.h>

#include "deploy/campaign.h"
#include "deploy/deployments.h"
#include "deploy/sim/fault_plan.h"

namespace tinykg::deploy {
namespace {

TEST(WavePlan, CanaryThenGrowingWaves) {
  EXPECT_EQ(plan_waves(10, 1, 2.0), (std::vector<size_t>{0, 1, 1, 2, 2, 2, 2, 3, 3, 3}));
  EXPECT_EQ(plan_waves(7, 3, 1.0), (std::vector<size_t>{0, 0, 0, 1, 1, 1, 2}));
  EXPECT_EQ(plan_waves(5, 10, 2.0), (std::vector<size_t>(5, 0)));
  EXPECT_TRUE(plan_waves(0, 1, 2.0).empty());
  // A growth below 1 would shrink waves forever: it counts as 1.
  EXPECT_EQ(plan_waves(4, 2, 0.5), (std::vector<size_t>{0, 0, 1, 1}));
}

TEST(WavePlan, ThousandDevicesInFewWaves) {
  auto waves = plan_waves(1000, 10, 2.0);  // 10, 20, 40, ..., 640 -> 7 waves
  EXPECT_EQ(waves.back(), 6u);
  EXPECT_EQ(std::count(waves.begin(), waves.end(), 0u), 10);
  EXPECT_EQ(std::count(waves.begin(), waves.end(), 5u), 320);
}

TEST(CampaignOptions, JsonRoundTrip) {
  CampaignOptions o;
  o.canary = 5;
  o.wave_growth = 3;
  o.concurrency = 7;
  o.max_failures = 4;
  o.wave_success = 0.9;
  o.retries = 1;
  o.timeout_ms = 1234;
  o.backoff_ms = 50;
  o.check_fit = false;
  CampaignOptions back = CampaignOptions::from_json(o.to_json());
  EXPECT_EQ(back.to_json(), o.to_json());
  EXPECT_FALSE(back.max_failure_rate);
  EXPECT_EQ(CampaignOptions::from_json(nlohmann::json::object()).to_json(),
            CampaignOptions().to_json());
}

TEST(CampaignOptions, OutOfRangeValuesAreNamed) {
  EXPECT_EQ(check_options(CampaignOptions()), "");
  CampaignOptions o;
  o.canary = 0;
  EXPECT_NE(check_options(o).find("canary"), std::string::npos);
  o = {};
  o.max_failure_rate = 1.5;
  EXPECT_NE(check_options(o).find("max_failure_rate"), std::string::npos);
  o = {};
  o.wave_success = -0.1;
  EXPECT_NE(check_options(o).find("wave_success"), std::string::npos);
  o = {};
  o.timeout_ms = 0;
  EXPECT_NE(check_options(o).find("timeout_ms"), std::string::npos);
}

TEST(CampaignStatus, NamesRoundTrip) {
  for (auto s : {CampaignStatus::Running, CampaignStatus::Paused, CampaignStatus::Completed,
                 CampaignStatus::Failed, CampaignStatus::Cancelled}) {
    EXPECT_EQ(campaign_status_from(to_string(s)), s);
  }
  for (auto s : {DeviceStatus::Pending, DeviceStatus::Sending, DeviceStatus::Confirmed,
                 DeviceStatus::Failed, DeviceStatus::Refused}) {
    EXPECT_EQ(device_status_from(to_string(s)), s);
  }
  EXPECT_FALSE(campaign_status_from("done"));
}

TEST(CampaignSummary, CountsAndProgress) {
  Campaign c;
  c.id = "x";
  for (auto s : {DeviceStatus::Confirmed, DeviceStatus::Failed, DeviceStatus::Refused,
                 DeviceStatus::Pending}) {
    DeviceRecord d;
    d.status = s;
    d.wave = c.devices.size() / 2;
    c.devices.push_back(d);
  }
  auto j = c.summary();
  EXPECT_EQ(j["confirmed"], 1);
  EXPECT_EQ(j["failed"], 1);
  EXPECT_EQ(j["refused"], 1);
  EXPECT_EQ(j["pending"], 1);
  EXPECT_DOUBLE_EQ(j["progress"].get<double>(), 0.75);
  ASSERT_EQ(j["waves"].size(), 2u);
  EXPECT_EQ(j["waves"][0]["confirmed"], 1);
  EXPECT_EQ(j["waves"][1]["size"], 2);
}

TEST(FaultPlan, RatesAndKindsFromTheSeed) {
  auto faults = sim::plan_faults(200, 0.1, 0.05, 7);
  size_t persistent = 0, reboot = 0;
  for (auto f : faults) {
    persistent += sim::persistent(f);
    reboot += f == sim::Fault::Reboot;
  }
  EXPECT_EQ(persistent, 20u);
  EXPECT_EQ(reboot, 10u);
  EXPECT_EQ(std::count(faults.begin(), faults.end(), sim::Fault::Corrupt), 5);
  EXPECT_EQ(std::count(faults.begin(), faults.end(), sim::Fault::Timeout), 5);
  EXPECT_EQ(sim::plan_faults(200, 0.1, 0.05, 7), faults);
  EXPECT_NE(sim::plan_faults(200, 0.1, 0.05, 8), faults);
  EXPECT_EQ(sim::plan_faults(3, 1.0, 1.0, 1).size(), 3u);
}

}  // namespace
}  // namespace tinykg::deploy
