// tinykg: the command-line interface. Thin by design: each subcommand lives
// in its own file and calls the kg::KnowledgeGraph facade.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "common/error.h"

#ifndef TINYKG_DATA_DIR
#define TINYKG_DATA_DIR "data"
#endif

int main(int argc, char** argv) {
  using namespace tinykg::cli;
  Context ctx;
  ctx.data_dir = TINYKG_DATA_DIR;

  CLI::App app{"tinykg: a knowledge graph of TinyML models and IoT devices"};
  app.require_subcommand(1);
  app.option_defaults()->always_capture_default();
  app.add_option("--db", ctx.db_dir, "Database directory")->capture_default_str();
  app.add_option("--store", ctx.store_spec,
                 "Where the graph lives: embedded:DIR (default: --db) or "
                 "sparql:QUERY_URL[,UPDATE_URL][,gsp=URL][,graph=IRI] (docs/remote-store.md)");
  app.add_option("--data-dir", ctx.data_dir, "tinykg data folder (reference models, queries)")
      ->capture_default_str();

  CLI::App* model = app.add_subcommand("model", "Import and inspect TinyML models");
  model->require_subcommand(1);
  add_model_add(*model, ctx);
  add_model_inspect(*model, ctx);
  add_model_list(*model, ctx);
  add_model_export_c(*model, ctx);

  CLI::App* device = app.add_subcommand("device", "Add and list IoT devices");
  device->require_subcommand(1);
  add_device_add(*device, ctx);
  add_device_list(*device, ctx);
  add_device_validate(*device, ctx);
  add_device_export(*device, ctx);

  add_load(app, ctx);
  add_dump(app, ctx);
  add_backup(app, ctx);
  add_stats(app, ctx);
  add_verify(app, ctx);
  add_query(app, ctx);
  add_update(app, ctx);
  add_demo(app, ctx);
  add_serve(app, ctx);
  add_token(app, ctx);
  add_match(app, ctx);
  add_deploy(app, ctx);
  add_sync(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const CliError& e) {
    std::cerr << "tinykg: error: " << e.what() << "\n";
    return 1;
  } catch (const tinykg::Error& e) {
    std::cerr << "tinykg: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
