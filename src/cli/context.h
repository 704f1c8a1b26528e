// State shared by the subcommands: global options and the lazily opened
// knowledge graph. Subcommands report failures by throwing CliError, which
// main() prints as one line and turns into exit status 1.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>

#include "common/result.h"
#include "kg/knowledge_graph.h"

namespace tinykg::cli {

struct CliError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Context {
 public:
  std::string db_dir = "./tinykg-db";
  std::string data_dir;  // the project's data/ folder (reference models, cards, queries)
  std::string store_spec;  // --store embedded:DIR | sparql:URL[,...]; empty: embedded db_dir

  // Where the graph lives: --store when given, else the embedded store in db_dir.
  kg::remote::StoreLocation location() const;

  kg::KnowledgeGraph& graph(bool read_only = false);

  // Unwraps a Result or throws its message as a CliError.
  // The request text given either inline or as -f FILE (exactly one).
  static std::string text_or_file(const std::string& text, const std::string& file,
                                  const char* what);

  template <typename T>
  static T take(Result<T> r) {
    if (!r.ok()) throw CliError(r.error());
    return std::move(r).value();
  }

 private:
  std::unique_ptr<kg::KnowledgeGraph> graph_;
};

// One function per subcommand file; each adds its subcommand to `app`.
void add_model_add(CLI::App& model, Context& ctx);
void add_model_inspect(CLI::App& model, Context& ctx);
void add_model_list(CLI::App& model, Context& ctx);
void add_model_export_c(CLI::App& model, Context& ctx);  // src/deploy/c_export.h
void add_device_add(CLI::App& device, Context& ctx);
void add_device_list(CLI::App& device, Context& ctx);
void add_device_validate(CLI::App& device, Context& ctx);  // Thing Descriptions (device_td.cpp)
void add_device_export(CLI::App& device, Context& ctx);
void add_load(CLI::App& app, Context& ctx);
void add_dump(CLI::App& app, Context& ctx);
void add_backup(CLI::App& app, Context& ctx);
void add_stats(CLI::App& app, Context& ctx);
void add_verify(CLI::App& app, Context& ctx);
void add_query(CLI::App& app, Context& ctx);
void add_update(CLI::App& app, Context& ctx);
void add_demo(CLI::App& app, Context& ctx);
void add_serve(CLI::App& app, Context& ctx);
void add_token(CLI::App& app, Context& ctx);
void add_match(CLI::App& app, Context& ctx);  // `match …` and `rank` (src/match/)
void add_deploy(CLI::App& app, Context& ctx);  // `deploy …` campaigns (src/deploy/)
void add_sync(CLI::App& app, Context& ctx);   // `sync push|pull` (remote store)

}  // namespace tinykg::cli
