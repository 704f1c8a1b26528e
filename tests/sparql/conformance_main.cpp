// sparql_conformance: runs the W3C SPARQL 1.1 test suites
// (../shared/conformance/sparql11) against the engine and prints, per
// manifest and overall, "N passed, M failed, K skipped".
//
//   sparql_conformance [SUITE_DIR] [KNOWN_FAILURES] [--verbose] [--only TEXT]
//                      [--write-known-failures FILE]
//
// Exit status: 0 when every failure is on the known-failures list (listed
// tests that now pass are reported so the list can shrink), 1 when a test
// not on the list fails, 77 (ctest: skipped) when the suites are absent.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "conformance/expected_results.h"
#include "conformance/manifest.h"
#include "conformance/rdfxml_reader.h"
#include "conformance/result_compare.h"
#include "rdf/serd_io.h"
#include "sparql/engine.h"
#include "store/store.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace tinykg;
using namespace tinykg::sparql;
using namespace tinykg::sparql::conformance;

namespace {

// Suites outside what an embedded engine implements; each with the reason.
const std::map<std::string, std::string> kSkippedSuites = {
    {"service", "SERVICE (federated query) needs remote endpoints"},
    {"syntax-fed", "SERVICE (federated query) syntax"},
    {"entailment", "entailment regimes are not implemented (simple entailment only)"},
    {"protocol", "SPARQL HTTP protocol suite, not an engine test"},
    {"graph-store-protocol", "Graph Store HTTP protocol suite, not an engine test"},
    {"http-rdf-update", "Graph Store HTTP protocol suite, not an engine test"},
    {"service-description", "service description is an HTTP protocol feature"},
};

struct Outcome {
  enum Kind { Pass, Fail, Skip } kind = Fail;
  std::string reason;  // first line: the summary kept in the known-failures list
};

Outcome pass() { return {Outcome::Pass, {}}; }
Outcome failed(std::string why) { return {Outcome::Fail, std::move(why)}; }

std::string first_line(const std::string& s, size_t max = 110) {
  std::string line = s.substr(0, s.find('\n'));
  return line.size() > max ? line.substr(0, max) + "..." : line;
}

Result<std::string> query_text(const TestCase& t) {
  auto text = read_text(t.query);
  if (!text) return text.failure();
  // Relative IRIs in the query (FROM <data.ttl>) resolve against the file.
  return "BASE <" + t.query_iri + ">\n" + *text;
}

Status load(store::WriteTxn& txn, const GraphFile& file) {
  if (file.path.size() > 4 && file.path.substr(file.path.size() - 4) == ".rdf") {
    return read_rdfxml_file(file.path, [&](rdf::Quad q) {
      q.graph = rdf::Term::iri(file.name);
      txn.insert(q);
    });
  }
  auto syntax = rdf::syntax_for_path(file.path);
  if (!syntax) return fail("cannot read data file {}", fs::path(file.path).filename().string());
  rdf::ReadOptions opts;
  opts.base_iri = "file://" + file.path;
  return rdf::read_rdf_file(file.path, *syntax, [&](rdf::Quad q) {
    q.graph = rdf::Term::iri(file.name);
    txn.insert(q);
  }, opts);
}

// A syntax test: `check` must accept the request (positive) or reject it
// with a parse error (negative; "not supported yet" is not a syntax check).
Outcome run_syntax_check(const TestCase& t, bool positive, Status (*check)(std::string_view),
                         const char* what) {
  auto text = query_text(t);
  if (!text) return failed(text.error());
  Status st = check(*text);
  if (positive) return st ? pass() : failed(st.error());
  if (st) return failed(std::string("accepted a malformed ") + what);
  if (st.error().rfind("parse error", 0) != 0) return failed(st.error());
  return pass();
}

Outcome run_update_syntax(const TestCase& t, bool positive) {
  return run_syntax_check(t, positive, check_update_syntax, "update");
}

Outcome run_syntax(const TestCase& t, bool positive) {
  // Some update suites file their syntax tests under the query test types.
  if (t.query.size() > 3 && t.query.substr(t.query.size() - 3) == ".ru") {
    return run_update_syntax(t, positive);
  }
  return run_syntax_check(t, positive, check_query_syntax, "query");
}

Outcome run_evaluation(const TestCase& t) {
  tinykg::testing::TempDir dir;
  auto db = store::Store::open(dir.str());
  if (!db) return failed(db.error());
  {
    auto txn = (*db)->write();
    for (const GraphFile& f : t.data) {
      Status st = load(txn, f);
      if (!st) return failed("data: " + st.error());
    }
    Status st = txn.commit();
    if (!st) return failed(st.error());
  }
  auto text = query_text(t);
  if (!text) return failed(text.error());
  auto expected = read_expected(t.result);
  if (!expected) return failed("expected result: " + expected.error());
  auto txn = (*db)->read();
  auto actual = run_query(txn, *text);
  if (!actual) return failed(actual.error());

  using Kind = ExpectedResult::Kind;
  if (expected->kind == Kind::Boolean) {
    const bool* b = std::get_if<bool>(&*actual);
    if (!b) return failed("expected a boolean");
    return *b == expected->boolean ? pass() : failed("wrong boolean");
  }
  if (expected->kind == Kind::Graph) {
    const ConstructedGraph* g = std::get_if<ConstructedGraph>(&*actual);
    if (!g) return failed("expected a graph");
    std::string diff = compare_graphs(expected->graph, *g);
    return diff.empty() ? pass() : failed("wrong graph: " + diff);
  }
  const ResultTable* table = std::get_if<ResultTable>(&*actual);
  if (!table) return failed("expected a table");
  std::string diff = expected->csv
                         ? compare_tables(expected->table, as_csv_cells(*table), {})
                         : compare_tables(expected->table, *table, order_keys_of(*text));
  return diff.empty() ? pass() : failed("wrong rows: " + diff);
}

// Runs the request on the data, then compares every graph of the store
// (default and named) with the expected ones.
Outcome run_update_evaluation(const TestCase& t) {
  tinykg::testing::TempDir dir;
  auto db = store::Store::open(dir.str());
  if (!db) return failed(db.error());
  auto text = query_text(t);
  if (!text) return failed(text.error());
  {
    auto txn = (*db)->write();
    for (const GraphFile& f : t.data) {
      Status st = load(txn, f);
      if (!st) return failed("data: " + st.error());
    }
    Status st = txn.commit();
    if (!st) return failed(st.error());
  }
  {
    auto txn = (*db)->write();
    Status st = run_update(txn, *text);
    if (!st) return failed(st.error());
    Status committed = txn.commit();
    if (!committed) return failed(committed.error());
  }
  std::map<std::string, ConstructedGraph> expected, actual;
  for (const GraphFile& f : t.expected) {
    auto& g = expected[f.name];
    tinykg::testing::TempDir scratch;
    std::vector<rdf::Quad> quads;
    rdf::ReadOptions opts;
    opts.base_iri = "file://" + f.path;
    auto syntax = rdf::syntax_for_path(f.path).value_or(rdf::Syntax::Turtle);
    Status st = rdf::read_rdf_file(f.path, syntax, [&](rdf::Quad q) {
      q.graph = rdf::Term::iri("");
      g.push_back(std::move(q));
    }, opts);
    if (!st) return failed("expected data: " + st.error());
  }
  if (!expected.count("")) expected[""];
  auto txn = (*db)->read();
  store::ScanCursor cursor = txn.scan(store::IdPattern{});
  store::IdQuad q;
  while (cursor.next(q)) {
    std::string name = q.g == store::kDefaultGraph ? "" : txn.term(q.g).value;
    actual[name].push_back({txn.term(q.s), txn.term(q.p), txn.term(q.o), rdf::Term::iri("")});
  }
  for (const auto& [name, graph] : actual) {
    if (!expected.count(name)) return failed("unexpected graph <" + name + "> after the update");
  }
  for (const auto& [name, graph] : expected) {
    std::string diff = compare_graphs(graph, actual[name]);
    if (!diff.empty()) return failed("graph <" + name + ">: " + diff);
  }
  return pass();
}

Outcome run_test(const TestCase& t) {
  try {
    if (t.type == "PositiveSyntaxTest11" || t.type == "PositiveSyntaxTest") return run_syntax(t, true);
    if (t.type == "NegativeSyntaxTest11" || t.type == "NegativeSyntaxTest") return run_syntax(t, false);
    if (t.type == "QueryEvaluationTest" || t.type == "CSVResultFormatTest") return run_evaluation(t);
    if (t.type == "PositiveUpdateSyntaxTest11") return run_update_syntax(t, true);
    if (t.type == "NegativeUpdateSyntaxTest11") return run_update_syntax(t, false);
    if (t.type == "UpdateEvaluationTest") return run_update_evaluation(t);
    return {Outcome::Skip, "test type " + t.type + " is not an engine test"};
  } catch (const std::exception& e) {
    return failed(std::string("exception: ") + e.what());
  }
}

struct Counts {
  int passed = 0, failed = 0, skipped = 0;
  std::string line() const {
    return std::to_string(passed) + " passed, " + std::to_string(failed) + " failed, " +
           std::to_string(skipped) + " skipped";
  }
  void add(const Counts& o) { passed += o.passed, failed += o.failed, skipped += o.skipped; }
};

std::map<std::string, std::string> read_known(const std::string& path) {
  std::map<std::string, std::string> known;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t sp = line.find_first_of(" \t");
    known[line.substr(0, sp)] = sp == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", sp));
  }
  return known;
}

}  // namespace

int main(int argc, char** argv) {
  std::string suite_dir = tinykg::testing::shared_dir() + "/conformance/sparql11";
  std::string known_path = tinykg::testing::source_dir() + "/tests/sparql/conformance_known_failures.txt";
  std::string write_known, only;
  bool verbose = false;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose") verbose = true;
    else if (a == "--only" && i + 1 < argc) only = argv[++i];
    else if (a == "--write-known-failures" && i + 1 < argc) write_known = argv[++i];
    else positional.push_back(a);
  }
  if (positional.size() > 0) suite_dir = positional[0];
  if (positional.size() > 1) known_path = positional[1];
  suite_dir = fs::weakly_canonical(suite_dir).string();
  if (!fs::exists(suite_dir + "/manifest-all.ttl")) {
    std::cout << "skipped: W3C suites not found at " << suite_dir
              << " (clone the project beside ../shared to run them)\n";
    return 77;
  }
  auto includes = read_includes(suite_dir + "/manifest-all.ttl");
  if (!includes) {
    std::cerr << includes.error() << "\n";
    return 1;
  }
  // http-rdf-update has no include line but is one of the suites on disk.
  if (fs::exists(suite_dir + "/http-rdf-update/manifest.ttl")) {
    includes->push_back(suite_dir + "/http-rdf-update/manifest.ttl");
  }
  auto known = read_known(known_path);
  Counts total;
  std::vector<std::pair<std::string, std::string>> failures;  // name, reason
  std::set<std::string> passed_names;
  for (const std::string& manifest : *includes) {
    std::string suite = fs::path(manifest).parent_path().filename().string();
    auto tests = read_manifest(manifest, suite);
    Counts counts;
    if (!tests) {
      std::cout << suite << ": cannot read manifest: " << tests.error() << "\n";
      continue;
    }
    if (auto skip = kSkippedSuites.find(suite); skip != kSkippedSuites.end()) {
      counts.skipped = static_cast<int>(tests->size());
      std::cout << suite << ": " << counts.line() << " (skipped: " << skip->second << ")\n";
      total.add(counts);
      continue;
    }
    for (const TestCase& t : *tests) {
      if (!only.empty() && t.name.find(only) == std::string::npos) continue;
      Outcome o = run_test(t);
      if (o.kind == Outcome::Pass) {
        ++counts.passed;
        passed_names.insert(t.name);
      } else if (o.kind == Outcome::Skip) {
        ++counts.skipped;
        std::cout << "  SKIP " << t.name << ": " << o.reason << "\n";
      } else {
        ++counts.failed;
        failures.emplace_back(t.name, first_line(o.reason));
        bool listed = known.count(t.name) > 0;
        if (verbose || !listed) {
          std::cout << "  FAIL " << t.name << (listed ? " (known)" : "") << ": "
                    << (verbose ? o.reason : first_line(o.reason)) << "\n";
        }
      }
    }
    std::cout << suite << ": " << counts.line() << "\n";
    total.add(counts);
  }
  std::cout << "overall: " << total.line() << "\n";
  int non_skipped = total.passed + total.failed;
  if (non_skipped > 0) {
    std::cout << "pass rate of non-skipped tests: " << (100.0 * total.passed / non_skipped) << "%\n";
  }

  if (!write_known.empty()) {
    std::ofstream out(write_known);
    out << "# W3C SPARQL 1.1 tests that fail today: <suite/test> <reason>.\n"
        << "# sparql_conformance fails when a test not listed here fails; regenerate with\n"
        << "# sparql_conformance --write-known-failures FILE after fixing tests.\n";
    for (const auto& [name, reason] : failures) out << name << "  " << reason << "\n";
    std::cout << "wrote " << failures.size() << " known failures to " << write_known << "\n";
  }
  int unexpected = 0;
  std::cout << "Failures:\n";
  for (const auto& [name, reason] : failures) {
    bool listed = known.count(name) > 0;
    if (!listed) ++unexpected;
    std::cout << "  " << name << (listed ? "" : "  [NOT IN KNOWN FAILURES]") << "\n";
  }
  for (const auto& [name, reason] : known) {
    if (passed_names.count(name)) {
      std::cout << "now passing (remove from known failures): " << name << "\n";
    }
  }
  if (only.empty() && write_known.empty() && unexpected > 0) {
    std::cout << unexpected << " failures not in " << known_path << "\n";
    return 1;
  }
  return 0;
}
