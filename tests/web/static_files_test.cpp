// The server's static-file route for the web UI (src/server/static_files.cpp):
// index.html at `/`, hashed assets cached, no way out of the web root, and
// the API routes untouched.
#include <filesystem>
#include <fstream>

#include "server_fixture.h"

namespace tinykg::server::testing {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

class StaticFilesTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    root_ = dir_ / "dist";
    write_file(root_ / "index.html", "<!doctype html><title>tinykg</title>");
    write_file(root_ / "assets" / "index-abc123.js", "console.log('ui')");
    write_file(dir_ / "secret.txt", "outside the web root");
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesIndexAtRootForRevalidation) {
  options_.web_root = root_;
  auto res = client().Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "<!doctype html><title>tinykg</title>");
  EXPECT_TRUE(res->get_header_value("Content-Type").starts_with("text/html"));
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, HashedAssetsAreCachedForever) {
  options_.web_root = root_;
  auto res = client().Get("/assets/index-abc123.js");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("javascript"), std::string::npos);
  EXPECT_NE(res->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(StaticFilesTest, NoPathLeavesTheWebRoot) {
  options_.web_root = root_;
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt"}) {
    auto res = client().Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_NE(res->status, 200) << path;
    EXPECT_EQ(res->body.find("outside the web root"), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, ApiRoutesStillAnswer) {
  options_.web_root = root_;
  auto res = client().Get("/api/stats");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(json_body(res).contains("quads"));
  expect_problem(client().Get("/missing.html"), 404);
}

TEST_F(StaticFilesTest, NothingServedWithoutAWebRoot) {
  expect_problem(client().Get("/"), 404);
}

TEST_F(StaticFilesTest, NothingServedFromAFolderWithoutIndex) {
  fs::remove(root_ / "index.html");
  options_.web_root = root_;
  expect_problem(client().Get("/assets/index-abc123.js"), 404);
}

}  // namespace
}  // namespace tinykg::server::testing
