// tinykg stats [--format text|json]
#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"

namespace tinykg::cli {

void add_stats(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "stats", "Triples, graphs, distinct terms, size on disk and per-predicate counts");
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("--format", *format, "text|json")->capture_default_str();
  cmd->callback([&ctx, format] {
    if (*format != "text" && *format != "json") {
      throw CliError("unknown stats format '" + *format + "' (use text or json)");
    }
    auto& graph = ctx.graph(/*read_only=*/true);
    store::Store& store = graph.store();
    store::ReadTxn txn = store.read();
    const uint64_t quads = txn.size();
    const size_t graphs = txn.graphs().size();
    const uint64_t terms = txn.term_count();
    const store::DiskUsage disk = store.disk_usage();
    auto counts = txn.predicate_counts();
    std::sort(counts.begin(), counts.end(),
              [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::pair<std::string, uint64_t>> predicates;
    for (const auto& [id, n] : counts) predicates.emplace_back(txn.term(id).value, n);
    const double per_triple = quads ? double(disk.used_bytes) / quads : 0.0;

    if (*format == "json") {
      std::string out = fmt::format(
          "{{\"triples\": {}, \"graphs\": {}, \"terms\": {}, \"file_bytes\": {}, "
          "\"used_bytes\": {}, \"bytes_per_triple\": {:.1f}, \"predicates\": [",
          quads, graphs, terms, disk.file_bytes, disk.used_bytes, per_triple);
      for (size_t i = 0; i < predicates.size(); ++i) {
        out += fmt::format("{}{{\"predicate\": \"{}\", \"triples\": {}}}", i ? ", " : "",
                           rdf::escape_string(predicates[i].first), predicates[i].second);
      }
      std::cout << out << "]}\n";
      return;
    }
    std::cout << fmt::format("triples        {}\ngraphs         {}\ndistinct terms {}\n", quads,
                             graphs, terms);
    std::cout << fmt::format("size on disk   {} bytes file, {} bytes used ({:.1f} bytes/triple)\n",
                             disk.file_bytes, disk.used_bytes, per_triple);
    std::cout << "per predicate:\n";
    for (const auto& [iri, n] : predicates) std::cout << fmt::format("  {:>10}  {}\n", n, iri);
  });
}

}  // namespace tinykg::cli
