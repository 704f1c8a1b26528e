// tinykg serve [--host H] [--port P] [--threads N] [--max-body BYTES]
//              [--max-rows N] [--cors ORIGIN]... [--closed-reads] [--quiet]
//              [--web-root DIR]
#include <filesystem>

#include <fmt/format.h>

#include "cli/context.h"
#include "server/auth.h"
#include "server/server.h"

namespace tinykg::cli {
namespace {

// The web UI that web/build.sh builds beside this binary's build directory
// (build/tinykg -> web/dist); empty when it has not been built.
std::string default_web_root() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  auto dist = exe.parent_path().parent_path() / "web" / "dist";
  return std::filesystem::is_regular_file(dist / "index.html", ec) ? dist.string() : std::string();
}

}  // namespace

void add_serve(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "serve", "Serve SPARQL (/sparql), the graph store (/rdf-graphs) and the JSON API (/api)");
  auto options = std::make_shared<server::ServerOptions>();
  auto closed_reads = std::make_shared<bool>(false);
  auto quiet = std::make_shared<bool>(false);
  cmd->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", options->port, "TCP port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--threads", options->threads, "Worker threads = clients served at once (0: 64)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-body", options->max_body_bytes, "Largest request body in bytes")
      ->capture_default_str();
  cmd->add_option("--timeout", options->query_timeout_ms,
                  "Stop a query or update after this many ms (0: no limit)")
      ->capture_default_str();
  cmd->add_option("--max-rows", options->max_result_rows, "Most rows a query result returns")
      ->capture_default_str();
  cmd->add_option("--cors", options->cors_origins, "Allow this browser origin ('*': any)");
  cmd->add_flag("--closed-reads", *closed_reads, "Require a read token for queries and GETs too");
  cmd->add_flag("--quiet", *quiet, "No access log");
  cmd->add_option("--web-root", options->web_root,
                  "Serve the web UI from this directory at / (default: web/dist of the build)")
      ->check(CLI::ExistingDirectory);
  cmd->callback([&ctx, options, closed_reads, quiet] {
    options->open_reads = !*closed_reads;
    options->access_log = !*quiet;
    options->token_file = server::token_file_for(ctx.db_dir);
    if (options->web_root.empty()) options->web_root = default_web_root();
    Status st = server::run_server(ctx.graph(), *options);
    if (!st.ok()) throw CliError(st.error());
  });
}

}  // namespace tinykg::cli
