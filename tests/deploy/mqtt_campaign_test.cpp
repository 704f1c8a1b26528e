// Campaigns over MQTT through a real `mosquitto` broker that the test starts
// on a free loopback port (skipped when /usr/sbin/mosquitto is missing).
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "deploy/campaign_record.h"
#include "deploy_fixture.h"

namespace tinykg::deploy::testing {
namespace {

constexpr const char* kMosquitto = "/usr/sbin/mosquitto";

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

bool accepts_connections(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

class MqttDeployTest : public DeployTest {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kMosquitto)) {
      GTEST_SKIP() << kMosquitto << " not found: install mosquitto to run the MQTT tests";
    }
    DeployTest::SetUp();
    port_ = free_port();
    const std::string conf = dir_ / "mosquitto.conf";
    {
      std::ofstream out(conf);
      out << fmt::format("listener {} 127.0.0.1\nallow_anonymous true\npersistence false\n", port_);
    }
    broker_ = fork();
    if (broker_ == 0) {
      FILE* log = std::freopen((dir_ / "mosquitto.log").c_str(), "w", stderr);
      (void)log;
      execl(kMosquitto, kMosquitto, "-c", conf.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    ASSERT_TRUE(eventually([&] { return accepts_connections(port_); }, std::chrono::seconds(3)))
        << "mosquitto did not start on port " << port_;
  }
  void TearDown() override {
    fleets_.clear();  // disconnect the devices before the broker goes
    if (broker_ > 0) {
      kill(broker_, SIGTERM);
      waitpid(broker_, nullptr, 0);
    }
  }
  sim::FleetOptions mqtt_fleet(size_t count, sim::DeviceTransport transport) {
    sim::FleetOptions o = fleet_of(count);
    o.mqtt_broker = fmt::format("127.0.0.1:{}", port_);
    o.transport = transport;
    return o;
  }

  int port_ = 0;
  pid_t broker_ = -1;
};

TEST_F(MqttDeployTest, MixedFleetConfirmsOverHttpAndMqtt) {
  const std::string model = add_model(kHelloWorld);
  auto& fleet = add_fleet(mqtt_fleet(10, sim::DeviceTransport::Mixed));
  EXPECT_TRUE(fleet.deploy_href(1).starts_with(fmt::format("mqtt://127.0.0.1:{}/", port_)));
  EXPECT_TRUE(fleet.deploy_href(0).starts_with("http://"));
  Deployments deployments(*graph_);
  Campaign c = run(deployments, request_for(model, iris_of(fleet, 10)));
  EXPECT_EQ(c.status, CampaignStatus::Completed) << c.reason;
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 10u);
  for (size_t i = 0; i < 10; ++i) {
    auto state = sim_device(fleet, i);
    EXPECT_EQ(state["sha256"], c.sha256) << "device " << i;
    EXPECT_EQ(state["receipts"], 1) << "device " << i;
    EXPECT_EQ(state["model"], model) << "device " << i;
  }
  auto runs = column(fmt::format("SELECT ?d WHERE {{ GRAPH <{}> {{ ?d <{}runsModel> <{}> }} }}",
                                 kFleetStateGraph, kTkg, model));
  EXPECT_EQ(runs.size(), 10u);
}

TEST_F(MqttDeployTest, FaultsOverMqttAreReported) {
  const std::string model = add_model(kHelloWorld);
  sim::FleetOptions o = mqtt_fleet(4, sim::DeviceTransport::Mqtt);
  o.fail_rate = 1.0;  // corrupt, disconnect, timeout, flash: one each
  o.hang_ms = 100;
  auto& fleet = add_fleet(o);
  CampaignOptions opts = quick_options();
  opts.canary = 4;
  opts.retries = 1;
  opts.timeout_ms = 300;
  Deployments deployments(*graph_);
  Campaign c = run(deployments, request_for(model, iris_of(fleet, 4), opts));
  EXPECT_EQ(c.count(DeviceStatus::Failed), 4u);
  for (size_t i = 0; i < 4; ++i) {
    const DeviceRecord& d = c.devices[i];
    SCOPED_TRACE(sim::to_string(fleet.fault(i)));
    EXPECT_EQ(d.attempts, 2);
    switch (fleet.fault(i)) {
      case sim::Fault::Corrupt: EXPECT_NE(d.error.find("sha256 mismatch"), std::string::npos) << d.error; break;
      case sim::Fault::Flash: EXPECT_NE(d.error.find("flash write failed"), std::string::npos) << d.error; break;
      default: EXPECT_NE(d.error.find("no answer on MQTT"), std::string::npos) << d.error; break;
    }
    EXPECT_TRUE(sim_device(fleet, i)["sha256"].is_null());
  }
}

TEST_F(MqttDeployTest, ResumeAsksMqttDevicesWhatTheyRun) {
  const std::string model = add_model(kHelloWorld);
  auto& fleet = add_fleet(mqtt_fleet(3, sim::DeviceTransport::Mqtt));
  std::string id;
  {
    Deployments first(*graph_);
    Campaign c = run(first, request_for(model, iris_of(fleet, 3)));
    ASSERT_EQ(c.status, CampaignStatus::Completed);
    id = c.id;
  }
  // Pretend the process died before recording two confirmations.
  auto stored = load_campaign(*graph_, id);
  ASSERT_TRUE(stored);
  stored->status = CampaignStatus::Running;
  stored->finished.clear();
  stored->devices[0].status = DeviceStatus::Sending;
  stored->devices[2].status = DeviceStatus::Pending;
  ASSERT_TRUE(save_progress(*graph_, *stored, {0, 2}));

  Deployments second(*graph_);
  ASSERT_TRUE(second.resume(id));
  second.join(id);
  Campaign c = *second.get(id);
  EXPECT_EQ(c.status, CampaignStatus::Completed);
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(sim_device(fleet, i)["receipts"], 1) << "device " << i;
}

}  // namespace
}  // namespace tinykg::deploy::testing
