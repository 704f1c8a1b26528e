// tinykg query [TEXT | -f FILE.rq] [--format table|json|csv|tsv]
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/output.h"

namespace tinykg::cli {

void add_query(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("query", "Run a SPARQL query");
  auto text = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto repeat = std::make_shared<int>(1);
  cmd->add_option("query", *text, "SPARQL query text");
  cmd->add_option("-f,--file", *file, "Read the query from a file");
  cmd->add_option("--format", *format, "table|json|csv|tsv")->capture_default_str();
  cmd->add_option("--repeat", *repeat,
                  "Run the query N times in-process and report the median time on stderr")
      ->check(CLI::Range(1, 1000000));
  cmd->callback([&ctx, text, file, format, repeat] {
    if (text->empty() == file->empty()) {
      throw CliError("give the query either as text or with -f FILE (exactly one)");
    }
    std::string query = *text;
    if (!file->empty()) {
      std::ifstream in(*file);
      if (!in) throw CliError("cannot open query file '" + *file + "'");
      std::ostringstream ss;
      ss << in.rdbuf();
      query = ss.str();
    }
    auto& graph = ctx.graph(/*read_only=*/true);
    std::vector<double> ms;
    sparql::ResultTable result;
    for (int i = 0; i < *repeat; ++i) {
      auto start = std::chrono::steady_clock::now();
      result = Context::take(graph.query(query));
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                             start).count());
    }
    print_results(result, *format);
    if (*repeat > 1) {
      std::sort(ms.begin(), ms.end());
      std::cerr << fmt::format("{} rows; {} runs: median {:.3f} ms, min {:.3f} ms, max {:.3f} ms\n",
                               result.rows.size(), ms.size(), ms[ms.size() / 2], ms.front(),
                               ms.back());
    }
  });
}

}  // namespace tinykg::cli
