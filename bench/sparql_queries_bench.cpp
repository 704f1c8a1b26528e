// sparql_queries_bench: median wall time of SPARQL queries on a store.
//
//   sparql_queries_bench --db DIR [--load FILE.nt|.ttl ...] [--repeat N] [--explain]
//                        [--no-hash-steps] [--no-adaptive] [--no-join-order] QUERY.rq ...
//
// Example (2M triples):
//   python3 bench/gen_fleet.py 100000 > /tmp/fleet.nt
//   sparql_queries_bench --db /tmp/fleet-db --load /tmp/fleet.nt bench/q*.rq
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "rdf/serd_io.h"
#include "sparql/engine.h"
#include "store/store.h"

using namespace tinykg;

namespace {

double since_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

int usage() {
  std::cerr << "usage: sparql_queries_bench --db DIR [--load FILE ...] [--repeat N] [--explain] "
               "QUERY.rq ...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  std::vector<std::string> loads, queries;
  int repeat = 11;
  bool explain = false;
  sparql::QueryOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) {
      db = argv[++i];
    } else if (a == "--load" && i + 1 < argc) {
      loads.push_back(argv[++i]);
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--explain") {
      explain = true;
    } else if (a == "--no-hash-steps") {
      options.planner.hash_join_steps = false;
    } else if (a == "--no-adaptive") {
      options.planner.adaptive_bind_joins = false;
    } else if (a == "--no-join-order") {
      options.optimizer.join_order = false;
    } else if (a.rfind("--", 0) == 0) {
      return usage();
    } else {
      queries.push_back(a);
    }
  }
  if (db.empty()) return usage();
  auto store = store::Store::open(db);
  if (!store) {
    std::cerr << store.error() << "\n";
    return 1;
  }
  for (const std::string& file : loads) {
    auto syntax = rdf::syntax_for_path(file);
    if (!syntax) {
      std::cerr << "unknown RDF syntax: " << file << "\n";
      return 1;
    }
    auto start = std::chrono::steady_clock::now();
    uint64_t n = 0;
    auto txn = (*store)->write();
    Status st = rdf::read_rdf_file(file, *syntax, [&](const rdf::Quad& q) {
      txn.insert(q);
      ++n;
    });
    if (st) st = txn.commit();
    if (!st) {
      std::cerr << st.error() << "\n";
      return 1;
    }
    std::cout << fmt::format("loaded {} triples from {} in {:.1f} s\n", n, file,
                             since_ms(start) / 1000);
  }
  auto txn = (*store)->read();
  std::cout << fmt::format("store: {} quads\n", txn.size());
  for (const std::string& path : queries) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<double> ms;
    size_t rows = 0;
    for (int i = 0; i < repeat; ++i) {
      auto start = std::chrono::steady_clock::now();
      auto result = sparql::run_select(txn, text.str(), options);
      ms.push_back(since_ms(start));
      if (!result) {
        std::cerr << path << ": " << result.error() << "\n";
        return 1;
      }
      rows = result->rows.size();
    }
    std::sort(ms.begin(), ms.end());
    std::cout << fmt::format("{}: {} rows, median {:.3f} ms, min {:.3f} ms ({} runs)\n", path, rows,
                             ms[ms.size() / 2], ms.front(), ms.size());
    if (explain) std::cout << sparql::explain_select(txn, text.str(), options)->to_string() << "\n";
  }
  return 0;
}
