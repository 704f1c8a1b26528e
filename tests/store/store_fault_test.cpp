// Faults of the database file and of hostile input as a user meets them
// through the tinykg binary: a damaged data.mdb is reported by `tinykg
// verify` (and refused at open when LMDB's own checks fail) with a one-line
// message that says to restore a backup; an import that nests too deep or
// carries an oversize literal fails clearly and writes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "../cli/cli_runner.h"
#include "store/term_limit.h"

namespace tinykg::testing {
namespace {

void write_file(const std::string& path, std::string_view text) { std::ofstream(path) << text; }

void expect_clear_error(const RunResult& r, const std::string& needle) {
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(r.err.rfind("tinykg: error: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
}

// Replaces every copy of `from` in the file (LMDB's copy-on-write leaves
// older page versions behind) by `to`, which has the same length.
int patch_file(const std::string& path, const std::string& from, const std::string& to) {
  std::string bytes = read_file(path);
  int patched = 0;
  for (size_t at = bytes.find(from); at != std::string::npos; at = bytes.find(from, at + 1)) {
    bytes.replace(at, to.size(), to);
    ++patched;
  }
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  return patched;
}

class StoreFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "db";
    write_file(dir_ / "g.ttl",
               "@prefix ex: <http://ex/> .\n"
               "ex:a ex:p ex:b ; ex:name \"canary literal that marks its page\" .\n");
    RunResult r = run_tinykg("--db " + db_ + " load " + (dir_ / "g.ttl"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  RunResult tinykg(const std::string& args) { return run_tinykg("--db " + db_ + " " + args); }
  TempDir dir_;
  std::string db_;
};

TEST_F(StoreFaults, VerifyPassesOnAnIntactDatabase) {
  RunResult r = tinykg("verify");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "ok: 2 quads, indexes, dictionary and statistics agree\n");
}

TEST_F(StoreFaults, FlippedBytesInTheDictionaryAreDetected) {
  ASSERT_GT(patch_file(db_ + "/data.mdb", "canary literal", "canary LITERAL"), 0);
  expect_clear_error(tinykg("verify"), "is damaged: term ");
  expect_clear_error(tinykg("verify"), "restore it from a backup");
}

TEST_F(StoreFaults, DamagedMetaPagesAreRefusedAtOpen) {
  // LMDB keeps two meta pages at the start of the file; wipe both.
  std::string bytes = read_file(db_ + "/data.mdb");
  ASSERT_GT(bytes.size(), 8192u);
  std::fill(bytes.begin(), bytes.begin() + 8192, '\xff');
  std::ofstream(db_ + "/data.mdb", std::ios::binary | std::ios::trunc) << bytes;
  expect_clear_error(tinykg("stats"), "data.mdb is damaged");
  expect_clear_error(tinykg("verify"), "data.mdb is damaged");
}

TEST_F(StoreFaults, DeeplyNestedTurtleFailsTheImportAndWritesNothing) {
  std::string deep = "<http://ex/a> <http://ex/p> ";
  for (int i = 0; i < 100'000; ++i) deep += "[ <http://ex/p> ";
  deep += "1" + std::string(100'000, ']') + " .\n";
  write_file(dir_ / "deep.ttl", deep);
  expect_clear_error(tinykg("load " + (dir_ / "deep.ttl")),
                     "deep.ttl:1: blank nodes and collections nested deeper than 256 levels");
  EXPECT_EQ(tinykg("verify").out, "ok: 2 quads, indexes, dictionary and statistics agree\n");
}

TEST_F(StoreFaults, AnOversizeLiteralFailsTheImportAndWritesNothing) {
  write_file(dir_ / "big.nt", "<http://ex/c> <http://ex/p> \"" +
                                  std::string(store::kMaxTermBytes + 10, 'x') + "\" .\n");
  expect_clear_error(tinykg("load " + (dir_ / "big.nt")), "larger than the limit of 1048576 bytes");
  EXPECT_EQ(tinykg("verify").out, "ok: 2 quads, indexes, dictionary and statistics agree\n");
}

TEST_F(StoreFaults, ANulByteFailsTheImportAndWritesNothing) {
  // Found by fuzz/rdf_bulk_parser_fuzz: the bulk loader skipped NUL bytes
  // between pages and imported what the string reader (uploads) cut off.
  write_file(dir_ / "nul.nt", std::string("<http://ex/c> <http://ex/p> 1 .\n") + '\0' +
                                  "<http://ex/d> <http://ex/p> 2 .\n");
  expect_clear_error(tinykg("load " + (dir_ / "nul.nt")),
                     "nul.nt: NUL byte at offset 32; RDF text may not contain one");
  EXPECT_EQ(tinykg("verify").out, "ok: 2 quads, indexes, dictionary and statistics agree\n");
}

}  // namespace
}  // namespace tinykg::testing
