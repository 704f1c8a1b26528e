// The store's operations as a user runs them: tinykg load / dump / backup / stats.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "../cli/cli_runner.h"

namespace tinykg::testing {
namespace {

void write_file(const std::string& path, std::string_view text) { std::ofstream(path) << text; }

void expect_clear_error(const RunResult& r, const std::string& needle) {
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(r.err.rfind("tinykg: error: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
}

uint64_t triples(const std::string& db) {
  RunResult r = run_tinykg("--db " + db + " stats --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  return j.is_object() ? j["triples"].get<uint64_t>() : 0;
}

class StoreCli : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "db";
    write_file(dir_ / "g.trig",
               "@prefix ex: <http://ex/> .\n"
               "ex:a ex:p [ ex:q \"one\" ] ; ex:n 42, \"a longer literal\" .\n"
               "ex:g { ex:a ex:p ex:b . _:x ex:q \"named\" . }\n");
    RunResult r = run_tinykg("--db " + db_ + " load " + (dir_ / "g.trig"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(StoreCli, StatsReportsTriplesGraphsTermsSizeAndPredicates) {
  RunResult r = run_tinykg("--db " + db_ + " stats --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["triples"], 6);
  EXPECT_EQ(j["graphs"], 2);
  EXPECT_GT(j["terms"].get<int>(), 5);
  EXPECT_GT(j["used_bytes"].get<int>(), 0);
  ASSERT_EQ(j["predicates"].size(), 3u);
  EXPECT_EQ(j["predicates"][0]["predicate"], "http://ex/p");
  EXPECT_EQ(j["predicates"][0]["triples"], 2);
  RunResult text = run_tinykg("--db " + db_ + " stats");
  EXPECT_NE(text.out.find("triples        6"), std::string::npos) << text.out;
  expect_clear_error(run_tinykg("--db " + db_ + " stats --format xml"), "unknown stats format");
}

TEST_F(StoreCli, DumpThenLoadKeepsEveryQuadInBothFormats) {
  for (std::string format : {"nquads", "trig"}) {
    std::string out = dir_ / ("dump." + std::string(format == "nquads" ? "nq" : "trig"));
    RunResult r = run_tinykg("--db " + db_ + " dump --format " + format + " -o " + out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string copy = dir_ / ("copy-" + format);
    r = run_tinykg("--db " + copy + " load " + out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(triples(copy), 6u);
  }
  RunResult to_stdout = run_tinykg("--db " + db_ + " dump");
  EXPECT_EQ(std::count(to_stdout.out.begin(), to_stdout.out.end(), '\n'), 6) << to_stdout.out;
  EXPECT_NE(to_stdout.out.find("<http://ex/g> ."), std::string::npos) << to_stdout.out;
  expect_clear_error(run_tinykg("--db " + db_ + " dump --format turtle"), "unknown dump format");
  expect_clear_error(run_tinykg("--db " + db_ + " dump -o " + (dir_ / "no/such/dir/x.nq")),
                     "cannot create");
}

TEST_F(StoreCli, BackupOpensAsADatabaseAndRefusesAnOccupiedDirectory) {
  std::string copy = dir_ / "backup";
  RunResult r = run_tinykg("--db " + db_ + " backup " + copy);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(triples(copy), 6u);
  expect_clear_error(run_tinykg("--db " + db_ + " backup " + copy), "already holds a database");
}

TEST_F(StoreCli, SkipInvalidLogsEachBadLineAndLoadsTheRest) {
  write_file(dir_ / "bad.nt",
             "<http://ex/s> <http://ex/p> <http://ex/o1> .\n"
             "<http://ex/s> <http://ex/p> broken .\n"
             "<http://ex/s> <http://ex/p> <http://ex/o2> .\n");
  RunResult strict = run_tinykg("--db " + db_ + " load " + (dir_ / "bad.nt"));
  expect_clear_error(strict, "bad.nt:2:");
  EXPECT_EQ(triples(db_), 6u);
  RunResult lax = run_tinykg("--db " + db_ + " load --skip-invalid " + (dir_ / "bad.nt"));
  ASSERT_EQ(lax.exit_code, 0) << lax.err;
  EXPECT_NE(lax.err.find("tinykg: skipped: "), std::string::npos) << lax.err;
  EXPECT_NE(lax.err.find("bad.nt:2:"), std::string::npos) << lax.err;
  EXPECT_NE(lax.out.find("1 invalid skipped"), std::string::npos) << lax.out;
  EXPECT_EQ(triples(db_), 8u);
}

TEST_F(StoreCli, GraphOptionTargetsANamedGraph) {
  write_file(dir_ / "more.nt", "<http://ex/s> <http://ex/p> \"x\" .\n");
  RunResult r = run_tinykg("--db " + db_ + " load --graph http://ex/target " + (dir_ / "more.nt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string dump = run_tinykg("--db " + db_ + " dump").out;
  EXPECT_NE(dump.find("<http://ex/s> <http://ex/p> \"x\" <http://ex/target> ."), std::string::npos)
      << dump;
}

}  // namespace
}  // namespace tinykg::testing
