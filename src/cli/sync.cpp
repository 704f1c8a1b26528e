// tinykg sync push|pull sparql:QUERY_URL[,UPDATE_URL][,...] [--graph IRI]...
//
// Copies graphs between the embedded store (--db DIR or --store embedded:DIR)
// and a remote SPARQL store: push sends the embedded graphs there, pull
// fetches the remote ones into the embedded store. Progress on stderr.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "kg/graph_sync.h"
#include "kg/remote/skolem.h"

namespace tinykg::cli {
namespace {

struct SyncArgs {
  std::string remote;
  std::vector<std::string> graphs;
};

std::string graph_label(const std::string& graph) {
  return graph.empty() ? "default graph" : "<" + graph + ">";
}

void run_sync(Context& ctx, const SyncArgs& args, bool push) {
  auto remote_location = Context::take(kg::remote::parse_store_location(args.remote));
  if (remote_location.kind != kg::remote::StoreLocation::Kind::Sparql) {
    throw CliError("sync needs the remote store as sparql:QUERY_URL[,UPDATE_URL]");
  }
  const kg::remote::StoreLocation local = ctx.location();
  if (local.kind != kg::remote::StoreLocation::Kind::Embedded) {
    throw CliError("sync copies between the embedded store (--db DIR) and the remote store "
                   "given as argument; --store must not name a remote store here");
  }
  auto remote = Context::take(kg::KnowledgeGraph::open(remote_location));
  kg::KnowledgeGraph& embedded = ctx.graph(/*read_only=*/push);

  kg::SyncOptions options;
  for (const std::string& g : args.graphs) options.graphs.push_back(g == "default" ? "" : g);
  // Pushing the same store again writes the same skolem IRIs: the scope is
  // the store's absolute path.
  options.blank_scope =
      kg::remote::skolem_scope(std::filesystem::absolute(local.db_dir).lexically_normal().string());
  const bool tty = isatty(STDERR_FILENO) != 0;
  double last_line = -10;
  options.on_progress = [&](const kg::SyncProgress& p) {
    const bool done = p.copied == p.total;
    if (!tty && !done && p.seconds - last_line < 5) return;
    last_line = p.seconds;
    const double pct = p.total ? 100.0 * p.copied / p.total : 100.0;
    std::string line = fmt::format("sync {}: {} {}/{} quads ({:.0f}%), {:.0f} quads/s",
                                   push ? "push" : "pull", graph_label(p.graph), p.copied,
                                   p.total, pct, p.seconds > 0 ? p.copied / p.seconds : 0.0);
    if (tty) std::cerr << "\r\033[K" << line << (done ? "\n" : "") << std::flush;
    else std::cerr << line << "\n";
  };
  auto report = push ? kg::copy_graphs(embedded, *remote, options)
                     : kg::copy_graphs(*remote, embedded, options);
  if (tty) std::cerr << "\r\033[K" << std::flush;
  auto r = Context::take(std::move(report));
  std::cout << fmt::format("{} {} quads in {} graph(s) {} {} in {:.2f} s ({:.0f} quads/s)\n",
                           push ? "pushed" : "pulled", r.quads_read, r.graphs,
                           push ? "to" : "from", remote_location.remote.query_url, r.seconds,
                           r.seconds > 0 ? r.quads_read / r.seconds : 0.0);
}

}  // namespace

void add_sync(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "sync", "Copy graphs between the embedded store and a remote SPARQL store");
  cmd->require_subcommand(1);
  for (const bool push : {true, false}) {
    auto args = std::make_shared<SyncArgs>();
    auto* sub = cmd->add_subcommand(
        push ? "push" : "pull",
        push ? "Copy the embedded graphs to the remote store (adds, never removes)"
             : "Copy the remote graphs into the embedded store (adds, never removes)");
    sub->add_option("remote", args->remote, "sparql:QUERY_URL[,UPDATE_URL][,gsp=URL][,graph=IRI]")
        ->required();
    sub->add_option("--graph", args->graphs,
                    "Copy only this graph (repeatable; 'default' = the default graph)");
    sub->callback([&ctx, args, push] { run_sync(ctx, *args, push); });
  }
}

}  // namespace tinykg::cli
