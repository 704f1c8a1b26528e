#include "store/bulk_loader.h"

#include <lmdb.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "store/inline_literal.h"
#include "store/key_codec.h"
#include "store/lmdb_check.h"
#include "store/load_dictionary.h"
#include "store/packed_index.h"
#include "store/quad_parser.h"
#include "store/quad_runs.h"
#include "store/term_hash.h"
#include "store/term_limit.h"

namespace tinykg::store {
namespace detail {
namespace {

constexpr size_t kChunkQuads = size_t{1} << 15;
constexpr size_t kQueueChunks = 16;  // bounds what the parser may run ahead (~16 MiB)
constexpr auto kProgressEvery = std::chrono::milliseconds(250);

// What the parser hands to the writer: quads as the encodings of their four
// terms (an empty graph: the default graph). The writer gives them ids, so
// the parser thread does nothing but parse: on two cores, parsing and the
// dictionary's lookups (cache misses in a table of millions of terms) then
// run side by side.
struct Chunk {
  std::string term_bytes;           // encodings, concatenated, four per quad
  std::vector<uint32_t> term_ends;  // end offset of each encoding in term_bytes
  size_t quads() const { return term_ends.size() / 4; }
  void add(std::string_view enc) {
    term_bytes.append(enc);
    term_ends.push_back(static_cast<uint32_t>(term_bytes.size()));
  }
};

// A bounded single-producer / single-consumer queue of chunks.
class ChunkQueue {
 public:
  // false if the consumer cancelled.
  bool push(std::unique_ptr<Chunk> c) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return q_.size() < kQueueChunks || cancelled_; });
    if (cancelled_) return false;
    q_.push_back(std::move(c));
    not_empty_.notify_one();
    return true;
  }
  // nullptr once the producer closed the queue and it is drained.
  std::unique_ptr<Chunk> pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return nullptr;
    auto c = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return c;
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }
  void cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    q_.clear();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::unique_ptr<Chunk>> q_;
  bool closed_ = false, cancelled_ = false;
};

struct Cancelled {};  // thrown inside the parser's sink to unwind serd

}  // namespace

class BulkLoad {
 public:
  BulkLoad(Store& store, WriteTxn& txn, const BulkLoadOptions& opts)
      : txn_(txn), opts_(opts),
        runs_(opts.temp_dir.empty() ? store.path() : opts.temp_dir, opts.run_quads) {}

  Result<BulkLoadReport> run(const std::vector<std::string>& paths);

 private:
  void parse_all(const std::vector<std::string>& paths);  // the parser thread's body
  Status parse_files(const std::vector<std::string>& paths);
  void consume(const Chunk& chunk);
  Id term_id(std::string_view enc);  // the writer's dictionary
  // Index blocks merged off the LMDB thread: their bytes back to back, and
  // each block's first key and end offset.
  struct BuiltBlocks {
    std::string bytes;
    std::vector<std::pair<SortKey, size_t>> blocks;
  };
  bool indexes_empty() const;
  void write_index(int perm);
  void build_blocks(int perm, BuiltBlocks& out) const;  // any thread: no LMDB
  void append_blocks(int perm, const BuiltBlocks& built);
  void sort_term_hashes();  // any thread: no LMDB
  void write_term_index();  // after sort_term_hashes()
  void progress(LoadProgress::Phase phase, bool force);

  WriteTxn& txn_;
  const BulkLoadOptions& opts_;
  std::vector<rdf::Syntax> syntaxes_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_progress_ = start_;

  // Shared with the parser thread.
  ChunkQueue queue_;
  std::atomic<bool> cancel_{false};
  std::atomic<uint64_t> bytes_read_{0};
  uint64_t bytes_total_ = 0;
  Status parse_status_;
  ParseStats parse_stats_;

  // Writer side.
  std::optional<LoadDictionary> dict_;
  QuadRuns runs_;
  MDB_cursor* id2term_ = nullptr;
  std::vector<std::pair<uint64_t, Id>> term_hashes_;  // term2id entries to add
  const std::string rdf_type_encoding_ = rdf::Term::iri(std::string(rdf::kRdfType)).encode();
  uint64_t quads_seen_ = 0;
  int indexes_done_ = 0;
  BulkLoadReport report_;
};

Result<BulkLoadReport> BulkLoad::run(const std::vector<std::string>& paths) {
  // Refuse what cannot be read before any work starts.
  for (const std::string& path : paths) {
    auto syntax = rdf::syntax_for_path(path);
    if (!syntax) return fail("{}: unknown RDF syntax (use .ttl, .nt, .nq or .trig)", path);
    syntaxes_.push_back(*syntax);
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) return fail("cannot open '{}': {}", path, ec.message());
    bytes_total_ += size;
  }
  LoadDictionary::ExistingLookup existing;
  // Terms stored before this load, found through the write transaction (the
  // ones this load adds, the dictionary knows itself).
  if (txn_.next_id_ > kFirstTermId) {
    existing = [this](std::string_view enc) { return txn_.find_id(std::string(enc)); };
  }
  dict_.emplace(txn_.next_id_, std::move(existing));
  for (const auto& [enc, id] : txn_.term_cache_) dict_->remember(enc, id);
  check("open cursor", mdb_cursor_open(txn_.txn_, txn_.dbi_->id2term, &id2term_));

  std::thread parser([&] { parse_all(paths); });
  try {
    while (auto chunk = queue_.pop()) {
      consume(*chunk);
      progress(LoadProgress::Phase::Parsing, false);
    }
  } catch (...) {
    cancel_ = true;
    queue_.cancel();
    parser.join();
    mdb_cursor_close(id2term_);
    throw;
  }
  parser.join();
  mdb_cursor_close(id2term_);
  id2term_ = nullptr;
  if (!parse_status_.ok()) return parse_status_.failure();
  progress(LoadProgress::Phase::Parsing, true);
  txn_.next_id_ = dict_->next_id();
  dict_.reset();  // its memory is free for the index phase

  runs_.finish_input();
  // The term index's entries are complete: sort them beside the index phase,
  // whose single-threaded stretches (appending blocks) leave a core free.
  std::thread term_sorter([this] { sort_term_hashes(); });
  struct Joiner {
    std::thread& t;
    ~Joiner() {
      if (t.joinable()) t.join();
    }
  } join_sorter{term_sorter};
  auto index_done = [&] {
    ++indexes_done_;
    progress(LoadProgress::Phase::Indexing, true);
  };
  if (indexes_empty()) {
    // Two permutations at a time: this thread writes one (LMDB wants its
    // writer on one thread) while a worker merges the next into blocks in
    // memory, which this thread then appends.
    for (int perm = 0; perm < 4; perm += 2) {
      BuiltBlocks built;
      std::exception_ptr failed;
      std::thread worker([&] {
        try {
          build_blocks(perm + 1, built);
        } catch (...) {
          failed = std::current_exception();
        }
      });
      try {
        write_index(perm);
      } catch (...) {
        worker.join();
        throw;
      }
      worker.join();
      if (failed) std::rethrow_exception(failed);
      index_done();
      append_blocks(perm + 1, built);
      index_done();
    }
  } else {
    for (int perm = 0; perm < 4; ++perm) {
      write_index(perm);
      index_done();
    }
  }
  term_sorter.join();
  write_term_index();
  report_.quads_read = parse_stats_.statements;
  report_.invalid_skipped = parse_stats_.invalid;
  report_.spilled_runs = runs_.spilled_runs();
  return report_;
}

// Parser thread: files -> chunks. Never touches the write transaction.
void BulkLoad::parse_all(const std::vector<std::string>& paths) {
  try {
    parse_status_ = parse_files(paths);
  } catch (const Cancelled&) {
    parse_status_ = Failure{"load cancelled"};
  } catch (const std::exception& e) {
    parse_status_ = Failure{e.what()};
  }
  queue_.close();
}

Status BulkLoad::parse_files(const std::vector<std::string>& paths) {
  std::string fixed_graph;
  if (!opts_.graph_iri.empty()) fixed_graph = rdf::Term::iri(opts_.graph_iri).encode();
  auto chunk = std::make_unique<Chunk>();
  auto sink = [&](const EncodedQuad& q) {
    chunk->add(q.s);
    chunk->add(q.p);
    chunk->add(q.o);
    chunk->add(fixed_graph.empty() ? q.g : std::string_view(fixed_graph));
    if (chunk->quads() == kChunkQuads || chunk->term_bytes.size() > (size_t{1} << 24)) {
      if (!queue_.push(std::move(chunk))) throw Cancelled{};
      chunk = std::make_unique<Chunk>();
    }
  };
  ParseOptions popts{opts_.skip_invalid, opts_.on_invalid, &bytes_read_, &cancel_};
  Status st;
  for (size_t i = 0; i < paths.size() && st.ok(); ++i) {
    st = parse_encoded_quads(paths[i], syntaxes_[i], sink, popts, &parse_stats_);
  }
  if (st.ok() && chunk->quads() > 0 && !queue_.push(std::move(chunk))) throw Cancelled{};
  return st;
}

Id BulkLoad::term_id(std::string_view enc) {
  if (auto inlined = inline_id_of_encoding(enc)) return *inlined;
  check_term_size(enc);
  bool created = false;
  const Id id = dict_->id_of(enc, &created);
  if (!created) return id;
  unsigned char key[8];
  put_u64(key, id);
  MDB_val k = lmdb_val(key, sizeof key), v = lmdb_val(enc.data(), enc.size());
  check("dictionary insert", mdb_cursor_put(id2term_, &k, &v, MDB_APPEND));
  term_hashes_.emplace_back(fnv1a64(enc), id);
  // term2id is written after the indexes, so the class statistics of
  // write_index learn a new rdf:type id here rather than by lookup.
  if (enc == rdf_type_encoding_) {
    txn_.rdf_type_ = id;
    txn_.rdf_type_known_ = true;
  }
  ++report_.terms_added;
  return id;
}

void BulkLoad::consume(const Chunk& chunk) {
  uint32_t begin = 0;
  auto next_term = [&](size_t i) {
    std::string_view enc(chunk.term_bytes.data() + begin, chunk.term_ends[i] - begin);
    begin = chunk.term_ends[i];
    return enc;
  };
  for (size_t i = 0; i < chunk.term_ends.size(); i += 4) {
    IdQuad q;
    q.s = term_id(next_term(i));
    q.p = term_id(next_term(i + 1));
    q.o = term_id(next_term(i + 2));
    std::string_view g = next_term(i + 3);
    q.g = g.empty() ? kDefaultGraph : term_id(g);
    runs_.add(q);
  }
  quads_seen_ += chunk.quads();
}

// Writes one permutation from the merged runs. Into an empty index, or once
// past the last key of a non-empty one, whole blocks are appended (each page
// written once, full); keys inside a non-empty index's range are inserted one
// by one. The SPOG pass decides which quads are new (for the report, the quad
// count and the predicate and class statistics).
void BulkLoad::write_index(int perm) {
  MDB_txn* txn = txn_.txn_;
  MDB_dbi dbi = txn_.dbi_->index[perm];
  SortKey last{};
  bool append = false;
  {
    IndexCursor probe(txn, dbi);
    append = !probe.last();
    if (!append) last = probe.key();
  }
  MDB_cursor* cur = nullptr;
  check("open cursor", mdb_cursor_open(txn, dbi, &cur));
  std::unordered_map<Id, int64_t> added_per_predicate, added_per_class;
  const Id rdf_type = perm == kSPOG ? txn_.rdf_type_id() : kNoId;
  uint64_t written = 0;
  BlockBuilder blocks;
  try {
    runs_.merge(perm, [&](const SortKey& sk) {
      if (!append && last < sk) append = true;
      if (append) {
        if (blocks.add(sk)) index_append_block(cur, blocks.block_first(), blocks.block_bytes());
      } else if (!index_insert(txn, dbi, sk)) {
        return;  // already stored
      }
      if (perm == kSPOG) {
        ++report_.quads_added;
        ++added_per_predicate[sk.k[1]];
        if (sk.k[1] == rdf_type) ++added_per_class[sk.k[2]];
      }
      if ((++written & 0xfffff) == 0) progress(LoadProgress::Phase::Indexing, false);
    });
    if (blocks.finish()) index_append_block(cur, blocks.block_first(), blocks.block_bytes());
  } catch (...) {
    mdb_cursor_close(cur);
    throw;
  }
  mdb_cursor_close(cur);
  for (const auto& [p, n] : added_per_predicate) txn_.predicate_delta_[p] += n;
  for (const auto& [c, n] : added_per_class) txn_.class_delta_[c] += n;
  if (perm == kSPOG) txn_.unflushed_quads_ += static_cast<int64_t>(report_.quads_added);
  txn_.default_graph_changed_ = true;  // whichever graphs the load wrote: conservative
}

bool BulkLoad::indexes_empty() const {
  for (int perm = 0; perm < 4; ++perm) {
    if (IndexCursor(txn_.txn_, txn_.dbi_->index[perm]).last()) return false;
  }
  return true;
}

void BulkLoad::build_blocks(int perm, BuiltBlocks& out) const {
  BlockBuilder blocks;
  auto take = [&] {
    out.bytes += blocks.block_bytes();
    out.blocks.emplace_back(blocks.block_first(), out.bytes.size());
  };
  runs_.merge(perm, [&](const SortKey& sk) {
    if (blocks.add(sk)) take();
  });
  if (blocks.finish()) take();
}

void BulkLoad::append_blocks(int perm, const BuiltBlocks& built) {
  MDB_cursor* cur = nullptr;
  check("open cursor", mdb_cursor_open(txn_.txn_, txn_.dbi_->index[perm], &cur));
  try {
    size_t begin = 0;
    for (const auto& [first, end] : built.blocks) {
      index_append_block(cur, first, std::string_view(built.bytes).substr(begin, end - begin));
      begin = end;
    }
  } catch (...) {
    mdb_cursor_close(cur);
    throw;
  }
  mdb_cursor_close(cur);
}

// term2id: FNV hash -> id, dupsort. Its keys and duplicates compare as raw
// bytes of native (little-endian) integers, so sort by the byte-swapped values.
void BulkLoad::sort_term_hashes() {
  auto byte_order = [](const std::pair<uint64_t, Id>& e) {
    return std::pair(__builtin_bswap64(e.first), __builtin_bswap64(e.second));
  };
  std::sort(term_hashes_.begin(), term_hashes_.end(),
            [&](const auto& a, const auto& b) { return byte_order(a) < byte_order(b); });
}

void BulkLoad::write_term_index() {
  if (term_hashes_.empty()) return;
  MDB_stat st;
  check("statistics", mdb_stat(txn_.txn_, txn_.dbi_->term2id, &st));
  const bool empty = st.ms_entries == 0;
  MDB_cursor* cur = nullptr;
  check("open cursor", mdb_cursor_open(txn_.txn_, txn_.dbi_->term2id, &cur));
  uint64_t prev_hash = 0;
  bool first = true;
  for (const auto& [hash, id] : term_hashes_) {
    MDB_val k = lmdb_val(&hash, sizeof hash), v = lmdb_val(&id, sizeof id);
    unsigned flags = 0;
    if (empty) flags = (!first && hash == prev_hash) ? MDB_APPENDDUP : MDB_APPEND;
    int rc = mdb_cursor_put(cur, &k, &v, flags);
    if (rc != 0) mdb_cursor_close(cur);
    check("dictionary insert", rc);
    prev_hash = hash;
    first = false;
  }
  mdb_cursor_close(cur);
  term_hashes_.clear();
  term_hashes_.shrink_to_fit();
}

void BulkLoad::progress(LoadProgress::Phase phase, bool force) {
  if (!opts_.on_progress) return;
  auto now = std::chrono::steady_clock::now();
  if (!force && now - last_progress_ < kProgressEvery) return;
  last_progress_ = now;
  LoadProgress p;
  p.phase = phase;
  p.bytes_read = bytes_read_.load(std::memory_order_relaxed);
  p.bytes_total = bytes_total_;
  p.quads_read = quads_seen_;
  p.indexes_done = indexes_done_;
  p.seconds = std::chrono::duration<double>(now - start_).count();
  opts_.on_progress(p);
}

}  // namespace detail

Result<BulkLoadReport> bulk_load(Store& store, WriteTxn& txn,
                                 const std::vector<std::string>& paths,
                                 const BulkLoadOptions& opts) {
  detail::BulkLoad load(store, txn, opts);
  return load.run(paths);
}

}  // namespace tinykg::store
