// POST /api/devices with a Thing Description (application/td+json), as the
// web UI's "Add a device" upload sends it: a valid TD is stored under its
// id, an invalid one is refused with its problems and stores nothing.
#include <fstream>
#include <sstream>

#include "server_fixture.h"
#include "test_support.h"

namespace tinykg::server::testing {
namespace {

using nlohmann::json;

json reference_td() {
  std::ifstream in(tinykg::testing::source_dir() +
                   "/data/reference/devices-td/arduino_nano_ble_33.td.jsonld");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

class TdUploadTest : public ServerTest {};

TEST_F(TdUploadTest, ValidTdIsStoredUnderItsId) {
  json td = reference_td();
  td["id"] = "urn:uuid:5b7c1b1e-0000-4000-8000-000000000001";
  const uint64_t before = quads();
  auto res = client().Post("/api/devices", bearer(token(Role::Write)), td.dump(),
                           "application/td+json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  json body = json_body(res);
  EXPECT_EQ(body.value("device", ""), td["id"]);
  EXPECT_GT(body.value("quads_added", 0), 0);
  EXPECT_EQ(quads(), before + body.value("quads_added", uint64_t{0}));

  auto stored = client().Get("/api/devices/" + url_encode(td["id"].get<std::string>()));
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, 200) << stored->body;
}

TEST_F(TdUploadTest, InvalidTdIsRefusedWithItsProblemsAndStoresNothing) {
  // No title, no security definitions, no @context.
  json td = {{"id", "urn:dev:broken"}, {"properties", {{"temp", {{"forms", json::array()}}}}}};
  const uint64_t before = quads();
  auto res = client().Post("/api/devices", bearer(token(Role::Write)), td.dump(),
                           "application/td+json");
  expect_problem(res, 400);
  EXPECT_NE(json_body(res).value("detail", "").find("invalid Thing Description"),
            std::string::npos)
      << res->body;
  EXPECT_EQ(quads(), before);
}

TEST_F(TdUploadTest, TdUploadNeedsAWriteToken) {
  const uint64_t before = quads();
  expect_problem(client().Post("/api/devices", reference_td().dump(), "application/td+json"),
                 401);
  EXPECT_EQ(quads(), before);
}

}  // namespace
}  // namespace tinykg::server::testing
