// QuadRuns: the bulk loader's external sort of id quads.
//
// Quads arrive in document order; LMDB wants each index filled in key order
// (MDB_APPEND writes full pages and touches each page once). Quads are
// buffered in runs of `run_quads`; a full run is sorted once per permutation
// and spilled, delta-coded like index blocks (index_block.h), to four
// unlinked temporary files (one per permutation), so
// memory stays bounded by the run size whatever the input size. merge() then
// streams one permutation: a k-way merge of its sorted runs plus the sorted
// in-memory tail, without duplicates. A full run is sorted and written on a
// background thread while the next one fills, so sorting overlaps parsing.
// The memory bound is thus two runs plus the sort keys of one while parsing,
// one run plus the sorted tails of two permutations while merging.
#pragma once

#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "store/ids.h"
#include "store/key_codec.h"

namespace tinykg::store::detail {

class QuadRuns {
 public:
  // `temp_dir` receives the spill files (they are unlinked while open, so a
  // crash leaves nothing behind); it should be on the database's disk.
  QuadRuns(std::string temp_dir, size_t run_quads);
  ~QuadRuns();
  QuadRuns(const QuadRuns&) = delete;
  QuadRuns& operator=(const QuadRuns&) = delete;

  void add(const IdQuad& q) {
    buffer_.push_back(q);
    if (buffer_.size() >= run_quads_) spill();
  }
  size_t spilled_runs() const { return runs_.size(); }

  // Ends the input: waits for the run being spilled. Call before merge().
  void finish_input();
  // Calls `emit` with every distinct quad in `perm` order (see key_codec.h),
  // ascending. Throws tinykg::Error on an I/O failure of the spill files.
  // Merges of different permutations may run on different threads at once.
  void merge(int perm, const std::function<void(const SortKey&)>& emit) const;

 private:
  struct Run {
    uint64_t offset[4];  // byte offset of this run in each permutation's file
    uint64_t bytes[4];   // its coded size there (index_block.h's key coding)
    uint64_t count[4];   // distinct keys in it
  };
  void spill();
  void write_run(const std::vector<IdQuad>& quads);  // on the spill thread
  void wait_for_spill();
  static void sorted_keys(const std::vector<IdQuad>& quads, int perm, std::vector<SortKey>& out);

  std::string temp_dir_;
  size_t run_quads_;
  std::vector<IdQuad> buffer_;
  std::vector<SortKey> keys_;  // reused sort buffer (the spill thread's while it runs)
  std::vector<IdQuad> spilling_;  // the run being written
  std::thread spill_thread_;
  std::exception_ptr spill_error_;
  std::FILE* files_[4] = {nullptr, nullptr, nullptr, nullptr};
  uint64_t file_size_[4] = {0, 0, 0, 0};
  std::vector<Run> runs_;
};

}  // namespace tinykg::store::detail
