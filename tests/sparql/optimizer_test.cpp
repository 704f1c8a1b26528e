// Optimizer passes: what they do to the plan, and that switching them off
// changes the plan but never the answer.
#include <gtest/gtest.h>

#include "sparql/algebra/translate.h"
#include "sparql/optimizer/filter_pushdown.h"
#include "sparql/parser/parser.h"
#include "sparql/planner/join_cost.h"
#include "turtle_store.h"

namespace tinykg::sparql::testing {
namespace {

// Ten boards, one of which has a camera: the camera pattern is the most
// selective one, so the join order must start there.
std::string fleet() {
  std::string ttl;
  for (int i = 0; i < 10; ++i) {
    ttl += "ex:b" + std::to_string(i) + " a ex:Board ; ex:sub ex:s" + std::to_string(i) +
           " ; ex:ram " + std::to_string(100 + 10 * i) + " .\n";
    ttl += "ex:s" + std::to_string(i) + (i == 7 ? " a ex:Camera .\n" : " a ex:Microphone .\n");
  }
  return ttl;
}

const char* kCameraBoards =
    "SELECT ?b ?r { ?b a ex:Board ; ex:ram ?r ; ex:sub ?s . ?s a ex:Camera FILTER(?r > 150) }";

TEST(JoinOrder, StartsFromTheMostSelectivePatternAndBindJoinsAlongTheChain) {
  TurtleStore kg(fleet());
  EXPECT_EQ(kg.rows(kCameraBoards), (Rows{{"ex:b7", "170"}}));
  std::string profile = kg.profile(kCameraBoards);
  // The plan is printed root first, so the first pattern scanned is the last line.
  size_t scan = profile.find(
      "IndexScan ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://example.org/Camera>");
  EXPECT_NE(scan, std::string::npos) << profile;
  EXPECT_NE(profile.find("IndexNestedLoopJoin ?b <http://example.org/sub> ?s  [est"),
            std::string::npos)
      << profile;
}

TEST(JoinOrder, SwitchingPassesOffKeepsTheAnswer) {
  TurtleStore kg(fleet());
  for (bool pushdown : {false, true}) {
    for (bool order : {false, true}) {
      QueryOptions options;
      options.optimizer.filter_pushdown = pushdown;
      options.optimizer.join_order = order;
      EXPECT_EQ(kg.rows(kCameraBoards, options), (Rows{{"ex:b7", "170"}}))
          << "pushdown=" << pushdown << " join_order=" << order;
    }
  }
  QueryOptions off;
  off.optimizer.join_order = false;
  EXPECT_NE(kg.profile(kCameraBoards, off).find("join_order (off)"), std::string::npos);
}

// A class pattern is estimated from the store's per-class counts: exact, also
// past the 50k rows the estimator would count by scanning.
TEST(Cardinality, TypePatternEstimateIsTheClassCount) {
  std::string ttl;
  for (int i = 0; i < 60001; ++i) ttl += "ex:s" + std::to_string(i) + " a ex:Sensor .\n";
  ttl += "ex:c a ex:Camera .\n";
  TurtleStore kg(ttl);
  EXPECT_NE(kg.profile("SELECT ?x { ?x a ex:Sensor }").find("[est 60001, rows 60001]"),
            std::string::npos)
      << kg.profile("SELECT ?x { ?x a ex:Sensor }");
  EXPECT_NE(kg.profile("SELECT ?x { ?x a ex:Camera }").find("[est 1, rows 1]"),
            std::string::npos);
  EXPECT_NE(kg.profile("SELECT ?x { ?x a ex:Nothing }").find("[est 0, rows 0]"),
            std::string::npos);
}

TEST(FilterPushdown, SplitsConjunctsAndPlacesEachAfterItsLastVariable) {
  TurtleStore kg(fleet());
  std::string profile = kg.profile(
      "SELECT ?b { ?b ex:ram ?r ; ex:sub ?s . ?s a ?kind "
      "FILTER(?r > 150 && ?kind = ex:Camera) }");
  // Two separate Filter operators, not one at the top.
  size_t first = profile.find("Filter (?r > ");
  size_t second = profile.find("Filter (?kind = ");
  EXPECT_NE(first, std::string::npos) << profile;
  EXPECT_NE(second, std::string::npos) << profile;
}

TEST(FilterPushdown, MovesFiltersIntoTheBasicGraphPattern) {
  auto parsed = parse_query(
      "SELECT * { ?a <http://p> ?b . { ?b <http://q> ?c } FILTER(?b > 1 && ?c < 2 && bound(?z)) }");
  ASSERT_TRUE(parsed.ok());
  algebra::NodePtr tree = algebra::translate(*parsed);
  push_down_filters(tree);
  EXPECT_EQ(algebra::to_string(*tree),
            "Project ?a ?b ?c\n"
            "  Filter bound(?z)\n"
            "    Join\n"
            "      Bgp\n"
            "        ?a <http://p> ?b\n"
            "        FILTER (?b > \"1\"^^<http://www.w3.org/2001/XMLSchema#integer>)\n"
            "      Bgp\n"
            "        ?b <http://q> ?c\n"
            "        FILTER (?c < \"2\"^^<http://www.w3.org/2001/XMLSchema#integer>)\n");
}

TEST(FilterPushdown, DoesNotMoveAFilterIntoANestedGroupThatIsOutOfScope) {
  // The inner FILTER sees only the inner group, where ?o is unbound: no rows.
  TurtleStore kg("ex:a ex:v 5 .");
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ex:v ?o { FILTER(?o = 5) } }"), Rows{});
  EXPECT_EQ(kg.rows("SELECT ?s { ?s ex:v ?o FILTER(?o = 5) }"), (Rows{{"ex:a"}}));
}

}  // namespace
}  // namespace tinykg::sparql::testing

namespace tinykg::sparql {
namespace {

TEST(JoinCost, HashJoinOnlyWhenTheInputDwarfsThePattern) {
  EXPECT_FALSE(prefer_hash_join(/*input_rows=*/1000, /*pattern_rows=*/35000));
  EXPECT_FALSE(prefer_hash_join(35000, 35000));
  EXPECT_TRUE(prefer_hash_join(150000, 35000));
}

}  // namespace
}  // namespace tinykg::sparql
