// A manager stopped mid-campaign: a new one resumes from the records in the
// graph and no device receives the model again after it confirmed, even when
// its confirmation never reached the graph.
#include <fmt/format.h>

#include "deploy/campaign_record.h"
#include "deploy_fixture.h"

namespace tinykg::deploy::testing {
namespace {

TEST_F(DeployTest, RestartedManagerResumesWithoutResending) {
  const std::string model = add_model(kHelloWorld);
  sim::FleetOptions o = fleet_of(30);
  o.delay_ms = 25;
  auto& fleet = add_fleet(o);
  CampaignOptions opts = quick_options();
  opts.canary = 30;
  opts.concurrency = 2;

  std::string id;
  {
    Deployments first(*graph_);
    auto created = first.create(request_for(model, iris_of(fleet, 30), opts));
    ASSERT_TRUE(created) << created.error();
    id = created->id;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
  }  // the manager stops: its runner is interrupted

  auto stopped = load_campaign(*graph_, id);
  ASSERT_TRUE(stopped) << stopped.error();
  EXPECT_EQ(stopped->status, CampaignStatus::Running) << "an interrupted campaign stays running";
  const size_t confirmed_before = stopped->count(DeviceStatus::Confirmed);
  ASSERT_GT(confirmed_before, 1u);
  ASSERT_LT(confirmed_before, 30u);

  // A crash may lose the last confirmations: make the graph forget one device
  // that the simulator says installed the model.
  size_t forgotten = 30;
  for (size_t i = 0; i < 30; ++i) {
    if (stopped->devices[i].status == DeviceStatus::Confirmed) forgotten = i;
  }
  ASSERT_LT(forgotten, 30u);
  stopped->devices[forgotten].status = DeviceStatus::Sending;
  stopped->devices[forgotten].finished.clear();
  ASSERT_TRUE(save_progress(*graph_, *stopped, {forgotten}));

  // Close and reopen the store, as a restarted process would.
  close_graph();
  open_graph();
  Deployments second(*graph_);
  auto resumed = second.resume(id);
  ASSERT_TRUE(resumed) << resumed.error();
  second.join(id);
  Campaign c = *second.get(id);

  EXPECT_EQ(c.status, CampaignStatus::Completed) << c.reason;
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 30u);
  for (size_t i = 0; i < 30; ++i) {
    auto state = sim_device(fleet, i);
    EXPECT_EQ(state["receipts"], 1) << "device " << i << " received the model twice";
    EXPECT_EQ(state["duplicates"], 0) << "device " << i;
    EXPECT_EQ(state["sha256"], c.sha256) << "device " << i;
  }
  auto stored = load_campaign(*graph_, id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, CampaignStatus::Completed);
  EXPECT_EQ(stored->devices[forgotten].status, DeviceStatus::Confirmed);
}

TEST_F(DeployTest, PausedCampaignStoredByAStoppedManagerCanBeCancelled) {
  const std::string model = add_model(kHelloWorld);
  sim::FleetOptions o = fleet_of(20);
  o.delay_ms = 25;
  auto& fleet = add_fleet(o);
  CampaignOptions opts = quick_options();
  opts.canary = 20;
  opts.concurrency = 1;
  std::string id;
  {
    Deployments first(*graph_);
    auto created = first.create(request_for(model, iris_of(fleet, 20), opts));
    ASSERT_TRUE(created) << created.error();
    id = created->id;
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
  }
  Deployments second(*graph_);
  auto paused = second.pause(id);
  ASSERT_TRUE(paused) << paused.error();
  EXPECT_EQ(paused->status, CampaignStatus::Paused);
  auto cancelled = second.cancel(id);
  ASSERT_TRUE(cancelled) << cancelled.error();
  EXPECT_EQ(cancelled->status, CampaignStatus::Cancelled);
  EXPECT_EQ(load_campaign(*graph_, id)->status, CampaignStatus::Cancelled);
  EXPECT_LT(fleet_total(fleet, 20, "receipts"), 20u);
}

}  // namespace
}  // namespace tinykg::deploy::testing
