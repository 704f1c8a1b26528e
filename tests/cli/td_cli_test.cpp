// `tinykg device validate|export|add` with W3C WoT Thing Descriptions, run as
// a user runs them: problems name the JSON pointer, invalid TDs store
// nothing, and what export writes validates and loads back.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_runner.h"

namespace tinykg::testing {
namespace {

std::string corpus(const std::string& name) {
  return source_dir() + "/tests/kg/data/td/" + name;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(TdCli, ValidateAcceptsValidTds) {
  RunResult r = run_tinykg("device validate " + corpus("valid/11-tinyml-board-extension.td.jsonld") +
                           " " + corpus("valid/02-lamp-basic-auth.td.jsonld"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("valid (Nicla Vision)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("valid (MyLampThing)"), std::string::npos) << r.out;
}

TEST(TdCli, ValidateListsEveryProblemWithItsPointer) {
  RunResult r = run_tinykg("device validate " + corpus("valid/01-minimal.td.jsonld") + " " +
                           corpus("invalid/bad-security-reference.td.jsonld") + " " +
                           corpus("invalid/broken-json.td.jsonld"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("  /security/0: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("basic_sc"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("invalid JSON at line 4"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "tinykg: error: 2 of 3 Thing Descriptions are invalid\n");
}

TEST(TdCli, AddExportValidateRoundTrip) {
  TempDir dir;
  const std::string db = dir / "db";
  RunResult added = run_tinykg("--db " + db + " device add " +
                               corpus("valid/11-tinyml-board-extension.td.jsonld"));
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("<urn:example:nicla-vision>"), std::string::npos) << added.out;

  const std::string exported = dir / "nicla.td.jsonld";
  RunResult out = run_tinykg("--db " + db + " device export urn:example:nicla-vision -o " + exported);
  ASSERT_EQ(out.exit_code, 0) << out.err;
  auto td = nlohmann::json::parse(read_text(exported));
  EXPECT_EQ(td["id"], "urn:example:nicla-vision");
  EXPECT_EQ(td["title"], "Nicla Vision");
  EXPECT_EQ(td["mcu"]["freeRam"], "524.288 kB");  // 512 KiB
  EXPECT_EQ(run_tinykg("device validate " + exported).exit_code, 0);

  // The exported TD loads into a fresh database with the same RAM figure.
  const std::string db2 = dir / "db2";
  ASSERT_EQ(run_tinykg("--db " + db2 + " device add " + exported).exit_code, 0);
  auto doc = query_json(db2, "'SELECT ?ram WHERE { ?d a <http://w3id.org/s3n/SmartSensor> ; "
                             "<http://www.w3.org/ns/ssn/hasSubSystem>/<http://w3id.org/s3n/"
                             "hasSystemCapability>/<http://www.w3.org/ns/ssn/systems/"
                             "hasSystemProperty> ?m . ?m a <http://tinyml-schema.org/s3n_extend/"
                             "RAM> ; <https://schema.org/value> ?ram }'");
  ASSERT_EQ(doc["results"]["bindings"].size(), 1u) << doc.dump();
  EXPECT_EQ(doc["results"]["bindings"][0]["ram"]["value"], "524.288");
}

TEST(TdCli, InvalidTdStoresNothing) {
  TempDir dir;
  const std::string db = dir / "db";
  ASSERT_EQ(run_tinykg("--db " + db + " device add " + corpus("valid/01-minimal.td.jsonld")).exit_code, 0);
  auto count = [&] {
    return query_json(db, "'SELECT * WHERE { ?s ?p ?o }'")["results"]["bindings"].size();
  };
  const size_t before = count();
  RunResult r = run_tinykg("--db " + db + " device add " + corpus("invalid/missing-title.td.jsonld"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("title"), std::string::npos) << r.err;
  EXPECT_EQ(count(), before);
}

TEST(TdCli, ExportOfAnUnknownDeviceFails) {
  TempDir dir;
  const std::string db = dir / "db";
  ASSERT_EQ(run_tinykg("--db " + db + " device add " + corpus("valid/01-minimal.td.jsonld")).exit_code, 0);
  RunResult r = run_tinykg("--db " + db + " device export urn:example:none");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no device <urn:example:none>"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tinykg::testing
