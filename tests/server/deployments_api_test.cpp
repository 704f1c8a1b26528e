// The deployment routes end to end: a campaign started by POST
// /api/deployments against simulated devices (tinykg-devsim's fleet,
// in-process on loopback), followed through its Server-Sent Events stream to
// the end, then read back; and the status codes of requests that must fail.
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "deploy/sim/simulated_fleet.h"
#include "server_fixture.h"

namespace tinykg::server::testing {
namespace {

using nlohmann::json;

using ::tinykg::testing::read_file;

struct Event {
  std::string name;
  json data;
};

// "event: x\ndata: {...}\n\n" blocks; comments (": keep-alive") skipped.
std::vector<Event> parse_events(const std::string& stream) {
  std::vector<Event> events;
  std::istringstream in(stream);
  Event current;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("event: ")) current.name = line.substr(7);
    if (line.starts_with("data: ")) current.data = json::parse(line.substr(6), nullptr, false);
    if (line.empty() && !current.name.empty()) {
      events.push_back(std::move(current));
      current = {};
    }
  }
  return events;
}

// A weekday (Mon..Sun) on which no window of that day is open now, nor one
// from yesterday running past midnight: today + 3.
std::string closed_day() {
  constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  unsigned iso = std::chrono::weekday(today).iso_encoding();  // 1 = Monday
  return kDays[(iso - 1 + 3) % 7];
}

class DeploymentsApi : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    writer_ = bearer(token(Role::Write));
    fleet_ = std::make_unique<deploy::sim::SimulatedFleet>(deploy::sim::FleetOptions{.count = 6});
    ASSERT_TRUE(fleet_->start());
    auto loaded = graph_->add_device_rdf(fleet_->fleet_turtle(), rdf::Syntax::Turtle, "devsim");
    ASSERT_TRUE(loaded) << loaded.error();
    // The model and its artifact arrive the way an operator uploads them.
    auto res = client().Post("/api/models?name=hello", writer_,
                             read_file(tinykg::testing::source_dir() +
                                       "/data/reference/models/Hello_World.tflite"),
                             "application/octet-stream");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 201) << res->body;
    model_ = json_body(res)["identifier"];
  }

  json devices(size_t count) const {
    json list = json::array();
    for (size_t i = 0; i < count; ++i) list.push_back(fleet_->device_iri(i));
    return list;
  }

  // POSTs a campaign; returns its id (empty on failure).
  std::string start_campaign(const json& body) {
    auto res = client().Post("/api/deployments", writer_, body.dump(), "application/json");
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 202) << res->body;
    json answer = json_body(res);
    EXPECT_EQ(res->get_header_value("Location"), answer.value("href", ""));
    return answer.value("id", "");
  }

  httplib::Headers writer_;
  std::unique_ptr<deploy::sim::SimulatedFleet> fleet_;
  std::string model_;
};

TEST_F(DeploymentsApi, CampaignStartedByPostIsFollowedToTheEndOverServerSentEvents) {
  const std::string id = start_campaign({{"model", model_},
                                         {"devices", devices(6)},
                                         {"canary", 2},
                                         {"retries", 0},
                                         {"timeout_ms", 2000},
                                         {"windows", "daily 00:00-24:00"}});
  ASSERT_FALSE(id.empty());

  std::string stream;
  auto res = client().Get(fmt::format("/api/deployments/{}/events", id), writer_,
                          [&](const char* data, size_t length) {
                            stream.append(data, length);
                            return true;
                          });
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/event-stream");
  std::vector<Event> events = parse_events(stream);
  ASSERT_GE(events.size(), 2u) << stream;
  EXPECT_EQ(events.back().name, "done");
  double progress = 0;
  for (size_t i = 0; i + 1 < events.size(); ++i) {
    EXPECT_EQ(events[i].name, "progress");
    ASSERT_TRUE(events[i].data.is_object()) << stream;
    EXPECT_EQ(events[i].data["id"], id);
    EXPECT_GE(events[i].data["progress"].get<double>(), progress) << "progress went back";
    progress = events[i].data["progress"].get<double>();
  }
  const json& done = events.back().data;
  EXPECT_EQ(done["status"], "completed") << done.dump();
  EXPECT_EQ(done["confirmed"], 6);
  EXPECT_EQ(done["progress"], 1.0);
  EXPECT_EQ(done["waves"].size(), 2u);  // a canary of 2, then a wave twice as large
  EXPECT_TRUE(done["waiting_until"].is_null());

  auto final_report = client().Get(fmt::format("/api/deployments/{}", id), writer_);
  ASSERT_TRUE(final_report);
  ASSERT_EQ(final_report->status, 200);
  json report = json_body(final_report);
  EXPECT_EQ(report["status"], "completed");
  EXPECT_EQ(report["options"]["windows"], json::array({"daily 00:00-24:00"}));
  ASSERT_EQ(report["devices"].size(), 6u);
  for (const json& d : report["devices"]) {
    EXPECT_EQ(d["status"], "confirmed") << d.dump();
    EXPECT_EQ(d["attempts"], 1) << d.dump();
  }
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(fleet_->state()["devices"][i]["sha256"], report["sha256"]) << "device " << i;
  }
  auto list = client().Get("/api/deployments", writer_);
  ASSERT_TRUE(list);
  EXPECT_EQ(json_body(list)["items"].size(), 1u);
}

TEST_F(DeploymentsApi, CampaignOutsideItsWindowWaitsAndSaysUntilWhen) {
  const std::string window = closed_day() + " 10:00-11:00";
  const std::string id =
      start_campaign({{"model", model_}, {"devices", devices(2)}, {"windows", json::array({window})}});
  ASSERT_FALSE(id.empty());
  json summary = json::object();
  for (int i = 0; i < 200 && summary.value("waiting_until", json()).is_null(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    summary = json_body(client().Get(fmt::format("/api/deployments/{}", id), writer_));
  }
  EXPECT_EQ(summary["status"], "running");
  ASSERT_TRUE(summary["waiting_until"].is_string()) << summary.dump();
  EXPECT_TRUE(summary["waiting_until"].get<std::string>().ends_with("T10:00:00Z"));
  EXPECT_EQ(summary["pending"], 2);
  EXPECT_EQ(fleet_->state()["devices"][0]["receipts"], 0);

  auto cancelled = client().Post(fmt::format("/api/deployments/{}/cancel", id), writer_, "",
                                 "application/json");
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled->status, 200) << cancelled->body;
  // The SSE stream of a finished campaign ends at once with "done".
  auto res = client().Get(fmt::format("/api/deployments/{}/events", id), writer_);
  ASSERT_TRUE(res);
  std::vector<Event> events = parse_events(res->body);
  ASSERT_FALSE(events.empty()) << res->body;
  EXPECT_EQ(events.back().name, "done");
  EXPECT_EQ(events.back().data["status"], "cancelled");
  EXPECT_EQ(fleet_->state()["devices"][1]["receipts"], 0);
}

TEST_F(DeploymentsApi, BadRequestsAreRefusedWithTheirStatusCodes) {
  const std::string body = json{{"model", model_}, {"devices", devices(1)}}.dump();
  // Starting a campaign writes: no token, 401; a read token, 403.
  auto anonymous = client().Post("/api/deployments", body, "application/json");
  expect_problem(anonymous, 401);
  auto reader = client().Post("/api/deployments", bearer(token(Role::Read)), body, "application/json");
  expect_problem(reader, 403);

  auto unknown_model = client().Post(
      "/api/deployments", writer_,
      json{{"model", "no-such-model"}, {"devices", devices(1)}}.dump(), "application/json");
  expect_problem(unknown_model, 400);

  auto bad_window = client().Post(
      "/api/deployments", writer_,
      json{{"model", model_}, {"devices", devices(1)}, {"windows", json::array({"Mon-Fri 22:00-4:00"})}}.dump(),
      "application/json");
  expect_problem(bad_window, 400);
  EXPECT_NE(json_body(bad_window)["detail"].get<std::string>().find("bad maintenance window"),
            std::string::npos)
      << bad_window->body;
  auto window_not_text = client().Post(
      "/api/deployments", writer_,
      json{{"model", model_}, {"devices", devices(1)}, {"windows", 22}}.dump(), "application/json");
  expect_problem(window_not_text, 400);

  expect_problem(client().Post("/api/deployments", writer_, "[1, 2]", "application/json"), 400);
  expect_problem(client().Post("/api/deployments", writer_, json{{"model", model_}}.dump(),
                               "application/json"),
                 400);  // no target
  expect_problem(client().Get("/api/deployments/20990101-000000-000000", writer_), 404);
  expect_problem(client().Get("/api/deployments/20990101-000000-000000/events", writer_), 404);
  expect_problem(client().Post("/api/deployments/20990101-000000-000000/pause", writer_, "",
                               "application/json"),
                 404);
  // Nothing of the above started a campaign or reached a device.
  EXPECT_TRUE(json_body(client().Get("/api/deployments", writer_))["items"].empty());
  EXPECT_EQ(fleet_->state()["devices"][0]["receipts"], 0);
}

}  // namespace
}  // namespace tinykg::server::testing
