// The HTTP transport follows the contentType of the device's TD deploy form:
// application/octet-stream gets the raw .tflite bytes (the simulator answers
// 415 to any other Content-Type than the one its TD declares), and a form
// asking for a type the transport cannot produce refuses that device, with
// the reason, without sending.
#include "deploy/campaign_record.h"
#include "deploy_fixture.h"

namespace tinykg::deploy::testing {
namespace {

sim::FleetOptions declaring(std::string content_type, size_t count = 1) {
  sim::FleetOptions o = fleet_of(count);
  o.content_type = std::move(content_type);
  return o;
}

TEST_F(DeployTest, OctetStreamFormGetsTheRawBytesWithItsOwnSpelling) {
  const std::string model = add_model(kHelloWorld);
  auto& plain = add_fleet(declaring("application/octet-stream", 2));
  // The device declared this spelling (and a parameter): it is sent as declared.
  auto& spelled = add_fleet(declaring("Application/Octet-Stream; profile=tflite"));
  Deployments deployments(*graph_);
  std::vector<std::string> devices = iris_of(plain, 2);
  devices.push_back(spelled.device_iri(0));
  Campaign c = run(deployments, request_for(model, devices));

  EXPECT_EQ(c.status, CampaignStatus::Completed) << c.reason;
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 3u);
  EXPECT_EQ(sim_device(plain, 0)["sha256"], c.sha256);
  EXPECT_EQ(sim_device(spelled, 0)["sha256"], c.sha256);
  EXPECT_EQ(sim_device(spelled, 0)["receipts"], 1);
  // The form's type is kept in the campaign's records.
  auto stored = load_campaign(*graph_, c.id);
  ASSERT_TRUE(stored) << stored.error();
  EXPECT_EQ(record_of(*stored, plain.device_iri(0)).content_type, "application/octet-stream");
  EXPECT_EQ(record_of(*stored, spelled.device_iri(0)).content_type,
            "Application/Octet-Stream; profile=tflite");
}

TEST_F(DeployTest, FormAskingForAnotherContentTypeRefusesThatDeviceOnly) {
  const std::string model = add_model(kHelloWorld);
  auto& raw = add_fleet(declaring("application/octet-stream", 2));
  auto& multipart = add_fleet(declaring("multipart/form-data"));
  auto& undeclared = add_fleet(declaring(""));  // TD default: application/json
  Deployments deployments(*graph_);
  std::vector<std::string> devices = iris_of(raw, 2);
  devices.push_back(multipart.device_iri(0));
  devices.push_back(undeclared.device_iri(0));
  Campaign c = run(deployments, request_for(model, devices));

  EXPECT_EQ(c.status, CampaignStatus::Completed) << c.reason;
  EXPECT_EQ(c.count(DeviceStatus::Confirmed), 2u);
  EXPECT_EQ(c.count(DeviceStatus::Refused), 2u);
  const DeviceRecord& m = record_of(c, multipart.device_iri(0));
  EXPECT_EQ(m.status, DeviceStatus::Refused);
  EXPECT_EQ(m.attempts, 0) << "refused devices are not sent to, nor retried";
  EXPECT_NE(m.error.find("contentType multipart/form-data"), std::string::npos) << m.error;
  EXPECT_NE(m.error.find("application/octet-stream"), std::string::npos) << m.error;
  const DeviceRecord& u = record_of(c, undeclared.device_iri(0));
  EXPECT_EQ(u.status, DeviceStatus::Refused);
  EXPECT_NE(u.error.find("a form without contentType means application/json"), std::string::npos)
      << u.error;
  EXPECT_EQ(sim_device(multipart, 0)["receipts"], 0);
  EXPECT_EQ(sim_device(undeclared, 0)["receipts"], 0);
  EXPECT_EQ(sim_device(raw, 1)["sha256"], c.sha256);
}

}  // namespace
}  // namespace tinykg::deploy::testing
