// W3C JSON-LD 1.1 toRdf conformance runner.
//
//   jsonld_conformance SUITE_DIR KNOWN_FAILURES_FILE
//
// Runs every test of SUITE_DIR/toRdf-manifest.jsonld, compares the produced
// dataset with the expected N-Quads up to blank node isomorphism (negative
// tests: the error code), and ends with the line "N passed, M failed, K skipped".
// Exits non-zero only when a test fails that is not in the known-failures
// list, so CI notices regressions but not documented gaps.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "rdf/jsonld/jsonld.h"
#include "rdf_isomorphism.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace tinykg;

namespace {

// The manifest's baseIri; documents under it are served from the suite folder.
constexpr std::string_view kSuiteBase = "https://w3c.github.io/json-ld-api/tests/";

std::optional<std::string> read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Serves the suite's own files for its base URL; nothing else exists.
class SuiteLoader : public rdf::DocumentLoader {
 public:
  explicit SuiteLoader(fs::path dir) : dir_(std::move(dir)) {}
  Result<rdf::RemoteDocument> load(const std::string& url) override {
    if (!url.starts_with(kSuiteBase)) return fail("{} is outside the test suite", url);
    auto text = read_file(dir_ / url.substr(kSuiteBase.size()));
    if (!text) return fail("no such test document: {}", url);
    auto doc = json::parse(*text, nullptr, false);
    if (doc.is_discarded()) return fail("{} is not JSON", url);
    return rdf::RemoteDocument{url, std::move(doc)};
  }

 private:
  fs::path dir_;
};

std::map<std::string, std::string> read_known_failures(const fs::path& p) {
  std::map<std::string, std::string> known;
  auto text = read_file(p);
  if (!text) return known;
  std::istringstream in(*text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t space = line.find_first_of(" \t");
    std::string id = line.substr(0, space);
    std::string reason = space == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", space));
    known[id] = reason;
  }
  return known;
}

bool has_type(const json& test, std::string_view type) {
  for (const auto& t : test["@type"]) if (t == type) return true;
  return false;
}

// Why a test is not run, or empty to run it.
std::string skip_reason(const json& test, const json& option) {
  if (option.value("specVersion", "") == "json-ld-1.0") return "json-ld-1.0-only test";
  std::string input = test.value("input", "");
  if (input.ends_with(".html")) return "HTML input (not supported)";
  if (test.contains("option") && option.contains("contentType")) return "remote-document test";
  if (option.contains("redirectTo") || option.contains("httpLink") || option.contains("httpStatus")) {
    return "remote-document test";
  }
  return {};
}

struct Outcome {
  bool passed = false;
  std::string detail;
};

Outcome run_test(const json& test, const json& option, const fs::path& dir, SuiteLoader& loader) {
  std::string input = test["input"].get<std::string>();
  rdf::JsonLdOptions opts;
  opts.base = option.value("base", std::string(kSuiteBase) + input);
  opts.loader = &loader;
  opts.blank_prefix = "t";
  opts.processing_mode = option.value("processingMode", "json-ld-1.1");
  opts.produce_generalized_rdf = option.value("produceGeneralizedRdf", false);
  std::string direction = option.value("rdfDirection", "");
  if (direction == "i18n-datatype") opts.rdf_direction = rdf::RdfDirection::I18nDatatype;
  if (direction == "compound-literal") opts.rdf_direction = rdf::RdfDirection::CompoundLiteral;
  if (option.contains("expandContext")) {
    auto ctx = read_file(dir / option["expandContext"].get<std::string>());
    if (!ctx) return {false, "expandContext file missing"};
    opts.expand_context = json::parse(*ctx);
  }
  auto text = read_file(dir / input);
  if (!text) return {false, "input file missing: " + input};
  auto quads = rdf::jsonld_to_rdf(*text, opts);

  if (has_type(test, "jld:NegativeEvaluationTest")) {
    std::string expected = test.value("expectErrorCode", "");
    if (quads.ok()) return {false, "expected error '" + expected + "', got success"};
    std::string_view code = rdf::jsonld_error_code(quads.error());
    if (code != expected) return {false, "expected error '" + expected + "', got: " + quads.error()};
    return {true, {}};
  }
  if (!quads.ok()) return {false, "error: " + quads.error()};
  if (has_type(test, "jld:PositiveSyntaxTest")) return {true, {}};

  auto expected_text = read_file(dir / test["expect"].get<std::string>());
  if (!expected_text) return {false, "expected output missing"};
  auto expected = testing::parse_nquads(*expected_text);
  if (!expected.ok()) return {false, "cannot read expected output: " + expected.error()};
  if (testing::isomorphic(*quads, *expected)) return {true, {}};
  std::string got;
  for (const auto& q : *quads) {
    got += "      " + q.subject.to_ntriples() + " " + q.predicate.to_ntriples() + " " +
           q.object.to_ntriples() + (q.in_default_graph() ? "" : " " + q.graph.to_ntriples()) + "\n";
  }
  return {false, fmt::format("dataset differs: {} quads produced, {} expected\n{}", quads->size(),
                             expected->size(), got)};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: jsonld_conformance SUITE_DIR KNOWN_FAILURES_FILE [-v] [TEST_ID…]\n";
    return 2;
  }
  fs::path dir = argv[1];
  fs::path manifest_path = dir / "toRdf-manifest.jsonld";
  if (!fs::exists(manifest_path)) {
    std::cout << "JSON-LD conformance suite not found at " << manifest_path.string()
              << " (clone the project beside ../shared to run it); skipping\n";
    return 0;
  }
  bool verbose = false;
  std::set<std::string> only;
  for (int i = 3; i < argc; ++i) {
    if (std::string_view(argv[i]) == "-v") verbose = true;
    else only.insert(argv[i]);
  }
  auto known = read_known_failures(argv[2]);
  json manifest = json::parse(*read_file(manifest_path));
  SuiteLoader loader(dir);

  size_t passed = 0, failed = 0, skipped = 0;
  std::vector<std::string> unexpected, now_passing;
  for (const auto& test : manifest["sequence"]) {
    std::string id = test["@id"].get<std::string>();
    if (id.starts_with("#")) id.erase(0, 1);
    if (!only.empty() && !only.count(id)) continue;
    json option = test.value("option", json::object());
    if (std::string why = skip_reason(test, option); !why.empty()) {
      ++skipped;
      std::cout << "SKIP " << id << ": " << why << "\n";
      continue;
    }
    Outcome outcome;
    try {
      outcome = run_test(test, option, dir, loader);
    } catch (const std::exception& e) {
      outcome = {false, std::string("exception: ") + e.what()};
    }
    auto k = known.find(id);
    if (outcome.passed) {
      ++passed;
      if (k != known.end()) now_passing.push_back(id);
      continue;
    }
    ++failed;
    if (k != known.end()) {
      std::cout << "FAIL " << id << " (known: " << k->second << ")\n";
      if (verbose) std::cout << "     " << outcome.detail << "\n";
    } else {
      unexpected.push_back(id);
      std::cout << "FAIL " << id << " " << test.value("name", "") << ": " << outcome.detail << "\n";
    }
  }
  for (const auto& id : now_passing) {
    std::cout << "note: " << id << " is listed in the known failures but passes now; "
              << "remove it from " << argv[2] << "\n";
  }
  if (!unexpected.empty()) {
    std::cout << unexpected.size() << " failure(s) not in the known-failures list\n";
  }
  size_t run = passed + failed;
  std::cout << fmt::format("pass rate: {:.1f}% of {} tests run\n",
                           run ? 100.0 * passed / run : 100.0, run);
  std::cout << passed << " passed, " << failed << " failed, " << skipped << " skipped\n";
  return unexpected.empty() ? 0 : 1;
}
