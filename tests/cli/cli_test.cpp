// The CLI as a user meets it: bad input gives one clear line on stderr and a
// non-zero exit, and the database keeps what it held before.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_runner.h"

namespace tinykg::testing {
namespace {

void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string read_prefix(const std::string& path, size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string s(n, '\0');
  in.read(s.data(), static_cast<std::streamsize>(n));
  s.resize(static_cast<size_t>(in.gcount()));
  return s;
}

size_t triple_count(const std::string& db) {
  auto doc = query_json(db, "'SELECT * WHERE { ?s ?p ?o }'");
  return doc.contains("results") ? doc["results"]["bindings"].size() : SIZE_MAX;
}

// One line, prefixed, and it names what went wrong.
void expect_clear_error(const RunResult& r, const std::string& needle) {
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(r.err.rfind("tinykg: error: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
}

class CliBadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "db";
    write_file(dir_ / "good.ttl",
               "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:d 42 .\n");
    RunResult r = run_tinykg("--db " + db_ + " load " + (dir_ / "good.ttl"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    before_ = triple_count(db_);
    ASSERT_EQ(before_, 2u);
  }
  void TearDown() override { EXPECT_EQ(triple_count(db_), before_) << "database changed"; }

  TempDir dir_;
  std::string db_;
  size_t before_ = 0;
};

TEST_F(CliBadInput, MalformedTurtleNamesFileLineAndColumnAndLoadsNothing) {
  write_file(dir_ / "bad.ttl", "@prefix ex: <http://example.org/> .\nex:x ex:y ex:z .\nex:x ex:y");
  // The good first file must not be half-loaded either.
  write_file(dir_ / "more.ttl", "<http://example.org/new> <http://example.org/p> 1 .\n");
  auto r = run_tinykg("--db " + db_ + " load " + (dir_ / "more.ttl") + " " + (dir_ / "bad.ttl"));
  expect_clear_error(r, "bad.ttl:3:");
}

TEST_F(CliBadInput, MissingFile) {
  auto r = run_tinykg("--db " + db_ + " load " + (dir_ / "nope.ttl"));
  expect_clear_error(r, "nope.ttl");
  EXPECT_NE(r.err.find("No such file"), std::string::npos) << r.err;
}

TEST_F(CliBadInput, MalformedSparqlGivesLineAndColumn) {
  auto r = run_tinykg("--db " + db_ + " query 'SELECT ?x WHERE {\n ?x ?y }'");
  expect_clear_error(r, "line 2");
}

TEST_F(CliBadInput, MalformedUpdateChangesNothing) {
  auto r = run_tinykg("--db " + db_ +
                      " update 'INSERT DATA { <http://x/a> <http://x/b> 1 } ;\n DELETE WHERE { ?s'");
  expect_clear_error(r, "line 2");
}

TEST_F(CliBadInput, UpdateThatFailsHalfwayChangesNothing) {
  // The first operation succeeds, the LOAD of a remote IRI is refused: the
  // whole request is one transaction, so the insert must not stay either.
  auto r = run_tinykg("--db " + db_ +
                      " update 'INSERT DATA { <http://x/a> <http://x/b> 1 } ; "
                      "LOAD <http://example.org/remote.ttl>'");
  expect_clear_error(r, "");
}

TEST_F(CliBadInput, GarbageModel) {
  write_file(dir_ / "garbage.tflite", std::string(1000, 'x'));
  expect_clear_error(run_tinykg("--db " + db_ + " model add " + (dir_ / "garbage.tflite")),
                     "garbage.tflite");
}

TEST_F(CliBadInput, TruncatedModel) {
  const std::string model = data_dir() + "/reference/models/Hello_World.tflite";
  write_file(dir_ / "truncated.tflite", read_prefix(model, 1200));
  expect_clear_error(run_tinykg("--db " + db_ + " model add " + (dir_ / "truncated.tflite")),
                     "truncated.tflite");
  expect_clear_error(run_tinykg("model inspect " + (dir_ / "truncated.tflite")),
                     "truncated.tflite");
}

TEST_F(CliBadInput, MissingModelFile) {
  expect_clear_error(run_tinykg("--db " + db_ + " model add " + (dir_ / "none.tflite")),
                     "none.tflite");
}

TEST_F(CliBadInput, DeviceFileWithoutADevice) {
  expect_clear_error(run_tinykg("--db " + db_ + " device add " + (dir_ / "good.ttl")),
                     "describes no device");
}

TEST_F(CliBadInput, ModelImportedTwiceIsRefused) {
  const std::string model = data_dir() + "/reference/models/Hello_World.tflite";
  const std::string card = data_dir() + "/reference/cards/Hello_World.json";
  auto first = run_tinykg("--db " + db_ + " model add " + model + " --card " + card);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  before_ = triple_count(db_);
  expect_clear_error(run_tinykg("--db " + db_ + " model add " + model + " --card " + card),
                     "already in the graph");
}

TEST(Cli, UpdateThenAskAndConstruct) {
  TempDir dir;
  const std::string db = dir / "db";
  auto u = run_tinykg("--db " + db +
                      " update 'PREFIX ex: <http://ex/> INSERT DATA { ex:a ex:p 1 . ex:b ex:p 2 }'");
  ASSERT_EQ(u.exit_code, 0) << u.err;
  auto ask = run_tinykg("--db " + db + " query 'ASK { ?s <http://ex/p> 2 }' --format json");
  ASSERT_EQ(ask.exit_code, 0) << ask.err;
  EXPECT_EQ(nlohmann::json::parse(ask.out)["boolean"], true) << ask.out;
  auto graph = run_tinykg("--db " + db +
                          " query 'CONSTRUCT { ?s <http://ex/q> ?o } WHERE { ?s <http://ex/p> ?o }'"
                          " --format ntriples");
  ASSERT_EQ(graph.exit_code, 0) << graph.err;
  EXPECT_NE(graph.out.find("<http://ex/a> <http://ex/q> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> ."),
            std::string::npos)
      << graph.out;
  auto del = run_tinykg("--db " + db + " update 'DELETE WHERE { ?s <http://ex/p> 1 }'");
  ASSERT_EQ(del.exit_code, 0) << del.err;
  auto left = query_json(db, "'SELECT * WHERE { ?s ?p ?o }'");
  EXPECT_EQ(left["results"]["bindings"].size(), 1u) << left.dump();
}

TEST(Cli, QueryOnAMissingDatabaseFailsWithoutCreatingIt) {
  TempDir dir;
  auto r = run_tinykg("--db " + (dir / "absent") + " query 'SELECT * WHERE { ?s ?p ?o }'");
  expect_clear_error(r, "does not exist");
  EXPECT_FALSE(std::filesystem::exists(dir / "absent"));
}

TEST(Cli, ModelInspectJsonHasTheDocumentedKeys) {
  auto r = run_tinykg("model inspect " + data_dir() + "/reference/models/Hello_World.tflite --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  for (const char* key : {"macs_reference", "arena_bytes", "flash_bytes", "operators"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  ASSERT_FALSE(doc["operators"].empty());
  EXPECT_TRUE(doc["operators"][0].contains("index"));
  EXPECT_TRUE(doc["operators"][0].contains("type"));
}

TEST(Cli, ModelAddUnderAKnownNameAddsAVersionWithTags) {
  TempDir dir;
  const std::string db = dir / "db";
  // Two different files with one name (the file stem) are versions 1 and 2.
  std::filesystem::create_directories(dir / "v1");
  std::filesystem::create_directories(dir / "v2");
  std::filesystem::copy_file(data_dir() + "/reference/models/Hello_World.tflite",
                             dir / "v1/kws.tflite");
  std::filesystem::copy_file(data_dir() + "/reference/models/Magic_Wand_1.tflite",
                             dir / "v2/kws.tflite");
  auto first = run_tinykg("--db " + db + " model add " + dir / "v1/kws.tflite" +
                          " --tag candidate");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("added model kws version 1"), std::string::npos) << first.out;
  auto second = run_tinykg("--db " + db + " model add --tag production --tag int8 " +
                           dir / "v2/kws.tflite");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("added model kws version 2"), std::string::npos) << second.out;
  auto bad = run_tinykg("--db " + db + " model add --tag 'no spaces' " +
                        data_dir() + "/reference/models/Person_Detection.tflite");
  EXPECT_NE(bad.exit_code, 0);

  auto list = run_tinykg("--db " + db + " model list --format csv");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out.find("Person_Detection"), std::string::npos) << list.out;  // nothing written
  // name,uuid,version,macs,ram,flash,tags
  std::istringstream lines(list.out);
  std::string header, v1, v2;
  std::getline(lines, header);
  std::getline(lines, v1);
  std::getline(lines, v2);
  EXPECT_EQ(header.rfind("name,uuid,version,", 0), 0u) << list.out;
  EXPECT_NE(v1.find(",1,"), std::string::npos) << list.out;
  EXPECT_TRUE(v1.ends_with(",candidate") || v1.ends_with(",candidate\r")) << list.out;
  EXPECT_NE(v2.find(",2,"), std::string::npos) << list.out;
  EXPECT_TRUE(v2.find("int8,production") != std::string::npos ||
              v2.find("production,int8") != std::string::npos)
      << list.out;
}

TEST(Cli, ModelListShowsAnImportedModel) {
  TempDir dir;
  const std::string db = dir / "db";
  auto r = run_tinykg("--db " + db + " model add " + data_dir() +
                      "/reference/models/Person_Detection.tflite --card " + data_dir() +
                      "/reference/cards/Person_Detection.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto list = run_tinykg("--db " + db + " model list --format csv");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("Person_Detection"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("7158144"), std::string::npos) << list.out;
}

}  // namespace
}  // namespace tinykg::testing
