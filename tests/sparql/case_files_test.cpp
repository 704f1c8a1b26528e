// Behaviour tests as data files (the DuckDB habit): each tests/sparql/cases/*.rqt
// holds the data, the query and the expected rows or error, so adding a
// situation needs no C++. Format:
//
//   # what the case checks
//   --- data          Turtle; ex:, xsd:, rdf: are predeclared
//   --- query         SPARQL exactly as run (declare your prefixes), so error
//                     positions are the file's lines within the section
//   --- rows          one row per line, cells separated by " | ", in the
//                     compact form of turtle_store.h (ex:a, 42, "text", UNDEF);
//                     order matters only if the query has ORDER BY
//   --- error         instead of rows: the exact error message
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "turtle_store.h"

namespace tinykg::sparql::testing {
namespace {

namespace fs = std::filesystem;

struct CaseFile {
  std::string name, data, query, rows, error;
  bool expects_error = false;
};

CaseFile read_case(const fs::path& path) {
  std::ifstream in(path);
  CaseFile c;
  c.name = path.stem().string();
  std::string line, *section = nullptr;
  while (std::getline(in, line)) {
    if (line.rfind("--- ", 0) == 0) {
      std::string which = line.substr(4);
      section = which == "data"    ? &c.data
                : which == "query" ? &c.query
                : which == "rows"  ? &c.rows
                : which == "error" ? &c.error
                                   : nullptr;
      if (which == "error") c.expects_error = true;
      if (!section) ADD_FAILURE() << path << ": unknown section '" << which << "'";
      continue;
    }
    if (section) *section += line + "\n";
  }
  return c;
}

std::vector<std::string> non_empty_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::vector<fs::path> case_files() {
  std::vector<fs::path> out;
  fs::path dir = fs::path(tinykg::testing::source_dir()) / "tests" / "sparql" / "cases";
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".rqt") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class CaseFiles : public ::testing::TestWithParam<fs::path> {};

TEST_P(CaseFiles, GivesTheExpectedAnswer) {
  CaseFile c = read_case(GetParam());
  TurtleStore kg(c.data);
  if (c.expects_error) {
    auto lines = non_empty_lines(c.error);
    ASSERT_EQ(lines.size(), 1u) << "an --- error section holds exactly one line";
    EXPECT_EQ(kg.error(c.query), lines[0]);
    return;
  }
  std::vector<std::string> actual;
  auto result = kg.query_raw(c.query);
  ASSERT_TRUE(result.ok()) << result.error();
  for (const auto& row : result->rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + cell(row[i]);
    actual.push_back(line);
  }
  std::vector<std::string> expected = non_empty_lines(c.rows);
  if (c.query.find("ORDER BY") == std::string::npos) {
    std::sort(actual.begin(), actual.end());
    std::sort(expected.begin(), expected.end());
  }
  EXPECT_EQ(actual, expected);
}

INSTANTIATE_TEST_SUITE_P(Sparql, CaseFiles, ::testing::ValuesIn(case_files()),
                         [](const auto& info) {
                           std::string name = info.param.stem().string();
                           std::replace_if(
                               name.begin(), name.end(),
                               [](char ch) { return !std::isalnum(static_cast<unsigned char>(ch)); },
                               '_');
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CaseFiles);

}  // namespace
}  // namespace tinykg::sparql::testing
