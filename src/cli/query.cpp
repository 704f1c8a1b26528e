// tinykg query [TEXT | -f FILE.rq] [--format F] [--explain] [--timeout MS] [--repeat N]
#include <algorithm>
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "sparql/results/graph_writer.h"
#include "sparql/results/writers.h"

namespace tinykg::cli {
namespace {

// SELECT and ASK answers take table|json|csv|tsv|xml; CONSTRUCT and DESCRIBE
// graphs take turtle|ntriples|jsonld (the two defaults: table and turtle).
void print_answer(const sparql::QueryResult& answer, const std::string& format) {
  if (const auto* graph = std::get_if<sparql::ConstructedGraph>(&answer)) {
    auto graph_format = sparql::graph_format_from_name(format == "table" ? "turtle" : format);
    if (!graph_format) {
      throw CliError("a CONSTRUCT or DESCRIBE result is printed as turtle, ntriples or jsonld, "
                     "not '" + format + "'");
    }
    sparql::write_graph(std::cout, *graph, *graph_format);
    return;
  }
  auto fmt = Context::take(sparql::parse_result_format(format));
  if (const auto* table = std::get_if<sparql::ResultTable>(&answer)) {
    sparql::write_results(std::cout, *table, fmt);
  } else {
    sparql::write_boolean(std::cout, std::get<bool>(answer), fmt);
  }
}

size_t row_count(const sparql::QueryResult& answer) {
  if (const auto* t = std::get_if<sparql::ResultTable>(&answer)) return t->rows.size();
  if (const auto* g = std::get_if<sparql::ConstructedGraph>(&answer)) return g->size();
  return 1;
}

}  // namespace

void add_query(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("query", "Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE)");
  auto text = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto repeat = std::make_shared<int>(1);
  auto explain = std::make_shared<bool>(false);
  auto timeout_ms = std::make_shared<uint64_t>(0);
  cmd->add_option("query", *text, "SPARQL query text");
  cmd->add_option("-f,--file", *file, "Read the query from a file");
  cmd->add_option("--format", *format, "table|json|csv|tsv|xml, or turtle|ntriples|jsonld for CONSTRUCT and DESCRIBE")
      ->capture_default_str();
  cmd->add_flag("--explain", *explain,
                "Print the optimized algebra and the plan with estimated and actual rows");
  cmd->add_option("--timeout", *timeout_ms, "Stop the query after this many ms (0: no limit)");
  cmd->add_option("--repeat", *repeat,
                  "Run the query N times in-process and report the median time on stderr")
      ->check(CLI::Range(1, 1000000));
  cmd->callback([&ctx, text, file, format, repeat, explain, timeout_ms] {
    const std::string query = Context::text_or_file(*text, *file, "query");
    auto& graph = ctx.graph(/*read_only=*/true);
    sparql::QueryOptions options;
    options.timeout_ms = *timeout_ms;
    std::vector<double> ms;
    sparql::QueryResult answer;
    sparql::QueryProfile profile;
    for (int i = 0; i < *repeat; ++i) {
      auto start = std::chrono::steady_clock::now();
      answer = Context::take(graph.run_query(query, options, *explain ? &profile : nullptr));
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                             start).count());
    }
    print_answer(answer, *format);
    if (*explain) std::cerr << profile.to_string() << "\n";
    if (*repeat > 1) {
      // The first run also fills the store's scan cache (docs/storage.md): it
      // is the cold figure, the median the warm one.
      const double first = ms.front();
      std::sort(ms.begin(), ms.end());
      std::cerr << fmt::format(
          "{} rows; {} runs: median {:.3f} ms, min {:.3f} ms, max {:.3f} ms, first {:.3f} ms\n",
          row_count(answer), ms.size(), ms[ms.size() / 2], ms.front(), ms.back(), first);
    }
  });
}

}  // namespace tinykg::cli
