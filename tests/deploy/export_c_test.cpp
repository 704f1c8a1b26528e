// `tinykg model export-c`: the header holds the model's exact bytes (checked
// by compiling it as C and writing the array back out) and one resolver
// registration per builtin operator the model uses.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <span>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "deploy/artifact.h"
#include "deploy/c_export.h"
#include "model/analyzer.h"
#include "test_support.h"

namespace tinykg::deploy {
namespace {

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string model_path(const std::string& name) {
  return ::tinykg::testing::source_dir() + "/data/reference/models/" + name;
}

class ExportC : public ::testing::TestWithParam<const char*> {};

TEST_P(ExportC, ArrayHoldsTheBytesAndResolverListsTheOperators) {
  const std::string bytes = read_bytes(model_path(GetParam()));
  ASSERT_FALSE(bytes.empty());
  auto header = export_c_header(bytes, {"", GetParam(), ""});
  ASSERT_TRUE(header) << header.error();
  const std::string id = c_identifier(GetParam());

  // The array: one 0x.. literal per byte, in order.
  const size_t open = header->find(id + "_tflite[] = {");
  ASSERT_NE(open, std::string::npos);
  const size_t close = header->find("};", open);
  std::string array = header->substr(open, close - open);
  std::regex byte_re("0x([0-9a-f]{2}),");
  std::string decoded;
  for (auto it = std::sregex_iterator(array.begin(), array.end(), byte_re);
       it != std::sregex_iterator(); ++it) {
    decoded += static_cast<char>(std::stoi((*it)[1].str(), nullptr, 16));
  }
  EXPECT_EQ(decoded.size(), bytes.size());
  EXPECT_TRUE(decoded == bytes) << "the C array differs from the .tflite";
  EXPECT_NE(header->find(fmt::format("{}_tflite_len = {};", id, bytes.size())), std::string::npos);
  EXPECT_NE(header->find(sha256_hex(bytes)), std::string::npos);

  // The resolver: exactly the analyzer's operator list, each registered once.
  auto info = model::analyze_model_bytes(
      std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
  ASSERT_TRUE(info) << info.error();
  ASSERT_FALSE(info->op_resolver.empty());
  std::set<std::string> expected, found;
  for (const auto& op : info->op_resolver) expected.insert(op.method);
  std::regex call_re(R"(resolver\.(Add\w+)\(\))");
  size_t calls = 0;
  for (auto it = std::sregex_iterator(header->begin(), header->end(), call_re);
       it != std::sregex_iterator(); ++it, ++calls) {
    found.insert((*it)[1].str());
  }
  EXPECT_EQ(found, expected);
  EXPECT_EQ(calls, expected.size()) << "an operator registered twice";
  EXPECT_NE(header->find(fmt::format("MicroMutableOpResolver<{}>", expected.size())),
            std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(ReferenceModels, ExportC,
                         ::testing::Values("Hello_World.tflite", "Micro_Speech_Yes_No_2.tflite",
                                           "Person_Detection.tflite"));

TEST(ExportCCompile, HeaderCompilesAsCAndReproducesTheModel) {
  if (std::system("cc --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no C compiler (cc)";
  ::tinykg::testing::TempDir dir;
  const std::string bytes = read_bytes(model_path("Hello_World.tflite"));
  auto header = export_c_header(bytes, {"hello", "Hello World", ""});
  ASSERT_TRUE(header) << header.error();
  std::ofstream(dir / "model.h") << *header;
  std::ofstream(dir / "main.c")
      << "#include <stdio.h>\n#include \"model.h\"\n"
         "int main(int argc, char** argv) {\n"
         "  FILE* f = fopen(argv[1], \"wb\");\n"
         "  if (!f || fwrite(hello_tflite, 1, hello_tflite_len, f) != hello_tflite_len) return 1;\n"
         "  if (((uintptr_t)hello_tflite) % 16 != 0) return 2;\n"
         "  return fclose(f) == 0 ? 0 : 1;\n}\n";
  const std::string build = fmt::format("cc -std=c11 -Wall -Werror -o {} {} 2>{}", dir / "dump",
                                        dir / "main.c", dir / "cc.log");
  ASSERT_EQ(std::system(build.c_str()), 0) << read_bytes(dir / "cc.log");
  ASSERT_EQ(std::system((dir / "dump" + " " + dir / "out.tflite").c_str()), 0);
  EXPECT_TRUE(read_bytes(dir / "out.tflite") == bytes);
}

TEST(ExportCErrors, RejectsBytesThatAreNotAModel) {
  auto header = export_c_header("definitely not a flatbuffer", {"", "junk", ""});
  EXPECT_FALSE(header);
}

TEST(ExportCNames, IdentifiersAreValidC) {
  EXPECT_EQ(c_identifier("Person Detection v2"), "person_detection_v2");
  EXPECT_EQ(c_identifier("2nd-model"), "model_2nd_model");
  EXPECT_EQ(c_identifier("***"), "model");
}

}  // namespace
}  // namespace tinykg::deploy
