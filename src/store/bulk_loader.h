// Bulk loading of RDF files (N-Triples, N-Quads, Turtle, TriG) into one
// WriteTxn, built for inputs far larger than memory.
//
// Pipeline (two threads, so both cores work):
//   parser thread   libserd streams each file; every term's encoding is looked
//                   up in a LoadDictionary (new terms get consecutive ids) and
//                   the statement becomes an IdQuad; quads and new terms travel
//                   to the writer in chunks through a small bounded queue.
//   writer thread   (the caller, which owns the LMDB write transaction) appends
//                   new terms to `id2term` (ids ascend, so MDB_APPEND) and feeds
//                   the quads to QuadRuns, which sorts full runs per permutation
//                   and spills them to temporary files.
// After the last file each index is written from a k-way merge of its runs in
// key order: MDB_APPEND into an empty index (pages are written once, full),
// ordered inserts into a non-empty one; `term2id` gets its new entries sorted.
//
// Memory is bounded by the run size (32 bytes per quad, three times: the run
// filling, the run being sorted on a background thread, its sort keys) plus the
// dictionary (about 40 bytes per distinct term of this load) plus LMDB's
// dirty-page list, whatever the input size.
//
// Batch semantics: everything goes into the caller's transaction; nothing is
// visible until it commits, and a failure leaves the transaction to abort.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/store.h"

namespace tinykg::store {

struct LoadProgress {
  enum class Phase { Parsing, Indexing };
  Phase phase = Phase::Parsing;
  uint64_t bytes_read = 0, bytes_total = 0;  // over all files
  uint64_t quads_read = 0;
  int indexes_done = 0;  // Indexing: permutations written so far (of 4)
  double seconds = 0;    // since the load started
};

struct BulkLoadOptions {
  std::string graph_iri;  // non-empty: every quad goes into this named graph
  // false: the first syntax error fails the load with "FILE:LINE:COL: message".
  // true: bad statements are skipped; each is reported to on_invalid.
  bool skip_invalid = false;
  // Called on the parser thread (not the caller's), once per skipped statement.
  std::function<void(const std::string& message)> on_invalid;
  // Called on the calling thread about every 250 ms, and once per phase end.
  std::function<void(const LoadProgress&)> on_progress;
  size_t run_quads = size_t{4} << 20;  // quads per sorted run (memory bound)
  std::string temp_dir;                // spill files; default: the database directory
};

struct BulkLoadReport {
  uint64_t quads_read = 0;
  uint64_t quads_added = 0;  // new quads (duplicates, in the file or the store, are not counted)
  uint64_t terms_added = 0;
  uint64_t invalid_skipped = 0;
  size_t spilled_runs = 0;
};

// Loads `paths` (syntax from the extension) into `txn`, which must belong to
// `store`. Throws tinykg::Error for storage failures (as WriteTxn does).
Result<BulkLoadReport> bulk_load(Store& store, WriteTxn& txn,
                                 const std::vector<std::string>& paths,
                                 const BulkLoadOptions& opts = {});

}  // namespace tinykg::store
