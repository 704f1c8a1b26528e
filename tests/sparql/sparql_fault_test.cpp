// Faults during SPARQL Update: a full database (LMDB map or disk) and a term
// over the size limit fail with one clear line, and the committed data stays
// exactly as it was.
#include <gtest/gtest.h>

#include <string>

#include "rdf/serd_io.h"
#include "sparql/engine.h"
#include "store/store.h"
#include "store/term_limit.h"
#include "test_support.h"

namespace tinykg::sparql {
namespace {

using tinykg::testing::TempDir;

std::unique_ptr<store::Store> open_store(const std::string& dir, size_t map_size = 0) {
  return store::Store::open(dir, {.map_size = map_size}).value_or_throw();
}

Status update(store::Store& store, const std::string& text) {
  store::WriteTxn txn = store.write();
  Status st = run_update(txn, text);
  if (!st.ok()) return st;  // dropping txn rolls the request back
  return txn.commit();
}

TEST(SparqlFaults, AFullMapDuringAnUpdateFailsClearlyAndKeepsTheData) {
  TempDir dir;
  {
    auto store = open_store(dir / "db", size_t{1} << 20);  // 1 MiB
    ASSERT_TRUE(update(*store, "INSERT DATA { <http://e/a> <http://e/p> <http://e/b> }").ok());
    std::string big = "INSERT DATA {\n";
    for (int i = 0; i < 20'000; ++i) {
      big += "<http://e/s" + std::to_string(i) + "> <http://e/p> \"a fairly long literal " +
             std::to_string(i) + "\" .\n";
    }
    Status st = update(*store, big + "}");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().find("storage full"), std::string::npos) << st.error();
    EXPECT_NE(st.error().find("keeps its previous contents"), std::string::npos) << st.error();
    EXPECT_EQ(st.error().find('\n'), std::string::npos) << "one line";
    // The same store keeps working for requests that fit.
    EXPECT_TRUE(update(*store, "INSERT DATA { <http://e/c> <http://e/p> 1 }").ok());
  }
  auto reopened = open_store(dir / "db");
  store::ReadTxn txn = reopened->read();
  EXPECT_EQ(txn.size(), 2u);
  EXPECT_TRUE(txn.verify().ok());
}

TEST(SparqlFaults, AnOversizeLiteralIsRefusedAndNothingIsWritten) {
  TempDir dir;
  auto store = open_store(dir / "db");
  std::string huge(store::kMaxTermBytes + 1, 'x');
  Status st = update(*store, "INSERT DATA { <http://e/a> <http://e/p> 1 . <http://e/a> <http://e/p> \"" +
                                 huge + "\" }");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().find("larger than the limit of 1048576 bytes"), std::string::npos)
      << st.error().substr(0, 200);
  EXPECT_EQ(store->read().size(), 0u);
  std::string fits(1000, 'x');
  EXPECT_TRUE(update(*store, "INSERT DATA { <http://e/a> <http://e/p> \"" + fits + "\" }").ok());
}

}  // namespace
}  // namespace tinykg::sparql
