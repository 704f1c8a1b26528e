// W3C test manifests (Turtle, vocabularies mf:/qt:/ut:) read into a small
// in-memory graph, and the test entries the runner needs from them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "rdf/term.h"

namespace tinykg::sparql::conformance {

inline constexpr const char* kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
inline constexpr const char* kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
inline constexpr const char* kUt = "http://www.w3.org/2009/sparql/tests/test-update#";
inline constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr const char* kRdfs = "http://www.w3.org/2000/01/rdf-schema#";

// Triples indexed by subject; enough to walk a manifest.
class TripleGraph {
 public:
  static Result<TripleGraph> read(const std::string& path);
  std::vector<rdf::Term> objects(const rdf::Term& s, const std::string& p) const;
  std::optional<rdf::Term> object(const rdf::Term& s, const std::string& p) const;
  std::vector<rdf::Term> list(const rdf::Term& head) const;  // rdf:first/rest
  std::vector<rdf::Term> subjects_with(const std::string& p, const rdf::Term& o) const;

 private:
  std::map<std::string, std::vector<std::pair<std::string, rdf::Term>>> by_subject_;
};

// A graph to load: a file, into the default graph (name empty) or a named one.
struct GraphFile {
  std::string path;
  std::string name;  // IRI of the named graph; empty for the default graph
};

struct TestCase {
  std::string name;     // "<suite>/<local name>", unique across the suites
  std::string title;    // mf:name
  std::string type;     // local name of the rdf:type, e.g. QueryEvaluationTest
  std::string query;    // path of the query or update file
  std::string query_iri;
  std::vector<GraphFile> data;      // qt:data / qt:graphData / ut:data / ut:graphData
  std::string result;               // mf:result file (query tests)
  std::vector<GraphFile> expected;  // ut:result data (update tests)
};

// Entries of one manifest in mf:entries order.
Result<std::vector<TestCase>> read_manifest(const std::string& path, const std::string& suite);
// mf:include of a manifest (paths).
Result<std::vector<std::string>> read_includes(const std::string& path);

std::string path_of(const std::string& file_iri);  // file:///a/b -> /a/b

}  // namespace tinykg::sparql::conformance
