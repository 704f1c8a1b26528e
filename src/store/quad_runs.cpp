#include "store/quad_runs.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <queue>
#include <utility>

#include <fmt/format.h>

#include "common/error.h"
#include "store/index_block.h"
#include "store/key_codec.h"

namespace tinykg::store::detail {
namespace {

[[noreturn]] void throw_io(const std::string& what) {
  throw Error(fmt::format("bulk load: {}: {}", what, std::strerror(errno)));
}

// An anonymous temporary file: created, then unlinked while kept open.
std::FILE* temp_file(const std::string& dir) {
  std::string path = dir + "/.tinykg-load-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) throw_io(fmt::format("cannot create a temporary file in '{}'", dir));
  unlink(path.c_str());
  std::FILE* f = fdopen(fd, "w+b");
  if (f == nullptr) {
    close(fd);
    throw_io("cannot open a temporary file");
  }
  return f;
}

// Sequential reader of one sorted run in a spill file: its first key as 32
// big-endian bytes, then each further key coded against the one before
// (index_block.h), a sixth of the bytes of raw keys to write and read back.
class RunReader {
 public:
  RunReader(std::FILE* file, uint64_t offset, uint64_t bytes, uint64_t count)
      : fd_(fileno(file)), offset_(offset), file_left_(bytes), keys_left_(count),
        buf_(kChunk) {
    pop();
  }
  bool done() const { return done_; }
  const SortKey& head() const { return head_; }
  void pop() {
    if (keys_left_ == 0) {
      done_ = true;
      return;
    }
    --keys_left_;
    if (first_) {
      refill(32);
      if (end_ - pos_ < 32) throw Error("bulk load: a temporary run file is truncated");
      head_ = decode_sort_key(pos_);
      pos_ += 32;
      first_ = false;
      return;
    }
    refill(kMaxCodedKey);
    pos_ = decode_coded_key(pos_, end_, head_, head_);
  }

 private:
  static constexpr size_t kChunk = size_t{1} << 18;  // 256 KiB per run being merged
  // Makes at least `want` bytes readable at pos_, or all that is left.
  void refill(size_t want) {
    const auto have = static_cast<size_t>(end_ - pos_);
    if (have >= want || file_left_ == 0) return;
    if (have > 0) std::memmove(buf_.data(), pos_, have);
    const size_t n = static_cast<size_t>(std::min<uint64_t>(kChunk - have, file_left_));
    size_t done = 0;
    while (done < n) {
      ssize_t got = pread(fd_, buf_.data() + have + done, n - done,
                          static_cast<off_t>(offset_ + done));
      if (got <= 0) throw_io("cannot read a temporary run file");
      done += static_cast<size_t>(got);
    }
    offset_ += n;
    file_left_ -= n;
    pos_ = buf_.data();
    end_ = buf_.data() + have + n;
  }
  int fd_;
  uint64_t offset_, file_left_, keys_left_;
  std::vector<unsigned char> buf_;
  const unsigned char* pos_ = nullptr;
  const unsigned char* end_ = nullptr;
  SortKey head_{};
  bool first_ = true;
  bool done_ = false;
};

}  // namespace

QuadRuns::QuadRuns(std::string temp_dir, size_t run_quads)
    : temp_dir_(std::move(temp_dir)), run_quads_(std::max<size_t>(run_quads, 1)) {
  buffer_.reserve(std::min<size_t>(run_quads_, size_t{1} << 20));
}

QuadRuns::~QuadRuns() {
  if (spill_thread_.joinable()) spill_thread_.join();
  for (std::FILE* f : files_) {
    if (f != nullptr) std::fclose(f);
  }
}

// `quads` in `perm` order, sorted, without duplicates.
void QuadRuns::sorted_keys(const std::vector<IdQuad>& quads, int perm, std::vector<SortKey>& out) {
  out.resize(quads.size());
  for (size_t i = 0; i < quads.size(); ++i) order(perm, quads[i], out[i].k);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

void QuadRuns::wait_for_spill() {
  if (spill_thread_.joinable()) spill_thread_.join();
  if (spill_error_) std::rethrow_exception(std::exchange(spill_error_, nullptr));
}

void QuadRuns::spill() {
  if (buffer_.empty()) return;
  wait_for_spill();
  spilling_.swap(buffer_);
  buffer_.clear();
  spill_thread_ = std::thread([this] {
    try {
      write_run(spilling_);
    } catch (...) {
      spill_error_ = std::current_exception();
    }
  });
}

void QuadRuns::write_run(const std::vector<IdQuad>& quads) {
  Run run{};
  std::string bytes;
  for (int perm = 0; perm < 4; ++perm) {
    if (files_[perm] == nullptr) files_[perm] = temp_file(temp_dir_);
    sorted_keys(quads, perm, keys_);
    bytes.clear();
    if (!keys_.empty()) {
      bytes.resize(32);
      encode_key(keys_.front(), reinterpret_cast<unsigned char*>(bytes.data()));
      append_coded_keys(keys_.data(), keys_.size(), bytes);
    }
    if (std::fwrite(bytes.data(), 1, bytes.size(), files_[perm]) != bytes.size()) {
      throw_io("cannot write a temporary run file (disk full?)");
    }
    run.offset[perm] = file_size_[perm];
    run.bytes[perm] = bytes.size();
    run.count[perm] = keys_.size();
    file_size_[perm] += bytes.size();
  }
  runs_.push_back(run);
}

void QuadRuns::finish_input() {
  wait_for_spill();
  std::vector<IdQuad>().swap(spilling_);  // its memory is free from here
  std::vector<SortKey>().swap(keys_);
}

void QuadRuns::merge(int perm, const std::function<void(const SortKey&)>& emit) const {
  TINYKG_ASSERT(!spill_thread_.joinable(), "finish_input() before merge()");
  std::vector<SortKey> keys;
  sorted_keys(buffer_, perm, keys);  // the in-memory tail
  if (runs_.empty()) {
    for (const SortKey& k : keys) emit(k);
    return;
  }
  if (std::fflush(files_[perm]) != 0) throw_io("cannot write a temporary run file");
  std::vector<RunReader> readers;
  readers.reserve(runs_.size());
  for (const Run& r : runs_) {
    readers.emplace_back(files_[perm], r.offset[perm], r.bytes[perm], r.count[perm]);
  }

  // Sources: index < readers.size() is a spilled run, the last one the tail.
  const size_t tail = readers.size();
  size_t tail_pos = 0;
  auto head = [&](size_t src) -> const SortKey& {
    return src == tail ? keys[tail_pos] : readers[src].head();
  };
  auto greater = [&](size_t a, size_t b) { return head(b) < head(a); };
  std::priority_queue<size_t, std::vector<size_t>, decltype(greater)> heap(greater);
  for (size_t i = 0; i < readers.size(); ++i) {
    if (!readers[i].done()) heap.push(i);
  }
  if (!keys.empty()) heap.push(tail);

  bool have_last = false;
  SortKey last{};
  while (!heap.empty()) {
    size_t src = heap.top();
    heap.pop();
    const SortKey k = head(src);
    if (!have_last || last < k) {
      emit(k);
      last = k;
      have_last = true;
    }
    bool more;
    if (src == tail) {
      more = ++tail_pos < keys.size();
    } else {
      readers[src].pop();
      more = !readers[src].done();
    }
    if (more) heap.push(src);
  }
}

}  // namespace tinykg::store::detail
