// SPARQL 1.1 Update: each operation kind once, atomicity of a failing
// request, LOAD limited to local files (the W3C suites cover the details).
#include <gtest/gtest.h>

#include <fstream>

#include "turtle_store.h"

namespace tinykg::sparql::testing {
namespace {

TEST(Update, InsertAndDeleteData) {
  TurtleStore kg("ex:a ex:ram 32 .");
  ASSERT_TRUE(kg.update("INSERT DATA { ex:b ex:ram 64 . GRAPH ex:g { ex:c ex:ram 8 } }").ok());
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ex:ram ?r } ORDER BY ?s"), (Rows{{"ex:a"}, {"ex:b"}}));
  EXPECT_EQ(kg.rows("SELECT ?s { GRAPH ex:g { ?s ex:ram ?r } }"), (Rows{{"ex:c"}}));
  ASSERT_TRUE(kg.update("DELETE DATA { ex:a ex:ram 32 }").ok());
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ex:ram ?r }"), (Rows{{"ex:b"}}));
}

TEST(Update, DeleteInsertWhereRewritesMatches) {
  TurtleStore kg("ex:a ex:ram 32 . ex:b ex:ram 64 .");
  ASSERT_TRUE(kg.update("DELETE { ?s ex:ram ?r } INSERT { ?s ex:ramKb ?r } "
                        "WHERE { ?s ex:ram ?r FILTER(?r > 40) }")
                  .ok());
  EXPECT_EQ(kg.rows("SELECT ?s ?p { ?s ?p ?o } ORDER BY ?s"),
            (Rows{{"ex:a", "ex:ram"}, {"ex:b", "ex:ramKb"}}));
  ASSERT_TRUE(kg.update("DELETE WHERE { ?s ex:ramKb ?r }").ok());
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ?p ?o }"), (Rows{{"ex:a"}}));
}

TEST(Update, GraphManagement) {
  TurtleStore kg("ex:a ex:ram 32 .");
  ASSERT_TRUE(kg.update("COPY DEFAULT TO ex:g ; CLEAR DEFAULT").ok());
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ?p ?o }"), (Rows{}));
  EXPECT_EQ(kg.rows("SELECT ?s { GRAPH ex:g { ?s ?p ?o } }"), (Rows{{"ex:a"}}));
  ASSERT_TRUE(kg.update("MOVE ex:g TO DEFAULT").ok());
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ?p ?o }"), (Rows{{"ex:a"}}));
  EXPECT_EQ(kg.rows("SELECT ?g { GRAPH ?g { ?s ?p ?o } }"), (Rows{}));
}

TEST(Update, AFailingRequestChangesNothing) {
  TurtleStore kg("ex:a ex:ram 32 .");
  // The first operation succeeds inside the transaction; the LOAD fails, so
  // the caller drops the transaction and the insert never becomes visible.
  Status st = kg.update("INSERT DATA { ex:b ex:ram 64 } ; LOAD <http://example.org/remote.ttl>");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error(),
            "LOAD of <http://example.org/remote.ttl> refused: only local file: IRIs can be loaded");
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ?p ?o }"), (Rows{{"ex:a"}}));
  EXPECT_TRUE(kg.update("LOAD SILENT <http://example.org/remote.ttl>").ok());
}

TEST(Update, LoadReadsALocalFile) {
  tinykg::testing::TempDir dir;
  std::ofstream(dir / "more.ttl") << "<http://example.org/z> <http://example.org/ram> 1 .\n";
  TurtleStore kg("");
  ASSERT_TRUE(kg.update("LOAD <file://" + (dir / "more.ttl") + "> INTO GRAPH ex:g").ok());
  EXPECT_EQ(kg.rows("SELECT ?s { GRAPH ex:g { ?s ?p ?o } }"), (Rows{{"ex:z"}}));
}

TEST(Update, MalformedUpdateSaysWhere) {
  TurtleStore kg("");
  EXPECT_EQ(kg.update("INSERT DATA { ?x ex:p 1 }").error(),
            "parse error at line 2, column 25: variables are not allowed in INSERT DATA / DELETE "
            "DATA");
}

}  // namespace
}  // namespace tinykg::sparql::testing
