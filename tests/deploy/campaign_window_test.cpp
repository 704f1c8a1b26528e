// Campaigns with maintenance windows, on a ManualClock: nothing is sent
// while the windows are closed and the campaign says until when it waits;
// transfers in flight when a window closes finish; the windows survive a
// restart of the manager.
#include "deploy/campaign_record.h"
#include "deploy_fixture.h"

namespace tinykg::deploy::testing {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

constexpr const char* kWeeknights = "Mon-Fri 22:00-04:00";

// 2026-12-07 is a Monday.
const auto kMondayNoon = utc(2026y / December / 7d, 12h);
const auto kMondayNight = utc(2026y / December / 7d, 22h + 30min);

CampaignOptions in_windows(std::vector<std::string> windows, CampaignOptions o = quick_options()) {
  o.windows = std::move(windows);
  return o;
}

uint64_t receipts(const sim::SimulatedFleet& fleet, size_t count) {
  return fleet_total(fleet, count, "receipts");
}

TEST_F(DeployTest, ClosedWindowSendsNothingUntilItOpens) {
  const std::string model = add_model(kHelloWorld);
  auto& fleet = add_fleet(fleet_of(4));
  auto clock = std::make_shared<ManualClock>(kMondayNoon);
  Deployments deployments(*graph_, clock);
  auto created = deployments.create(request_for(model, iris_of(fleet, 4), in_windows({kWeeknights})));
  ASSERT_TRUE(created) << created.error();
  const std::string id = created->id;

  ASSERT_TRUE(eventually([&] { return !deployments.get(id)->waiting_until.empty(); }));
  Campaign waiting = *deployments.get(id);
  EXPECT_EQ(waiting.status, CampaignStatus::Running);
  EXPECT_EQ(waiting.waiting_until, "2026-12-07T22:00:00Z");
  EXPECT_EQ(waiting.summary()["waiting_until"], "2026-12-07T22:00:00Z");
  // Any process reading the graph (tinykg deploy status) sees the wait too.
  ASSERT_TRUE(eventually([&] {
    auto stored = load_campaign(*graph_, id);
    return stored && stored->waiting_until == "2026-12-07T22:00:00Z";
  }));
  std::this_thread::sleep_for(3 * CampaignRunner::kWindowPoll);
  EXPECT_EQ(receipts(fleet, 4), 0u) << "a device received the model outside the window";
  EXPECT_EQ(deployments.get(id)->count(DeviceStatus::Pending), 4u);

  clock->set(kMondayNight);
  deployments.join(id);
  Campaign c = *deployments.get(id);
  EXPECT_EQ(c.status, CampaignStatus::Completed) << c.reason;
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 4u);
  EXPECT_EQ(c.waiting_until, "");
  EXPECT_EQ(load_campaign(*graph_, id)->waiting_until, "");
  EXPECT_EQ(receipts(fleet, 4), 4u);
}

TEST_F(DeployTest, WindowCrossingMidnightIsOpenTheNextMorning) {
  const std::string model = add_model(kHelloWorld);
  auto& fleet = add_fleet(fleet_of(3));
  // Saturday 01:30 is inside Friday's 22:00-04:00 window.
  auto clock = std::make_shared<ManualClock>(utc(2026y / December / 12d, 1h + 30min));
  Deployments deployments(*graph_, clock);
  Campaign c = run(deployments, request_for(model, iris_of(fleet, 3), in_windows({kWeeknights})));
  EXPECT_EQ(c.status, CampaignStatus::Completed) << c.reason;
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 3u);

  // Monday 01:30 follows Sunday, which opens no window: wait for Monday 22:00.
  auto& later = add_fleet(fleet_of(2));
  clock->set(utc(2026y / December / 14d, 1h + 30min));
  auto created = deployments.create(request_for(model, iris_of(later, 2), in_windows({kWeeknights})));
  ASSERT_TRUE(created) << created.error();
  ASSERT_TRUE(eventually([&] { return !deployments.get(created->id)->waiting_until.empty(); }));
  EXPECT_EQ(deployments.get(created->id)->waiting_until, "2026-12-14T22:00:00Z");
  EXPECT_EQ(receipts(later, 2), 0u);
  ASSERT_TRUE(deployments.cancel(created->id));
  deployments.join(created->id);
  EXPECT_EQ(deployments.get(created->id)->status, CampaignStatus::Cancelled);
}

TEST_F(DeployTest, TransfersInFlightFinishWhenTheWindowCloses) {
  const std::string model = add_model(kHelloWorld);
  sim::FleetOptions slow = fleet_of(6);
  slow.delay_ms = 400;
  auto& fleet = add_fleet(slow);
  auto clock = std::make_shared<ManualClock>(kMondayNight);
  CampaignOptions o = in_windows({kWeeknights});
  o.canary = 6;
  o.concurrency = 2;
  Deployments deployments(*graph_, clock);
  auto created = deployments.create(request_for(model, iris_of(fleet, 6), o));
  ASSERT_TRUE(created) << created.error();
  const std::string id = created->id;

  ASSERT_TRUE(eventually([&] { return deployments.get(id)->count(DeviceStatus::Sending) == 2; }));
  clock->set(utc(2026y / December / 8d, 5h));  // Tuesday 05:00: closed until 22:00
  ASSERT_TRUE(eventually([&] {
    Campaign c = *deployments.get(id);
    return c.count(DeviceStatus::Confirmed) == 2 && !c.waiting_until.empty();
  }));
  std::this_thread::sleep_for(600ms);  // longer than one transfer
  Campaign waiting = *deployments.get(id);
  EXPECT_EQ(waiting.waiting_until, "2026-12-08T22:00:00Z");
  EXPECT_EQ(waiting.count(DeviceStatus::Confirmed), 2u);
  EXPECT_EQ(waiting.count(DeviceStatus::Pending), 4u);
  EXPECT_EQ(receipts(fleet, 6), 2u) << "a transfer started after the window closed";

  clock->set(utc(2026y / December / 8d, 22h));
  deployments.join(id);
  Campaign c = *deployments.get(id);
  EXPECT_EQ(c.status, CampaignStatus::Completed) << c.reason;
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 6u);
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(sim_device(fleet, i)["receipts"], 1) << "device " << i;
}

TEST_F(DeployTest, ResumedCampaignKeepsItsWindows) {
  const std::string model = add_model(kHelloWorld);
  auto& fleet = add_fleet(fleet_of(3));
  auto clock = std::make_shared<ManualClock>(kMondayNoon);
  const std::vector<std::string> windows = {kWeeknights, "Sat 10:00-12:00"};
  std::string id;
  {
    Deployments first(*graph_, clock);
    auto created = first.create(request_for(model, iris_of(fleet, 3), in_windows(windows)));
    ASSERT_TRUE(created) << created.error();
    id = created->id;
    ASSERT_TRUE(eventually([&] { return !first.get(id)->waiting_until.empty(); }));
  }  // the manager stops while the campaign waits

  close_graph();
  open_graph();
  auto stored = load_campaign(*graph_, id);
  ASSERT_TRUE(stored) << stored.error();
  EXPECT_EQ(stored->status, CampaignStatus::Running);
  EXPECT_EQ(stored->options.windows, windows);

  Deployments second(*graph_, clock);
  ASSERT_TRUE(second.resume(id));
  ASSERT_TRUE(eventually([&] { return !second.get(id)->waiting_until.empty(); }));
  EXPECT_EQ(second.get(id)->waiting_until, "2026-12-07T22:00:00Z");
  std::this_thread::sleep_for(2 * CampaignRunner::kWindowPoll);
  EXPECT_EQ(receipts(fleet, 3), 0u) << "the resumed campaign forgot its windows";

  clock->set(kMondayNight);
  second.join(id);
  Campaign c = *second.get(id);
  EXPECT_EQ(c.status, CampaignStatus::Completed) << c.reason;
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 3u);
  EXPECT_EQ(c.options.windows, windows);
}

TEST_F(DeployTest, BadWindowIsRefusedBeforeTheCampaignStarts) {
  const std::string model = add_model(kHelloWorld);
  auto& fleet = add_fleet(fleet_of(1));
  Deployments deployments(*graph_);
  auto created =
      deployments.create(request_for(model, iris_of(fleet, 1), in_windows({"Mon-Fri 22:00-4:00"})));
  ASSERT_FALSE(created);
  EXPECT_NE(created.error().find("bad maintenance window 'Mon-Fri 22:00-4:00'"), std::string::npos)
      << created.error();
  EXPECT_TRUE(deployments.list()->empty());
}

}  // namespace
}  // namespace tinykg::deploy::testing
