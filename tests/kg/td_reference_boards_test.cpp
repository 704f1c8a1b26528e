// The six reference boards as Thing Descriptions (data/reference/devices-td/)
// validate and yield the capability graph of their Turtle versions
// (data/reference/devices/): same IRIs, sensors, MCU facts, RAM and Flash.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "kg/td/thing_description.h"
#include "kg/vocabulary.h"
#include "rdf/serd_io.h"
#include "test_support.h"

namespace tinykg::kg::td {
namespace {

namespace fs = std::filesystem;
using rdf::Quad;

fs::path data() { return fs::path(testing::source_dir()) / "data/reference"; }

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The capability statements case studies and the match engine read: every
// statement about the board's parts (sensors, MCU, capability, memories)
// except free-text comments and labels.
std::set<std::string> capability_statements(const std::vector<Quad>& quads,
                                            const std::string& board) {
  std::set<std::string> out;
  const std::string prop = board + "/property/", form = board + "/form/";
  const std::string sec = board + "/security/";
  for (const Quad& q : quads) {
    if (!q.subject.is_iri() || q.subject.value.starts_with(prop) ||
        q.subject.value.starts_with(form) || q.subject.value.starts_with(sec)) {
      continue;
    }
    if (q.subject.value == board && q.predicate.value.starts_with(vocab::kTd)) continue;
    if (q.predicate == vocab::term(vocab::kRdfs, "comment") ||
        q.predicate == vocab::term(vocab::kRdfs, "label")) {
      continue;
    }
    out.insert(q.subject.to_ntriples() + " " + q.predicate.to_ntriples() + " " +
               q.object.to_ntriples());
  }
  return out;
}

TEST(TdReferenceBoards, MatchTheTurtleBoards) {
  size_t boards = 0;
  for (const auto& entry : fs::directory_iterator(data() / "devices-td")) {
    SCOPED_TRACE(entry.path().string());
    TdValidation v = validate_td_text(read_text(entry.path()));
    ASSERT_TRUE(v.ok()) << v.summary();
    auto graph = td_to_graph(v.document);
    ASSERT_TRUE(graph.ok()) << graph.error();

    std::string stem = entry.path().filename().string();
    stem = stem.substr(0, stem.find('.'));
    std::vector<Quad> turtle;
    Status st = rdf::read_rdf_file((data() / "devices" / (stem + ".ttl")).string(),
                                   rdf::Syntax::Turtle, [&](const Quad& q) { turtle.push_back(q); });
    ASSERT_TRUE(st.ok()) << st.error();
    EXPECT_EQ(capability_statements(graph->quads, graph->device),
              capability_statements(turtle, graph->device));
    ++boards;
  }
  EXPECT_EQ(boards, 6u);
}

}  // namespace
}  // namespace tinykg::kg::td
