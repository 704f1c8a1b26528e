#include "store/store.h"

#include <lmdb.h>

#include <algorithm>
#include <cstring>
#include <tuple>
#include <filesystem>

#include "store/inline_literal.h"
#include "store/key_codec.h"
#include "store/lmdb_check.h"
#include "store/term_hash.h"
#include "store/term_limit.h"

namespace tinykg::store {
namespace {

using namespace detail;

// Bumped whenever the on-disk layout changes; see docs/storage.md.
// 2: inline literals (inline_literal.h); 3: index blocks (index_block.h)
constexpr uint32_t kFormatVersion = 3;
constexpr const char* kFormatKey = "format_version";
constexpr const char* kNextIdKey = "next_id";
constexpr const char* kQuadCountKey = "quad_count";
constexpr const char* kDefaultGraphVersionKey = "default_graph_version";
// Address space reserved for the map; the file only grows as data is written.
constexpr size_t kMapSize = size_t{1} << 40;  // 1 TiB
constexpr const char* kIndexNames[4] = {"spog", "posg", "ospg", "gspo"};

// The dictionary key is a 64-bit FNV-1a hash of the term encoding (LMDB keys
// are limited to 511 bytes; literals are not). Collisions are resolved by the
// dupsort list of ids under one hash, checked against id2term.
uint64_t hash_term(std::string_view s) { return fnv1a64(s); }

// A statistics table maps an id to an i64 count (signed: a transaction adds
// its deltas to it).
uint64_t stored_count(MDB_txn* txn, MDB_dbi table, Id key) {
  MDB_val k = lmdb_val(&key, sizeof key), v;
  int rc = mdb_get(txn, table, &k, &v);
  if (rc == MDB_NOTFOUND) return 0;
  check("statistics lookup", rc);
  int64_t n;
  std::memcpy(&n, v.mv_data, sizeof n);
  return static_cast<uint64_t>(n < 0 ? 0 : n);
}

std::vector<std::pair<Id, uint64_t>> stored_counts(MDB_txn* txn, MDB_dbi table) {
  std::vector<std::pair<Id, uint64_t>> out;
  MDB_cursor* cur = nullptr;
  check("open cursor", mdb_cursor_open(txn, table, &cur));
  MDB_val k, v;
  int rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST);
  while (rc == 0) {
    Id id;
    int64_t n;
    std::memcpy(&id, k.mv_data, sizeof id);
    std::memcpy(&n, v.mv_data, sizeof n);
    if (n > 0) out.emplace_back(id, static_cast<uint64_t>(n));
    rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT);
  }
  mdb_cursor_close(cur);
  if (rc != MDB_NOTFOUND) throw_lmdb("statistics scan", rc);
  return out;
}

// Adds each delta to the i64 count stored under its id.
void add_counts(MDB_txn* txn, MDB_dbi table, const std::unordered_map<Id, int64_t>& deltas) {
  for (const auto& [id, delta] : deltas) {
    if (delta == 0) continue;
    MDB_val k = lmdb_val(&id, sizeof id), v;
    int64_t n = 0;
    int rc = mdb_get(txn, table, &k, &v);
    if (rc == 0) std::memcpy(&n, v.mv_data, sizeof n);
    else if (rc != MDB_NOTFOUND) check("statistics update", rc);
    n += delta;
    MDB_val nv = lmdb_val(&n, sizeof n);
    check("statistics update", mdb_put(txn, table, &k, &nv, 0));
  }
}


// ---- Store ------------------------------------------------------------------

// LMDB checks page headers and meta pages itself; when those checks fail the
// file is damaged, so the message says so and what to do about it.
Failure open_failure(const std::string& dir, int rc) {
  if (rc == MDB_INVALID || rc == MDB_CORRUPTED || rc == MDB_PAGE_NOTFOUND) {
    return fail("cannot open database '{}': data.mdb is damaged ({}); restore it from a backup "
                "(tinykg backup)", dir, mdb_strerror(rc));
  }
  return fail("cannot open database '{}': {}", dir, mdb_strerror(rc));
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& dir, OpenOptions opts) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    if (!opts.create || opts.read_only) return fail("database '{}' does not exist", dir);
    fs::create_directories(dir, ec);
    if (ec) return fail("cannot create database directory '{}': {}", dir, ec.message());
  } else if (!fs::is_directory(dir, ec)) {
    return fail("database path '{}' is not a directory", dir);
  }

  std::unique_ptr<Store> store(new Store());
  store->dir_ = dir;
  store->read_only_ = opts.read_only;
  if (opts.scan_cache_bytes != 0) store->scan_cache_ = std::make_unique<ScanCache>(opts.scan_cache_bytes);
  if (opts.term_cache_bytes != 0) store->term_cache_ = std::make_unique<TermCache>(opts.term_cache_bytes);
  int rc = mdb_env_create(&store->env_);
  if (rc != 0) return fail("cannot open database '{}': {}", dir, mdb_strerror(rc));
  mdb_env_set_maxdbs(store->env_, 16);
  mdb_env_set_mapsize(store->env_, opts.map_size != 0 ? opts.map_size : kMapSize);
  // MDB_NOTLS: read transactions are not bound to a thread (server pools).
  unsigned flags = MDB_NOTLS | (opts.read_only ? MDB_RDONLY : 0);
  rc = mdb_env_open(store->env_, dir.c_str(), flags, 0644);
  if (rc != 0) return open_failure(dir, rc);

  // Open (or create) the named databases and check the format stamp.
  MDB_txn* txn = nullptr;
  rc = mdb_txn_begin(store->env_, nullptr, opts.read_only ? MDB_RDONLY : 0, &txn);
  if (rc != 0) return open_failure(dir, rc);
  unsigned create = opts.read_only ? 0 : MDB_CREATE;
  auto open_db = [&](const char* name, unsigned extra, MDB_dbi* out) {
    return mdb_dbi_open(txn, name, create | extra, out);
  };
  Dbis& d = store->dbi_;
  rc = open_db("meta", 0, &d.meta);
  if (rc == 0) rc = open_db("term2id", MDB_DUPSORT | MDB_DUPFIXED, &d.term2id);
  if (rc == 0) rc = open_db("id2term", 0, &d.id2term);
  if (rc == 0) rc = open_db("pstats", 0, &d.pstats);
  for (int i = 0; i < 4 && rc == 0; ++i) rc = open_db(kIndexNames[i], 0, &d.index[i]);
  // `cstats` came after format version 2 databases were in use; they gain it
  // on their first writable open (filled below) instead of a format bump.
  bool fill_class_stats = false;
  if (rc == 0) {
    rc = mdb_dbi_open(txn, "cstats", 0, &d.cstats);
    if (rc == MDB_NOTFOUND && opts.read_only) {
      d.has_class_stats = false;
      rc = 0;
    } else if (rc == MDB_NOTFOUND) {
      fill_class_stats = true;
      rc = mdb_dbi_open(txn, "cstats", MDB_CREATE, &d.cstats);
    }
  }
  if (rc == MDB_NOTFOUND) {
    mdb_txn_abort(txn);
    return fail("'{}' is not a tinykg database (missing tables)", dir);
  }
  if (rc != 0) {
    mdb_txn_abort(txn);
    return open_failure(dir, rc);
  }
  MDB_val k = lmdb_val(kFormatKey, std::strlen(kFormatKey)), v;
  rc = mdb_get(txn, d.meta, &k, &v);
  if (rc == MDB_NOTFOUND && !opts.read_only) {
    uint32_t version = kFormatVersion;
    MDB_val nv = lmdb_val(&version, sizeof version);
    rc = mdb_put(txn, d.meta, &k, &nv, 0);
  } else if (rc == 0) {
    uint32_t version = 0;
    if (v.mv_size == sizeof version) std::memcpy(&version, v.mv_data, sizeof version);
    if (version != kFormatVersion) {
      mdb_txn_abort(txn);
      return fail("database '{}' has format version {}, this tinykg reads version {}", dir,
                  version, kFormatVersion);
    }
  }
  if (rc != 0 && rc != MDB_NOTFOUND) {
    mdb_txn_abort(txn);
    return fail("cannot open database '{}': {}", dir, mdb_strerror(rc));
  }
  if (!opts.read_only) {
    // A database from before the default graph's version was kept: stamp
    // it now, so that writes to named graphs leave it unchanged from here on.
    MDB_val dk = lmdb_val(kDefaultGraphVersionKey, std::strlen(kDefaultGraphVersionKey)), dv;
    rc = mdb_get(txn, d.meta, &dk, &dv);
    if (rc == MDB_NOTFOUND) {
      uint64_t stamp = mdb_txn_id(txn);
      dv = lmdb_val(&stamp, sizeof stamp);
      rc = mdb_put(txn, d.meta, &dk, &dv, 0);
    }
    if (rc != 0) {
      mdb_txn_abort(txn);
      return fail("cannot open database '{}': {}", dir, mdb_strerror(rc));
    }
  }
  rc = mdb_txn_commit(txn);
  if (rc != 0) return fail("cannot open database '{}': {}", dir, mdb_strerror(rc));
  if (fill_class_stats) {
    try {
      WriteTxn w = store->write();
      w.rebuild_class_counts();
      if (Status st = w.commit(); !st.ok()) return st.failure();
    } catch (const Error& e) {
      return fail("cannot open database '{}': {}", dir, e.what());
    }
  }
  return store;
}

Status Store::backup(const std::string& dir) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return fail("cannot create backup directory '{}': {}", dir, ec.message());
  if (fs::exists(fs::path(dir) / "data.mdb", ec)) {
    return fail("backup directory '{}' already holds a database; choose an empty one", dir);
  }
  // MDB_CP_COMPACT copies only the pages in use, in order, from a read
  // snapshot: writers are not blocked and free pages are not copied.
  int rc = mdb_env_copy2(env_, dir.c_str(), MDB_CP_COMPACT);
  if (rc != 0) return fail("backup to '{}' failed: {}", dir, mdb_strerror(rc));
  return Status::Ok();
}

DiskUsage Store::disk_usage() const {
  DiskUsage usage;
  std::error_code ec;
  usage.file_bytes = std::filesystem::file_size(std::filesystem::path(dir_) / "data.mdb", ec);
  MDB_envinfo info;
  MDB_stat st;
  if (mdb_env_info(env_, &info) == 0 && mdb_env_stat(env_, &st) == 0) {
    usage.used_bytes = (static_cast<uint64_t>(info.me_last_pgno) + 1) * st.ms_psize;
  }
  return usage;
}

Store::~Store() {
  if (env_ != nullptr) mdb_env_close(env_);
}

ReadTxn Store::read() const {
  MDB_txn* txn = nullptr;
  check("begin read transaction", mdb_txn_begin(env_, nullptr, MDB_RDONLY, &txn));
  ReadTxn reader(txn, &dbi_);
  reader.scan_cache_ = scan_cache_.get();
  reader.term_cache_ = term_cache_.get();
  return reader;
}

WriteTxn Store::write() {
  if (read_only_) throw Error(fmt::format("database '{}' is open read-only", dir_));
  MDB_txn* txn = nullptr;
  check("begin write transaction", mdb_txn_begin(env_, nullptr, 0, &txn));
  return WriteTxn(txn, &dbi_);
}

// ---- ScanCursor -----------------------------------------------------------

ScanCursor::ScanCursor(MDB_txn* txn, MDB_dbi dbi, int permutation, const IdPattern& pattern)
    : cursor_(txn, dbi), permutation_(permutation) {
  set_pattern(pattern);
}

void ScanCursor::set_pattern(const IdPattern& pattern) {
  pattern_ = pattern;
  IdQuad q{pattern.s, pattern.p, pattern.o, pattern.g};
  Id k[4];
  order(permutation_, q, k);
  prefix_ = SortKey{};
  prefix_len_ = 0;
  for (int i = 0; i < 4 && k[i] != kNoId; ++i) {
    prefix_.k[i] = k[i];
    prefix_len_ = i + 1;
  }
  started_ = false;
  done_ = false;
}

bool ScanCursor::next(IdQuad& out) {
  while (!done_) {
    bool found;
    if (!started_) {
      started_ = true;
      found = cursor_.seek(prefix_);  // prefix_ ends in zeros: the range's lower bound
    } else {
      found = cursor_.next();
    }
    if (!found) break;
    const SortKey& key = cursor_.key();
    if (!std::equal(key.k, key.k + prefix_len_, prefix_.k)) break;  // past the range
    IdQuad q = unorder(permutation_, key.k);
    // Positions bound in the pattern but not part of the key prefix.
    if ((pattern_.s && q.s != pattern_.s) || (pattern_.p && q.p != pattern_.p) ||
        (pattern_.o && q.o != pattern_.o) || (pattern_.g && q.g != pattern_.g)) {
      continue;
    }
    out = q;
    return true;
  }
  done_ = true;
  return false;
}

// ---- ReadTxn ----------------------------------------------------------------

ReadTxn::ReadTxn(ReadTxn&& other) noexcept
    : txn_(other.txn_),
      dbi_(other.dbi_),
      scan_cache_(other.scan_cache_),
      term_cache_(other.term_cache_),
      rdf_type_(other.rdf_type_),
      rdf_type_known_(other.rdf_type_known_),
      unflushed_quads_(other.unflushed_quads_) {
  other.txn_ = nullptr;
}

ReadTxn& ReadTxn::operator=(ReadTxn&& other) noexcept {
  if (this != &other) {
    if (txn_ != nullptr) mdb_txn_abort(txn_);
    txn_ = other.txn_;
    dbi_ = other.dbi_;
    scan_cache_ = other.scan_cache_;
    term_cache_ = other.term_cache_;
    rdf_type_ = other.rdf_type_;
    rdf_type_known_ = other.rdf_type_known_;
    unflushed_quads_ = other.unflushed_quads_;
    other.txn_ = nullptr;
  }
  return *this;
}

ReadTxn::~ReadTxn() {
  if (txn_ != nullptr) mdb_txn_abort(txn_);
}

std::optional<Id> ReadTxn::find_id(const rdf::Term& term) const {
  if (auto id = inline_id(term)) return id;  // small literals are their own id
  return find_id(term.encode());
}

std::optional<Id> ReadTxn::find_id(const std::string& encoded) const {
  if (auto id = inline_id_of_encoding(encoded)) return id;
  uint64_t h = hash_term(encoded);
  MDB_val k = lmdb_val(&h, sizeof h), v;
  MDB_cursor* cur = nullptr;
  check("open cursor", mdb_cursor_open(txn_, dbi_->term2id, &cur));
  std::optional<Id> found;
  int rc = mdb_cursor_get(cur, &k, &v, MDB_SET_KEY);
  while (rc == 0) {
    Id id;
    std::memcpy(&id, v.mv_data, sizeof id);
    unsigned char key[8];
    put_u64(key, id);
    MDB_val ik = lmdb_val(key, sizeof key), iv;
    if (mdb_get(txn_, dbi_->id2term, &ik, &iv) == 0 && iv.mv_size == encoded.size() &&
        std::memcmp(iv.mv_data, encoded.data(), encoded.size()) == 0) {
      found = id;
      break;
    }
    rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT_DUP);
  }
  mdb_cursor_close(cur);
  if (rc != 0 && rc != MDB_NOTFOUND) throw_lmdb("dictionary lookup", rc);
  return found;
}

rdf::Term ReadTxn::term(Id id) const {
  if (is_inline(id)) return inline_term(id);
  if (term_cache_ == nullptr) return stored_term(id);  // no shared copy to make
  return *shared_term(id);
}

std::shared_ptr<const rdf::Term> ReadTxn::shared_term(Id id) const {
  if (is_inline(id)) return std::make_shared<const rdf::Term>(inline_term(id));
  if (term_cache_ != nullptr) {
    if (auto cached = term_cache_->find(id)) return cached;
  }
  auto term = std::make_shared<const rdf::Term>(stored_term(id));
  if (term_cache_ != nullptr) term_cache_->insert(id, term);
  return term;
}

rdf::Term ReadTxn::stored_term(Id id) const {
  unsigned char key[8];
  put_u64(key, id);  // big-endian: id2term keys sort numerically (append-only)
  MDB_val k = lmdb_val(key, sizeof key), v;
  int rc = mdb_get(txn_, dbi_->id2term, &k, &v);
  if (rc == MDB_NOTFOUND) throw Error(fmt::format("storage error: unknown term id {}", id));
  check("term lookup", rc);
  return rdf::Term::decode({static_cast<const char*>(v.mv_data), v.mv_size});
}

ScanCursor ReadTxn::scan(const IdPattern& pattern) const {
  int prefix_len = 0;
  int perm = choose_permutation(pattern, &prefix_len);
  return ScanCursor(txn_, dbi_->index[perm], perm, pattern);
}

bool ReadTxn::rescan(ScanCursor& cursor, const IdPattern& pattern) const {
  int prefix_len = 0;
  if (choose_permutation(pattern, &prefix_len) != cursor.permutation_) return false;
  cursor.set_pattern(pattern);
  return true;
}

uint64_t ReadTxn::count(const IdPattern& pattern) const {
  if (pattern.s == kNoId && pattern.p == kNoId && pattern.o == kNoId && pattern.g == kNoId) {
    return size();
  }
  ScanCursor cur = scan(pattern);
  IdQuad q;
  uint64_t n = 0;
  while (cur.next(q)) ++n;
  return n;
}

Id ReadTxn::rdf_type_id() const {
  if (!rdf_type_known_) {
    rdf_type_ = find_id(rdf::Term::iri(std::string(rdf::kRdfType))).value_or(kNoId);
    rdf_type_known_ = true;
  }
  return rdf_type_;
}

std::optional<uint64_t> ReadTxn::statistics_count(const IdPattern& pattern) const {
  if (pattern.p == kNoId || pattern.s != kNoId || pattern.g != kNoId) return std::nullopt;
  MDB_dbi table = dbi_->pstats;
  Id key = pattern.p;
  if (pattern.o != kNoId) {
    if (!dbi_->has_class_stats || pattern.p != rdf_type_id()) return std::nullopt;
    table = dbi_->cstats;
    key = pattern.o;
  }
  return stored_count(txn_, table, key);
}

uint64_t ReadTxn::estimate(const IdPattern& pattern) const {
  if (auto n = statistics_count(pattern)) return *n;
  // Bounded exact count: patterns with a bound subject or object are small in
  // practice; cap the work so planning never scans a huge range.
  constexpr uint64_t kCap = 10000;
  ScanCursor cur = scan(pattern);
  IdQuad q;
  uint64_t n = 0;
  while (n < kCap && cur.next(q)) ++n;
  return n;
}

uint64_t ReadTxn::size() const {
  MDB_val k = lmdb_val(kQuadCountKey, std::strlen(kQuadCountKey)), v;
  int rc = mdb_get(txn_, dbi_->meta, &k, &v);
  int64_t n = 0;
  if (rc == 0 && v.mv_size == sizeof n) std::memcpy(&n, v.mv_data, sizeof n);
  else if (rc != MDB_NOTFOUND) check("read quad count", rc);
  n += unflushed_quads_;
  return static_cast<uint64_t>(n < 0 ? 0 : n);
}

std::vector<Id> ReadTxn::graphs() const {
  std::vector<Id> out;
  IndexCursor cur(txn_, dbi_->index[kGSPO]);
  SortKey from{};
  while (cur.seek(from)) {
    const Id g = cur.key().k[0];
    out.push_back(g);
    if (g == UINT64_MAX) break;
    from = SortKey{{g + 1, 0, 0, 0}};  // the smallest key of the next graph
  }
  return out;
}

uint64_t ReadTxn::version() const { return mdb_txn_id(txn_); }

uint64_t ReadTxn::default_graph_version() const {
  MDB_val k = lmdb_val(kDefaultGraphVersionKey, std::strlen(kDefaultGraphVersionKey)), v;
  int rc = mdb_get(txn_, dbi_->meta, &k, &v);
  if (rc == MDB_NOTFOUND) return version();
  check("read default graph version", rc);
  uint64_t stamped = 0;
  if (v.mv_size == sizeof stamped) std::memcpy(&stamped, v.mv_data, sizeof stamped);
  return stamped;
}

uint64_t ReadTxn::term_count() const {
  MDB_stat st;
  check("statistics", mdb_stat(txn_, dbi_->id2term, &st));
  return st.ms_entries;
}

std::vector<std::pair<Id, uint64_t>> ReadTxn::predicate_counts() const {
  return stored_counts(txn_, dbi_->pstats);
}

std::vector<std::pair<Id, uint64_t>> ReadTxn::class_counts() const {
  if (!dbi_->has_class_stats) return {};
  return stored_counts(txn_, dbi_->cstats);
}


// ---- WriteTxn ---------------------------------------------------------------

WriteTxn::WriteTxn(MDB_txn* txn, const Store::Dbis* dbi) : ReadTxn(txn, dbi) {
  MDB_val k = lmdb_val(kNextIdKey, std::strlen(kNextIdKey)), v;
  int rc = mdb_get(txn_, dbi_->meta, &k, &v);
  if (rc == 0 && v.mv_size == sizeof next_id_) std::memcpy(&next_id_, v.mv_data, sizeof next_id_);
  else if (rc != MDB_NOTFOUND) check("read next id", rc);
}

WriteTxn::~WriteTxn() = default;  // ReadTxn aborts an uncommitted transaction

Id WriteTxn::intern(const rdf::Term& term) {
  if (term.is_iri() && term.value.empty()) return kDefaultGraph;
  if (auto id = inline_id(term)) return *id;
  std::string enc = term.encode();
  if (auto it = term_cache_.find(enc); it != term_cache_.end()) return it->second;
  if (auto id = find_id(enc)) {
    term_cache_.emplace(std::move(enc), *id);
    return *id;
  }
  check_term_size(enc);
  Id id = next_id_++;
  uint64_t h = hash_term(enc);
  MDB_val hk = lmdb_val(&h, sizeof h), hv = lmdb_val(&id, sizeof id);
  check("dictionary insert", mdb_put(txn_, dbi_->term2id, &hk, &hv, 0));
  unsigned char key[8];
  put_u64(key, id);
  MDB_val ik = lmdb_val(key, sizeof key), iv = lmdb_val(enc.data(), enc.size());
  check("dictionary insert", mdb_put(txn_, dbi_->id2term, &ik, &iv, MDB_APPEND));
  if (term.is_iri() && term.value == rdf::kRdfType) {
    rdf_type_ = id;
    rdf_type_known_ = true;
  }
  term_cache_.emplace(std::move(enc), id);
  return id;
}

bool WriteTxn::insert(const IdQuad& quad) {
  if (!index_insert(txn_, dbi_->index[kSPOG], sort_key(kSPOG, quad))) return false;
  for (int perm = 1; perm < 4; ++perm) {
    index_insert(txn_, dbi_->index[perm], sort_key(perm, quad));
  }
  count_change(quad, +1);
  return true;
}

bool WriteTxn::erase(const IdQuad& quad) {
  if (!index_erase(txn_, dbi_->index[kSPOG], sort_key(kSPOG, quad))) return false;
  for (int perm = 1; perm < 4; ++perm) {
    index_erase(txn_, dbi_->index[perm], sort_key(perm, quad));
  }
  count_change(quad, -1);
  return true;
}

void WriteTxn::count_change(const IdQuad& quad, int64_t delta) {
  unflushed_quads_ += delta;
  if (quad.g == kDefaultGraph) default_graph_changed_ = true;
  predicate_delta_[quad.p] += delta;
  if (quad.p == rdf_type_id()) class_delta_[quad.o] += delta;
}

void WriteTxn::rebuild_class_counts() {
  class_delta_.clear();
  IdPattern members;
  members.p = rdf_type_id();
  if (members.p == kNoId) return;
  ScanCursor cur = scan(members);  // POSG: all members of a class in a row
  IdQuad q;
  while (cur.next(q)) class_delta_[q.o] += 1;
}

bool WriteTxn::insert(const rdf::Quad& quad) {
  IdQuad q{intern(quad.subject), intern(quad.predicate), intern(quad.object),
           quad.in_default_graph() ? kDefaultGraph : intern(quad.graph)};
  return insert(q);
}

void WriteTxn::flush_stats() {
  add_counts(txn_, dbi_->pstats, predicate_delta_);
  predicate_delta_.clear();
  add_counts(txn_, dbi_->cstats, class_delta_);
  class_delta_.clear();
  MDB_val k = lmdb_val(kNextIdKey, std::strlen(kNextIdKey)), v = lmdb_val(&next_id_, sizeof next_id_);
  check("write next id", mdb_put(txn_, dbi_->meta, &k, &v, 0));
  if (unflushed_quads_ != 0) {
    auto quads = static_cast<int64_t>(size());
    unflushed_quads_ = 0;
    MDB_val qk = lmdb_val(kQuadCountKey, std::strlen(kQuadCountKey)), qv = lmdb_val(&quads, sizeof quads);
    check("write quad count", mdb_put(txn_, dbi_->meta, &qk, &qv, 0));
  }
  if (default_graph_changed_) {
    // This transaction's id is what version() reports once it is committed.
    uint64_t stamp = mdb_txn_id(txn_);
    MDB_val dk = lmdb_val(kDefaultGraphVersionKey, std::strlen(kDefaultGraphVersionKey));
    MDB_val dv = lmdb_val(&stamp, sizeof stamp);
    check("write default graph version", mdb_put(txn_, dbi_->meta, &dk, &dv, 0));
    default_graph_changed_ = false;
  }
}

Status WriteTxn::commit() {
  TINYKG_ASSERT(txn_ != nullptr, "commit on a finished transaction");
  try {
    flush_stats();
  } catch (const Error& e) {
    mdb_txn_abort(txn_);
    txn_ = nullptr;
    return Failure{e.what()};
  }
  int rc = mdb_txn_commit(txn_);
  txn_ = nullptr;
  if (rc != 0) {
    try {
      throw_lmdb("commit", rc);
    } catch (const Error& e) {
      return Failure{e.what()};
    }
  }
  return Status::Ok();
}

}  // namespace tinykg::store
