// tinykg token create --role read|write|admin | token list | token revoke ID
// Tokens authorize requests to `tinykg serve`; see src/server/auth.h.
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "server/auth.h"

namespace tinykg::cli {

void add_token(CLI::App& app, Context& ctx) {
  auto* token = app.add_subcommand("token", "Manage the server's bearer tokens");
  token->require_subcommand(1);

  auto* create = token->add_subcommand("create", "Create a token and print it (shown only once)");
  auto role = std::make_shared<std::string>("read");
  create->add_option("--role", *role, "read|write|admin")
      ->check(CLI::IsMember({"read", "write", "admin"}))
      ->capture_default_str();
  create->callback([&ctx, role] {
    server::TokenStore store(server::token_file_for(ctx.db_dir));
    auto issued = Context::take(store.create(*server::parse_role(*role)));
    std::cout << issued.secret << "\n";
    std::cerr << fmt::format("token {} ({}) created; store the secret above now, it is not "
                             "kept\n", issued.record.id, *role);
  });

  auto* list = token->add_subcommand("list", "List tokens (ids and roles, never secrets)");
  list->callback([&ctx] {
    server::TokenStore store(server::token_file_for(ctx.db_dir));
    for (const auto& r : Context::take(store.list())) {
      std::cout << fmt::format("{}  {:<5}  {}  {}\n", r.id, server::role_name(r.role), r.created,
                               r.revoked ? "revoked" : "active");
    }
  });

  auto* revoke = token->add_subcommand("revoke", "Revoke a token by its id");
  auto id = std::make_shared<std::string>();
  revoke->add_option("id", *id, "Token id (from `token list`)")->required();
  revoke->callback([&ctx, id] {
    server::TokenStore store(server::token_file_for(ctx.db_dir));
    Status st = store.revoke(*id);
    if (!st.ok()) throw CliError(st.error());
    std::cout << fmt::format("token {} revoked\n", *id);
  });
}

}  // namespace tinykg::cli
