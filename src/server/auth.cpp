#include "server/auth.h"

#include <sys/stat.h>

#include <array>
#include <chrono>
#include <fstream>
#include <sstream>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace tinykg::server {
namespace {

constexpr std::string_view kHeader = "# tinykg bearer tokens: id role sha256 created status\n";

std::string hex(const unsigned char* data, size_t size) {
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) out += fmt::format("{:02x}", data[i]);
  return out;
}

using Digest = std::array<unsigned char, 32>;

Digest sha256(std::string_view data) {
  Digest digest{};
  unsigned int size = 0;
  // EVP_Digest is the one-shot OpenSSL 3 API; it fails only on allocation failure.
  if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    throw Error("OpenSSL SHA-256 failed");
  }
  return digest;
}

// Parses 64 hex digits; false on anything else.
bool unhex(std::string_view text, Digest& out) {
  if (text.size() != out.size() * 2) return false;
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned value = 0;
    for (char c : text.substr(i * 2, 2)) {
      value <<= 4;
      if (c >= '0' && c <= '9') value |= c - '0';
      else if (c >= 'a' && c <= 'f') value |= c - 'a' + 10;
      else return false;
    }
    out[i] = static_cast<unsigned char>(value);
  }
  return true;
}

Result<std::string> random_hex(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  if (RAND_bytes(buf.data(), static_cast<int>(buf.size())) != 1) {
    return fail("cannot get random bytes from OpenSSL");
  }
  return hex(buf.data(), buf.size());
}

Result<std::vector<TokenRecord>> read_records(const std::string& path) {
  std::vector<TokenRecord> records;
  std::ifstream in(path);
  if (!in) return records;  // no file yet: no tokens
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    TokenRecord r;
    std::string role, status;
    if (!(fields >> r.id >> role >> r.hash_hex >> r.created >> status) || !parse_role(role) ||
        (status != "active" && status != "revoked")) {
      return fail("{}:{}: malformed token line", path, number);
    }
    r.role = *parse_role(role);
    r.revoked = status == "revoked";
    records.push_back(std::move(r));
  }
  return records;
}

}  // namespace

std::string_view role_name(Role role) {
  switch (role) {
    case Role::Read: return "read";
    case Role::Write: return "write";
    case Role::Admin: return "admin";
  }
  return "read";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "read") return Role::Read;
  if (name == "write") return Role::Write;
  if (name == "admin") return Role::Admin;
  return std::nullopt;
}

std::string token_file_for(const std::string& db_dir) {
  return (std::filesystem::path(db_dir) / "auth-tokens.tsv").string();
}

Status TokenStore::save(const std::vector<TokenRecord>& records) const {
  std::filesystem::path target(path_);
  if (target.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
  }
  const std::string temp = path_ + ".tmp";
  {
    // Created 0600 before anything is written: hashes are not secrets, but
    // nobody else has a reason to read them.
    mode_t old_mask = umask(077);
    std::ofstream out(temp, std::ios::trunc);
    umask(old_mask);
    if (!out) return fail("cannot write the token file {}", temp);
    out << kHeader;
    for (const TokenRecord& r : records) {
      out << fmt::format("{}\t{}\t{}\t{}\t{}\n", r.id, role_name(r.role), r.hash_hex, r.created,
                         r.revoked ? "revoked" : "active");
    }
    if (!out.flush()) return fail("cannot write the token file {}", temp);
  }
  std::error_code ec;
  std::filesystem::rename(temp, target, ec);
  if (ec) return fail("cannot replace the token file {}: {}", path_, ec.message());
  return Status::Ok();
}

Result<IssuedToken> TokenStore::create(Role role) {
  auto records = read_records(path_);
  if (!records.ok()) return records.failure();
  auto id = random_hex(6);
  auto secret = random_hex(32);
  if (!id.ok()) return id.failure();
  if (!secret.ok()) return secret.failure();
  IssuedToken issued;
  issued.secret = "tkg_" + *secret;
  Digest digest = sha256(issued.secret);
  issued.record = TokenRecord{*id, role, hex(digest.data(), digest.size()),
                              fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                                          fmt::gmtime(std::chrono::system_clock::to_time_t(
                                              std::chrono::system_clock::now()))),
                              false};
  records->push_back(issued.record);
  Status st = save(*records);
  if (!st.ok()) return st.failure();
  return issued;
}

Status TokenStore::revoke(std::string_view id) {
  auto records = read_records(path_);
  if (!records.ok()) return records.failure();
  for (TokenRecord& r : *records) {
    if (r.id == id) {
      r.revoked = true;
      return save(*records);
    }
  }
  return fail("no token with id '{}' (see `tinykg token list`)", id);
}

Result<std::vector<TokenRecord>> TokenStore::list() const { return read_records(path_); }

void TokenStore::reload_if_changed() {
  std::error_code ec;
  auto mtime = std::filesystem::last_write_time(path_, ec);
  if (ec) {  // no file (yet, or any more): no tokens
    cache_.clear();
    cache_loaded_ = false;
    return;
  }
  uintmax_t size = std::filesystem::file_size(path_, ec);
  if (cache_loaded_ && mtime == cache_mtime_ && size == cache_size_) return;
  auto records = read_records(path_);
  // A damaged file authenticates nobody rather than a stale set of tokens.
  cache_ = records.ok() ? std::move(records).value() : std::vector<TokenRecord>{};
  cache_mtime_ = mtime;
  cache_size_ = size;
  cache_loaded_ = true;
}

std::optional<Role> TokenStore::authenticate(std::string_view secret) {
  const Digest presented = sha256(secret);
  std::lock_guard lock(mutex_);
  reload_if_changed();
  std::optional<Role> role;
  // Every record is compared, matched or not, so the time taken does not
  // depend on where (or whether) the hash is found.
  for (const TokenRecord& r : cache_) {
    Digest stored{};
    bool valid = unhex(r.hash_hex, stored);
    bool equal = CRYPTO_memcmp(stored.data(), presented.data(), stored.size()) == 0;
    if (valid && equal && !r.revoked) role = r.role;
  }
  return role;
}

}  // namespace tinykg::server
