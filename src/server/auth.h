// Bearer tokens for the server's write routes.
//
// A token is shown once, when it is created (`tinykg token create`); the
// server keeps only its SHA-256 hash. Tokens live in a small text file in the
// database directory, `<db>/auth-tokens.tsv` (mode 0600), one line each:
//
//   id <TAB> role <TAB> sha256-hex <TAB> created (UTC, ISO 8601) <TAB> active|revoked
//
// A separate file rather than an LMDB table so that `tinykg token ...` works
// while a server holds the database open, and so that secrets never mix with
// graph data. Writers replace the file atomically (write + rename); the
// server rereads it when it changes, so a revocation takes effect at once.
// Lookups hash the presented token and compare it with every stored hash in
// constant time (CRYPTO_memcmp), so timing reveals nothing about hashes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace tinykg::server {

// Ordered: a role may do what every lower role may.
enum class Role { Read = 0, Write = 1, Admin = 2 };

std::string_view role_name(Role role);
// "read", "write", "admin"; nullopt otherwise.
std::optional<Role> parse_role(std::string_view name);

struct TokenRecord {
  std::string id;  // public handle, 12 hex digits: what `token revoke` takes
  Role role = Role::Read;
  std::string hash_hex;  // SHA-256 of the secret token
  std::string created;
  bool revoked = false;
};

struct IssuedToken {
  TokenRecord record;
  std::string secret;  // "tkg_" + 64 hex digits; never stored
};

// The token file of a database directory.
std::string token_file_for(const std::string& db_dir);

class TokenStore {
 public:
  explicit TokenStore(std::string path) : path_(std::move(path)) {}

  Result<IssuedToken> create(Role role);
  // Fails if no token has this id.
  Status revoke(std::string_view id);
  Result<std::vector<TokenRecord>> list() const;
  // The role of an active token with this secret; nullopt otherwise.
  std::optional<Role> authenticate(std::string_view secret);

 private:
  Status save(const std::vector<TokenRecord>& records) const;
  void reload_if_changed();

  std::string path_;
  std::mutex mutex_;  // guards the cache below
  std::vector<TokenRecord> cache_;
  std::filesystem::file_time_type cache_mtime_{};
  uintmax_t cache_size_ = 0;
  bool cache_loaded_ = false;
};

}  // namespace tinykg::server
