// Campaigns over HTTP to simulated devices on loopback: confirmation and
// records in the graph, refusals, waves, thresholds, retries, timeouts,
// cancel, rollback and hash verification.
#include <algorithm>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "deploy/campaign_record.h"
#include "deploy_fixture.h"

namespace tinykg::deploy::testing {
namespace {

constexpr const char* kOtherModel = "Anomaly_Detection_Autoencoder.tflite";

size_t count_fault(const sim::SimulatedFleet& fleet, size_t n, bool persistent_fault) {
  size_t c = 0;
  for (size_t i = 0; i < n; ++i) c += sim::persistent(fleet.fault(i)) == persistent_fault;
  return c;
}

TEST_F(DeployTest, CampaignConfirmsEveryDeviceAndRecordsWhatTheyRun) {
  const std::string model = add_model(kHelloWorld);
  auto& fleet = add_fleet(fleet_of(12));
  Deployments deployments(*graph_);
  Campaign c = run(deployments, request_for(model, iris_of(fleet, 12)));

  EXPECT_EQ(c.status, CampaignStatus::Completed) << c.reason;
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 12u);
  const std::string sha = sha256_hex(ArtifactStore(*graph_).get(model)->bytes);
  EXPECT_EQ(c.sha256, sha);
  for (size_t i = 0; i < 12; ++i) {
    auto d = sim_device(fleet, i);
    EXPECT_EQ(d["sha256"], sha) << "device " << i;
    EXPECT_EQ(d["receipts"], 1) << "device " << i;
  }

  // The graph answers "which devices run model X" from the fleet state...
  auto runs = column(fmt::format(
      "SELECT ?d WHERE {{ GRAPH <{}> {{ ?d <{}runsModel> <{}> }} }}", kFleetStateGraph, kTkg, model));
  std::set<std::string> expected;
  for (const std::string& iri : iris_of(fleet, 12)) expected.insert(iri);
  EXPECT_EQ(std::set<std::string>(runs.begin(), runs.end()), expected);
  // ...and the campaign's per-device records say the same.
  auto confirmed = column(fmt::format(
      "SELECT ?d WHERE {{ GRAPH <{0}> {{ ?r a <{1}DeviceDeployment> ; <{1}device> ?d ; "
      "<{1}status> \"confirmed\" ; <{1}sha256> \"{2}\" }} }}",
      c.iri(), kTkg, sha));
  EXPECT_EQ(confirmed.size(), 12u);

  // A fresh read of the stored campaign equals the runner's view.
  auto stored = load_campaign(*graph_, c.id);
  ASSERT_TRUE(stored) << stored.error();
  EXPECT_EQ(stored->status, CampaignStatus::Completed);
  EXPECT_EQ(stored->count(DeviceStatus::Confirmed), 12u);
  ASSERT_EQ(stored->devices.size(), 12u);
  for (const DeviceRecord& d : stored->devices) {
    EXPECT_EQ(d.attempts, 1);
    EXPECT_FALSE(d.started.empty());
    EXPECT_FALSE(d.finished.empty());
  }
}

TEST_F(DeployTest, DeviceThatDoesNotFitIsRefusedWithTheReason) {
  const std::string model = add_model(kHelloWorld);  // ~2.5 kB of Flash
  auto& roomy = add_fleet(fleet_of(2));
  sim::FleetOptions tiny = fleet_of(1);
  tiny.flash_kb = 1;
  auto& small = add_fleet(tiny);

  Deployments deployments(*graph_);
  Campaign c = run(deployments, request_for(model, {roomy.device_iri(0), small.device_iri(0),
                                                    roomy.device_iri(1)}));
  EXPECT_EQ(c.status, CampaignStatus::Completed);
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 2u);
  ASSERT_EQ(c.count(DeviceStatus::Refused), 1u);
  const DeviceRecord& refused = c.devices[1];
  EXPECT_EQ(refused.iri, small.device_iri(0));
  EXPECT_EQ(refused.status, DeviceStatus::Refused);
  EXPECT_NE(refused.error.find("Flash"), std::string::npos) << refused.error;
  EXPECT_EQ(refused.attempts, 0);
  EXPECT_EQ(sim_device(small, 0)["receipts"], 0) << "a refused device must not be sent the model";
}

TEST_F(DeployTest, WavesGrowAndALowSuccessRatePausesTheCampaign) {
  const std::string model = add_model(kHelloWorld);
  // Devices 0..2 (canary 1, then wave of 2) are healthy; device 3 opens wave 2.
  sim::FleetOptions o = fleet_of(12);
  auto& fleet = add_fleet(o);
  sim::FleetOptions broken = fleet_of(4);
  broken.fail_rate = 1.0;
  broken.hang_ms = 50;
  auto& bad = add_fleet(broken);

  std::vector<std::string> devices = {fleet.device_iri(0), fleet.device_iri(1), fleet.device_iri(2)};
  for (size_t i = 0; i < 4; ++i) devices.push_back(bad.device_iri(i));
  for (size_t i = 3; i < 12; ++i) devices.push_back(fleet.device_iri(i));
  EXPECT_EQ(plan_waves(devices.size(), 1, 2.0),
            (std::vector<size_t>{0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4}));

  CampaignOptions opts = quick_options();
  opts.wave_success = 0.5;
  opts.retries = 0;
  opts.timeout_ms = 2000;
  Deployments deployments(*graph_);
  Campaign c = run(deployments, request_for(model, devices, opts));

  EXPECT_EQ(c.status, CampaignStatus::Paused);
  EXPECT_NE(c.reason.find("wave 2"), std::string::npos) << c.reason;
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 3u);
  EXPECT_EQ(c.count(DeviceStatus::Failed), 4u);
  for (size_t i = 3; i < 12; ++i) {
    EXPECT_EQ(sim_device(fleet, i)["receipts"], 0) << "wave 3 must wait for a human";
  }

  // Resume: the paused wave is accepted and the rest goes out.
  auto resumed = deployments.resume(c.id);
  ASSERT_TRUE(resumed) << resumed.error();
  deployments.join(c.id);
  c = *deployments.get(c.id);
  EXPECT_EQ(c.status, CampaignStatus::Completed) << c.reason;
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 12u);
  EXPECT_EQ(c.count(DeviceStatus::Failed), 4u);
}

TEST_F(DeployTest, ErrorThresholdStopsTheCampaignAtOnce) {
  const std::string model = add_model(kHelloWorld);
  sim::FleetOptions o = fleet_of(30);
  o.fail_rate = 1.0;
  o.hang_ms = 100;
  auto& fleet = add_fleet(o);
  CampaignOptions opts = quick_options();
  opts.canary = 30;  // one wave: only the threshold can stop it
  opts.concurrency = 2;
  opts.retries = 0;
  opts.timeout_ms = 200;
  opts.max_failures = 3;
  Deployments deployments(*graph_);
  Campaign c = run(deployments, request_for(model, iris_of(fleet, 30), opts));

  EXPECT_EQ(c.status, CampaignStatus::Failed);
  EXPECT_NE(c.reason.find("more than the 3 allowed"), std::string::npos) << c.reason;
  const size_t failed = c.count(DeviceStatus::Failed);
  EXPECT_GE(failed, 4u);
  EXPECT_LE(failed, 4u + opts.concurrency) << "devices in flight may finish, nothing new starts";
  EXPECT_GT(c.count(DeviceStatus::Pending), 20u);
  for (const DeviceRecord& d : c.devices) {
    if (d.status == DeviceStatus::Failed) {
      EXPECT_FALSE(d.error.empty());
    }
  }
  auto stored = load_campaign(*graph_, c.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, CampaignStatus::Failed);
  EXPECT_EQ(stored->reason, c.reason);
}

TEST_F(DeployTest, ErrorThresholdAsAPercentage) {
  const std::string model = add_model(kHelloWorld);
  sim::FleetOptions o = fleet_of(20);
  o.fail_rate = 0.5;
  auto& fleet = add_fleet(o);
  CampaignOptions opts = quick_options();
  opts.canary = 20;
  opts.concurrency = 1;
  opts.retries = 0;
  opts.timeout_ms = 200;
  opts.max_failure_rate = 0.25;
  Deployments deployments(*graph_);
  Campaign c = run(deployments, request_for(model, iris_of(fleet, 20), opts));
  EXPECT_EQ(c.status, CampaignStatus::Failed);
  EXPECT_EQ(c.count(DeviceStatus::Failed), 6u) << "stops at the first failure above 25 % of 20";
  EXPECT_NE(c.reason.find("6 of 20"), std::string::npos) << c.reason;
}

TEST_F(DeployTest, TwoHundredDevicesWithTenPercentFaults) {
  // Every healthy device confirms (the flaky ones on a retry), every faulty one
  // is reported with its error, and the graph agrees with the simulator.
  constexpr size_t kDevices = 200;
  const std::string model = add_model(kHelloWorld);
  sim::FleetOptions o = fleet_of(kDevices);
  o.fail_rate = 0.1;   // corrupt, disconnect, timeout, flash
  o.flaky_rate = 0.05;  // reboot on the first transfer
  o.hang_ms = 1500;
  auto& fleet = add_fleet(o);
  ASSERT_EQ(count_fault(fleet, kDevices, true), 20u);

  CampaignOptions opts = quick_options();
  opts.canary = 20;
  opts.concurrency = 32;
  opts.retries = 2;
  opts.backoff_ms = 40;
  opts.timeout_ms = 800;
  Deployments deployments(*graph_);
  Campaign c = run(deployments, request_for(model, iris_of(fleet, kDevices), opts));

  EXPECT_EQ(c.status, CampaignStatus::Completed);
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 180u);
  EXPECT_EQ(c.count(DeviceStatus::Failed), 20u);
  const nlohmann::json simulated_state = fleet.state()["devices"];
  for (size_t i = 0; i < kDevices; ++i) {
    const DeviceRecord& d = c.devices[i];
    const sim::Fault fault = fleet.fault(i);
    const nlohmann::json& state = simulated_state[i];
    SCOPED_TRACE(fmt::format("device {} fault {}", i, sim::to_string(fault)));
    if (sim::persistent(fault)) {
      EXPECT_EQ(d.status, DeviceStatus::Failed);
      EXPECT_EQ(d.attempts, 3);
      EXPECT_FALSE(d.error.empty());
      EXPECT_TRUE(state["sha256"].is_null());
    } else {
      EXPECT_EQ(d.status, DeviceStatus::Confirmed);
      // On a loaded machine a healthy device may miss one timeout; it is asked
      // what it runs before anything is sent again.
      EXPECT_GE(d.attempts, fault == sim::Fault::Reboot ? 2 : 1);
      EXPECT_EQ(state["sha256"], c.sha256);
      EXPECT_EQ(state["installs"], 1);
      EXPECT_EQ(state["duplicates"], 0);
    }
    if (fault == sim::Fault::Flash) {
      EXPECT_NE(d.error.find("flash write failed"), std::string::npos) << d.error;
    }
    if (fault == sim::Fault::Timeout || fault == sim::Fault::Disconnect) {
      EXPECT_NE(d.error.find("no answer"), std::string::npos) << d.error;
    }
  }
  // The graph's fleet state matches the simulator's: exactly the healthy devices run the model.
  auto runs = column(fmt::format("SELECT ?d WHERE {{ GRAPH <{}> {{ ?d <{}runsModel> <{}> }} }}",
                                 kFleetStateGraph, kTkg, model));
  std::set<std::string> simulated;
  for (size_t i = 0; i < kDevices; ++i) {
    if (!simulated_state[i]["sha256"].is_null()) simulated.insert(fleet.device_iri(i));
  }
  EXPECT_EQ(std::set<std::string>(runs.begin(), runs.end()), simulated);
}

TEST_F(DeployTest, BackoffDelaysTheRetries) {
  const std::string model = add_model(kHelloWorld);
  sim::FleetOptions o = fleet_of(1);
  o.fail_rate = 1.0;  // device 0: corrupt, answers at once
  auto& fleet = add_fleet(o);
  ASSERT_EQ(fleet.fault(0), sim::Fault::Corrupt);
  CampaignOptions opts = quick_options();
  opts.retries = 3;
  opts.backoff_ms = 100;  // waits of 100, 200, 400 ms, each ±50 %: at least 350 ms in all
  opts.backoff_max_ms = 10'000;
  Deployments deployments(*graph_);
  const auto start = std::chrono::steady_clock::now();
  Campaign c = run(deployments, request_for(model, {fleet.device_iri(0)}, opts));
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(c.devices[0].attempts, 4);
  EXPECT_EQ(sim_device(fleet, 0)["receipts"], 4);
  EXPECT_GE(took, std::chrono::milliseconds(350));
  EXPECT_LT(took, std::chrono::milliseconds(2500));
}

TEST_F(DeployTest, HungDeviceTimesOut) {
  const std::string model = add_model(kHelloWorld);
  sim::FleetOptions o = fleet_of(4);
  o.fail_rate = 1.0;  // kinds in turn: one of the four is the timeout fault
  o.hang_ms = 3000;
  auto& fleet = add_fleet(o);
  size_t hung = 4;
  for (size_t i = 0; i < 4; ++i) {
    if (fleet.fault(i) == sim::Fault::Timeout) hung = i;
  }
  ASSERT_LT(hung, 4u);
  CampaignOptions opts = quick_options();
  opts.retries = 0;
  opts.timeout_ms = 200;
  Deployments deployments(*graph_);
  const auto start = std::chrono::steady_clock::now();
  Campaign c = run(deployments, request_for(model, {fleet.device_iri(hung)}, opts));
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(c.devices[0].status, DeviceStatus::Failed);
  EXPECT_NE(c.devices[0].error.find("no answer"), std::string::npos) << c.devices[0].error;
  EXPECT_LT(took, std::chrono::milliseconds(1500)) << "the 200 ms timeout must cut the 3 s hang";
}

TEST_F(DeployTest, CorruptedTransferIsDetectedByTheHash) {
  const std::string model = add_model(kHelloWorld);
  sim::FleetOptions o = fleet_of(1);
  o.fail_rate = 1.0;
  auto& fleet = add_fleet(o);
  ASSERT_EQ(fleet.fault(0), sim::Fault::Corrupt);
  CampaignOptions opts = quick_options();
  opts.retries = 0;
  Deployments deployments(*graph_);
  Campaign c = run(deployments, request_for(model, {fleet.device_iri(0)}, opts));
  EXPECT_EQ(c.devices[0].status, DeviceStatus::Failed);
  EXPECT_NE(c.devices[0].error.find("sha256 mismatch"), std::string::npos) << c.devices[0].error;
  EXPECT_TRUE(sim_device(fleet, 0)["sha256"].is_null()) << "a damaged model must not be installed";
}

TEST_F(DeployTest, DamagedArtifactOnDiskIsRefusedBeforeSending) {
  const std::string model = add_model(kHelloWorld);
  auto artifact = ArtifactStore(*graph_).get(model);
  ASSERT_TRUE(artifact);
  {
    std::ofstream damage(ArtifactStore(*graph_).path_of(artifact->sha256),
                         std::ios::binary | std::ios::app);
    damage << "x";
  }
  auto again = ArtifactStore(*graph_).get(model);
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().find("does not match its hash"), std::string::npos) << again.error();
  auto& fleet = add_fleet(fleet_of(1));
  Deployments deployments(*graph_);
  auto created = deployments.create(request_for(model, {fleet.device_iri(0)}));
  EXPECT_FALSE(created);
  EXPECT_EQ(sim_device(fleet, 0)["receipts"], 0);
}

TEST_F(DeployTest, CancelStopsSendingAndIsRecorded) {
  const std::string model = add_model(kHelloWorld);
  sim::FleetOptions o = fleet_of(40);
  o.delay_ms = 40;
  auto& fleet = add_fleet(o);
  CampaignOptions opts = quick_options();
  opts.canary = 40;
  opts.concurrency = 2;
  Deployments deployments(*graph_);
  auto created = deployments.create(request_for(model, iris_of(fleet, 40), opts));
  ASSERT_TRUE(created) << created.error();
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  ASSERT_TRUE(deployments.cancel(created->id));
  deployments.join(created->id);
  Campaign c = *deployments.get(created->id);
  EXPECT_EQ(c.status, CampaignStatus::Cancelled);
  EXPECT_FALSE(c.finished.empty());
  const size_t confirmed = c.count(DeviceStatus::Confirmed);
  EXPECT_GT(c.count(DeviceStatus::Pending), 20u);
  const size_t received = fleet_total(fleet, 40, "receipts");
  EXPECT_EQ(received, confirmed) << "nothing is sent after the cancel";
  auto stored = load_campaign(*graph_, c.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, CampaignStatus::Cancelled);
  EXPECT_FALSE(deployments.resume(c.id)) << "a cancelled campaign cannot be resumed";
}

TEST_F(DeployTest, RollbackSendsEachDeviceItsPreviousModel) {
  const std::string first = add_model(kHelloWorld);
  const std::string second = add_model(kOtherModel);
  auto& fleet = add_fleet(fleet_of(5));
  Deployments deployments(*graph_);
  Campaign c1 = run(deployments, request_for(first, iris_of(fleet, 5)));
  ASSERT_EQ(c1.status, CampaignStatus::Completed);
  Campaign c2 = run(deployments, request_for(second, iris_of(fleet, 5)));
  ASSERT_EQ(c2.status, CampaignStatus::Completed);
  for (const DeviceRecord& d : c2.devices) {
    EXPECT_EQ(d.previous_model, first);
    EXPECT_EQ(d.previous_sha256, c1.sha256);
  }
  EXPECT_EQ(sim_device(fleet, 0)["sha256"], c2.sha256);

  auto rollback = deployments.rollback(c2.id, quick_options());
  ASSERT_TRUE(rollback) << rollback.error();
  EXPECT_EQ(rollback->kind, "rollback");
  deployments.join(rollback->id);
  Campaign back = *deployments.get(rollback->id);
  EXPECT_EQ(back.status, CampaignStatus::Completed);
  EXPECT_EQ(back.count(DeviceStatus::Confirmed), 5u);
  EXPECT_EQ(back.model_iri, first);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(sim_device(fleet, i)["sha256"], c1.sha256);
    EXPECT_EQ(sim_device(fleet, i)["previous_sha256"], c2.sha256);
  }
  auto runs = column(fmt::format("SELECT ?d WHERE {{ GRAPH <{}> {{ ?d <{}runsModel> <{}> }} }}",
                                 kFleetStateGraph, kTkg, first));
  EXPECT_EQ(runs.size(), 5u);
  EXPECT_TRUE(column(fmt::format("SELECT ?d WHERE {{ GRAPH <{}> {{ ?d <{}runsModel> <{}> }} }}",
                                 kFleetStateGraph, kTkg, second))
                  .empty());
}

TEST_F(DeployTest, RollbackNeedsAPreviousModel) {
  const std::string model = add_model(kHelloWorld);
  auto& fleet = add_fleet(fleet_of(2));
  Deployments deployments(*graph_);
  Campaign c = run(deployments, request_for(model, iris_of(fleet, 2)));
  ASSERT_EQ(c.status, CampaignStatus::Completed);
  auto rollback = deployments.rollback(c.id, quick_options());
  ASSERT_FALSE(rollback);
  EXPECT_NE(rollback.error().find("previous model"), std::string::npos) << rollback.error();
  EXPECT_EQ(sim_device(fleet, 0)["receipts"], 1) << "nothing sent by the rollback";
}

TEST_F(DeployTest, BadRequestsFailWithAClearMessage) {
  const std::string model = add_model(kHelloWorld);
  auto& fleet = add_fleet(fleet_of(1));
  Deployments deployments(*graph_);
  CampaignOptions bad = quick_options();
  bad.concurrency = 0;
  auto r1 = deployments.create(request_for(model, {fleet.device_iri(0)}, bad));
  ASSERT_FALSE(r1);
  EXPECT_NE(r1.error().find("concurrency"), std::string::npos);
  auto r2 = deployments.create(request_for("no-such-model", {fleet.device_iri(0)}));
  EXPECT_FALSE(r2);
  auto r3 = deployments.create(request_for(model, {"http://example.org/nowhere"}));
  EXPECT_FALSE(r3);
  auto r4 = deployments.get("no-such-campaign");
  ASSERT_FALSE(r4);
  EXPECT_NE(r4.error().find("no deployment campaign"), std::string::npos);
}

}  // namespace
}  // namespace tinykg::deploy::testing
