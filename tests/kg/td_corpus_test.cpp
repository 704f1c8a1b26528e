// The TD corpus (tests/kg/data/td/): every valid TD validates, loads and
// survives TD -> graph -> TD -> graph unchanged; every invalid variant is
// rejected with the pointer of its fault and stores nothing.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../rdf/rdf_isomorphism.h"
#include "kg/knowledge_graph.h"
#include "kg/td/thing_description.h"
#include "kg/td/validation.h"
#include "test_support.h"

namespace tinykg::kg::td {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path corpus() { return fs::path(testing::source_dir()) / "tests/kg/data/td"; }

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().string().ends_with(".td.jsonld")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string dump(const std::vector<rdf::Quad>& quads) {
  std::string out;
  for (const auto& q : quads) {
    out += q.subject.to_ntriples() + " " + q.predicate.to_ntriples() + " " +
           q.object.to_ntriples() + " .\n";
  }
  return out;
}

class ValidTd : public ::testing::TestWithParam<fs::path> {};

TEST_P(ValidTd, ValidatesLoadsAndRoundTrips) {
  const std::string text = read_text(GetParam());
  TdValidation v = validate_td_text(text);
  ASSERT_TRUE(v.ok()) << v.summary();

  auto first = td_to_graph(v.document);
  ASSERT_TRUE(first.ok()) << first.error();
  auto exported = quads_to_td(first->quads, first->device);
  ASSERT_TRUE(exported.ok()) << exported.error();
  std::vector<TdProblem> problems = validate_td(*exported);
  EXPECT_TRUE(problems.empty()) << TdValidation{*exported, problems}.summary() << "\n"
                                << exported->dump(2);
  auto second = td_to_graph(*exported);
  ASSERT_TRUE(second.ok()) << second.error() << "\n" << exported->dump(2);
  EXPECT_TRUE(testing::isomorphic(first->quads, second->quads))
      << "exported TD:\n" << exported->dump(2) << "\nfirst graph:\n" << dump(first->quads)
      << "\nsecond graph:\n" << dump(second->quads);

  // Through the store: import, export from the graph, compare again.
  testing::TempDir dir;
  auto graph = KnowledgeGraph::open(dir / "db");
  ASSERT_TRUE(graph.ok()) << graph.error();
  auto imported = import_td(**graph, text);
  ASSERT_TRUE(imported.ok()) << imported.error();
  EXPECT_EQ((*graph)->stats().devices, 1u);
  auto stored = device_quads(**graph, imported->device);
  ASSERT_TRUE(stored.ok()) << stored.error();
  EXPECT_TRUE(testing::isomorphic(first->quads, *stored))
      << "stored:\n" << dump(*stored) << "\nconverted:\n" << dump(first->quads);
  auto from_store = export_td(**graph, imported->device);
  ASSERT_TRUE(from_store.ok()) << from_store.error();
  EXPECT_TRUE(validate_td(*from_store).empty()) << from_store->dump(2);
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.filename().string();
  name = name.substr(0, name.find('.'));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, ValidTd, ::testing::ValuesIn(files_in(corpus() / "valid")),
                         test_name);

TEST(TdCorpus, HasAtLeastTwentyValidTds) { EXPECT_GE(files_in(corpus() / "valid").size(), 20u); }

class InvalidTd : public ::testing::TestWithParam<fs::path> {};

TEST_P(InvalidTd, IsRejectedWithPointerAndStoresNothing) {
  const json expected = json::parse(read_text(corpus() / "invalid/expected.json"));
  const std::string file = GetParam().filename().string();
  ASSERT_TRUE(expected.contains(file)) << "no expectation for " << file;
  const std::string pointer = expected[file]["pointer"];
  const std::string word = expected[file]["contains"];

  TdValidation v = validate_td_text(read_text(GetParam()));
  ASSERT_FALSE(v.ok()) << file << " was accepted";
  bool found = std::any_of(v.problems.begin(), v.problems.end(), [&](const TdProblem& p) {
    return p.pointer == pointer && p.message.find(word) != std::string::npos;
  });
  EXPECT_TRUE(found) << "expected a problem at '" << pointer << "' mentioning '" << word
                     << "', got: " << v.summary();

  testing::TempDir dir;
  auto graph = KnowledgeGraph::open(dir / "db");
  ASSERT_TRUE(graph.ok()) << graph.error();
  const uint64_t before = (*graph)->stats().quads;
  auto imported = import_td(**graph, read_text(GetParam()));
  EXPECT_FALSE(imported.ok());
  EXPECT_EQ((*graph)->stats().quads, before);
}

INSTANTIATE_TEST_SUITE_P(Corpus, InvalidTd, ::testing::ValuesIn(files_in(corpus() / "invalid")),
                         test_name);

}  // namespace
}  // namespace tinykg::kg::td
