// Helpers shared by the test suites: temporary directories and the location
// of the reference data (../shared), which tests skip without.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace tinykg::testing {

inline std::string shared_dir() { return TINYKG_SHARED_DIR; }
inline std::string source_dir() { return TINYKG_SOURCE_DIR; }
inline bool have_shared() {
  return std::filesystem::exists(std::filesystem::path(TINYKG_SHARED_DIR) / "reference");
}
#define TINYKG_REQUIRE_SHARED()                                                   \
  do {                                                                            \
    if (!::tinykg::testing::have_shared())                                        \
      GTEST_SKIP() << "reference data not found at " TINYKG_SHARED_DIR            \
                      " (clone the project beside ../shared to run this test)";   \
  } while (0)

// A directory removed when the object goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("tinykg-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string str() const { return path_.string(); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// The whole file as bytes ("" when it cannot be read).
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace tinykg::testing
