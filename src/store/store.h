// Store: a persistent quad store on LMDB.
//
// Layout (one LMDB environment per database directory):
//   meta      format version, next free id, quad count, the default graph's
//             version
//   term2id   hash(term encoding) -> ids (dupsort; collisions resolved via id2term)
//   id2term   id -> term encoding (rdf::Term::encode)
//   spog, posg, ospg, gspo
//             permutation indexes of 4-id keys in blocks (index_block.h): an
//             entry is a block, its LMDB key the block's first key (4
//             big-endian u64 ids), so a bound prefix of the permutation is a
//             contiguous run of blocks
//   pstats    predicate id -> triple count (for the planner)
//   cstats    class id -> number of rdf:type triples with that object (for
//             the planner: "?x a C" is the usual most selective pattern)
//
// Concurrency: LMDB gives one writer and any number of snapshot readers that
// never block. A ReadTxn is a snapshot; a WriteTxn sees its own writes and
// publishes them atomically on commit (all or nothing).
#pragma once

#include <functional>
#include <memory>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "rdf/term.h"
#include "store/ids.h"
#include "store/packed_index.h"
#include "store/scan_cache.h"
#include "store/term_cache.h"

typedef struct MDB_env MDB_env;

namespace tinykg::store {

class ReadTxn;
class WriteTxn;
namespace detail {
class BulkLoad;  // bulk_loader.cpp: writes the dictionary and indexes directly
}

struct OpenOptions {
  bool read_only = false;
  bool create = true;  // create the directory/database if missing
  // Address space reserved for the database (0: the default, 1 TiB). The file
  // only grows as data is written; a smaller value exists for tests that need
  // to hit the limit (see docs/storage.md, "Map size").
  size_t map_size = 0;
  // Memory for sorted scans shared by read transactions (scan_cache.h); 0
  // turns the cache off.
  size_t scan_cache_bytes = size_t{256} << 20;
  // Memory for decoded terms shared by read transactions (term_cache.h); 0
  // turns the cache off.
  size_t term_cache_bytes = size_t{64} << 20;
};

// Size figures of the LMDB environment (Store::disk_usage).
struct DiskUsage {
  uint64_t file_bytes = 0;  // size of data.mdb on disk
  uint64_t used_bytes = 0;  // pages in use by the last committed version
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> open(const std::string& dir, OpenOptions opts = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  ReadTxn read() const;   // throws tinykg::Error on LMDB failure
  WriteTxn write();       // blocks while another writer is active
  const std::string& path() const { return dir_; }
  // Hot backup: a compacted copy of the last committed version into `dir`
  // (created if missing, must not hold a database), while writers go on.
  Status backup(const std::string& dir) const;
  DiskUsage disk_usage() const;

  struct Dbis {
    MDB_dbi meta, term2id, id2term, pstats, cstats;
    MDB_dbi index[4];  // Permutation order: SPOG, POSG, OSPG, GSPO
    // False only for a database written before `cstats` existed and opened
    // read-only (a writable open builds the table); estimates then scan.
    bool has_class_stats = true;
  };

 private:
  Store() = default;
  MDB_env* env_ = nullptr;
  Dbis dbi_{};
  std::unique_ptr<ScanCache> scan_cache_;
  std::unique_ptr<TermCache> term_cache_;
  std::string dir_;
  bool read_only_ = false;
};

// Iterates the quads matching an IdPattern within one transaction.
class ScanCursor {
 public:
  ScanCursor(ScanCursor&&) noexcept = default;
  ScanCursor& operator=(ScanCursor&&) = delete;
  // Writes the next matching quad into `out`; false at the end.
  bool next(IdQuad& out);

 private:
  friend class ReadTxn;
  ScanCursor(MDB_txn* txn, MDB_dbi dbi, int permutation, const IdPattern& pattern);
  void set_pattern(const IdPattern& pattern);
  detail::IndexCursor cursor_;
  int permutation_ = 0;
  IdPattern pattern_;
  detail::SortKey prefix_{};  // the bound leading ids of the permutation, then zeros
  int prefix_len_ = 0;        // how many ids of prefix_ are bound
  bool started_ = false;
  bool done_ = false;
};

// A consistent snapshot of the store.
class ReadTxn {
 public:
  ReadTxn(ReadTxn&&) noexcept;
  ReadTxn& operator=(ReadTxn&&) noexcept;
  virtual ~ReadTxn();

  std::optional<Id> find_id(const rdf::Term& term) const;
  rdf::Term term(Id id) const;  // throws tinykg::Error for an unknown id
  // The same, shared with the store's term cache (a read transaction's
  // lookups of a term another one decoded cost no copy).
  std::shared_ptr<const rdf::Term> shared_term(Id id) const;
  ScanCursor scan(const IdPattern& pattern) const;
  // Points `cursor` (made by scan() of this transaction) at a new pattern, if
  // that pattern uses the same permutation; false otherwise (then scan()).
  // A bind join's lookups in key order then mostly stay in the block that
  // the last one read. Not across writes to the store in between.
  bool rescan(ScanCursor& cursor, const IdPattern& pattern) const;
  // The quads matching `pattern`, sorted by the ids at `order` and then by
  // s, p, o, g (SortedScan). A read transaction takes it from the store's
  // scan cache when an earlier one of the same snapshot built it, and shares
  // what it builds; a write transaction builds its own. `tick` runs once per
  // quad scanned (a query's deadline and memory checks).
  SortedScanPtr sorted_scan(const IdPattern& pattern, const std::array<int8_t, 4>& order,
                            const std::function<void()>& tick) const;
  // Whether sorted_scan would share a table of `quads` quads with later
  // readers (a read transaction, and the table fits the cache).
  bool keeps_sorted_scans(uint64_t quads) const;
  // The cached sorted scan only; null when nobody built it for this snapshot.
  SortedScanPtr cached_sorted_scan(const IdPattern& pattern,
                                   const std::array<int8_t, 4>& order) const;
  // Exact count of matching quads (scans the matching key range).
  uint64_t count(const IdPattern& pattern) const;
  // The exact count of a pattern answered by the statistics tables alone: a
  // predicate alone, or rdf:type with a constant class, over all graphs.
  // Nothing for any other pattern.
  std::optional<uint64_t> statistics_count(const IdPattern& pattern) const;
  // Cheap cardinality estimate for planning (statistics_count when it
  // answers, else a count capped at 10k).
  uint64_t estimate(const IdPattern& pattern) const;
  uint64_t size() const;  // number of quads
  // Distinct graph ids in use, ascending (kDefaultGraph first if used); jumps
  // through the GSPO index, one seek per graph.
  std::vector<Id> graphs() const;
  uint64_t term_count() const;  // entries of the dictionary
  // The snapshot's version: the id of the last write transaction committed
  // before it began. Equal versions of one store mean equal contents.
  uint64_t version() const;
  // The version of the default graph alone: the id of the last committed
  // write transaction that changed it (version() for a database written
  // before this was kept). Writes to named graphs (deployment records, say)
  // leave it as it is, so caches of default-graph data stay valid.
  uint64_t default_graph_version() const;
  // Per-predicate quad counts from the statistics table.
  std::vector<std::pair<Id, uint64_t>> predicate_counts() const;
  // Per-class member counts (objects of rdf:type) from the statistics table.
  std::vector<std::pair<Id, uint64_t>> class_counts() const;
  // Integrity check (reads everything): the four permutation indexes hold the
  // same quads and the statistics match them. Fails with what disagrees.
  Status verify() const;

 protected:
  friend class Store;
  friend class detail::BulkLoad;
  ReadTxn(MDB_txn* txn, const Store::Dbis* dbi) : txn_(txn), dbi_(dbi) {}
  std::optional<Id> find_id(const std::string& encoded) const;
  rdf::Term stored_term(Id id) const;  // id2term's entry, decoded
  // The id of rdf:type, kNoId while the store does not hold it; looked up
  // once per transaction (inserts and estimates ask for it all the time).
  Id rdf_type_id() const;
  MDB_txn* txn_ = nullptr;
  const Store::Dbis* dbi_ = nullptr;
  ScanCache* scan_cache_ = nullptr;  // these two set for read-only transactions only
  TermCache* term_cache_ = nullptr;
  mutable Id rdf_type_ = kNoId;
  mutable bool rdf_type_known_ = false;
  // Quads added minus quads removed by this transaction and not yet counted
  // in meta.quad_count (a WriteTxn's own writes; always 0 for a reader).
  int64_t unflushed_quads_ = 0;
};

// The single writer. Destroying it without commit() aborts all its writes.
class WriteTxn : public ReadTxn {
 public:
  WriteTxn(WriteTxn&&) noexcept = default;
  ~WriteTxn() override;

  Id intern(const rdf::Term& term);          // id of term, creating it if new
  bool insert(const IdQuad& quad);           // false if already present
  bool erase(const IdQuad& quad);            // false if absent
  bool insert(const rdf::Quad& quad);
  Status commit();

 private:
  friend class Store;
  friend class detail::BulkLoad;
  WriteTxn(MDB_txn* txn, const Store::Dbis* dbi);
  void flush_stats();
  // Fills `cstats` from the POSG index (a database from before the table).
  void rebuild_class_counts();
  void count_change(const IdQuad& quad, int64_t delta);
  Id next_id_ = kFirstTermId;
  // Per-predicate and per-class count changes, written to `pstats` and
  // `cstats` at commit.
  std::unordered_map<Id, int64_t> predicate_delta_;
  std::unordered_map<Id, int64_t> class_delta_;
  bool default_graph_changed_ = false;  // stamps default_graph_version at commit
  // Terms interned by this transaction (LMDB reads would also find them; the
  // cache saves the hash lookup for the repetitive terms of a bulk import).
  std::unordered_map<std::string, Id> term_cache_;
};

}  // namespace tinykg::store
