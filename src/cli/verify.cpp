// tinykg verify: reads the whole database and checks that it agrees with
// itself (store::ReadTxn::verify). Exit status 0 and "ok" when it does; a
// one-line error naming what disagrees, and status 1, when data.mdb is damaged.
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"

namespace tinykg::cli {

void add_verify(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "verify", "Check that the database is intact (indexes, dictionary, statistics)");
  cmd->callback([&ctx] {
    store::Store& store = ctx.graph(/*read_only=*/true).store();
    Status st = Status::Ok();
    uint64_t quads = 0;
    try {
      store::ReadTxn txn = store.read();
      st = txn.verify();
      quads = txn.size();
    } catch (const Error& e) {  // LMDB noticed a damaged page while reading
      st = Failure{e.what()};
    }
    if (!st.ok()) {
      throw CliError(fmt::format("database '{}' is damaged: {}; restore it from a backup "
                                 "(tinykg backup)", store.path(), st.error()));
    }
    std::cout << fmt::format("ok: {} quads, indexes, dictionary and statistics agree\n", quads);
  });
}

}  // namespace tinykg::cli
