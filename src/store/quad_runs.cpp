#include "store/quad_runs.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <queue>
#include <utility>

#include <fmt/format.h>

#include "common/error.h"
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

// Sequential reader of one sorted run in a spill file.
class RunReader {
 public:
  RunReader(std::FILE* file, uint64_t offset, uint64_t count)
      : fd_(fileno(file)), offset_(offset), left_(count) {
    fill();
  }
  bool done() const { return pos_ == buf_.size(); }
  const SortKey& head() const { return buf_[pos_]; }
  void pop() {
    if (++pos_ == buf_.size()) fill();
  }

 private:
  static constexpr uint64_t kBatch = 8192;  // 256 KiB per run being merged
  void fill() {
    buf_.resize(std::min(left_, kBatch));
    pos_ = 0;
    size_t bytes = buf_.size() * sizeof(SortKey);
    size_t done = 0;
    while (done < bytes) {
      ssize_t n = pread(fd_, reinterpret_cast<char*>(buf_.data()) + done, bytes - done,
                        static_cast<off_t>(offset_ + done));
      if (n <= 0) throw_io("cannot read a temporary run file");
      done += static_cast<size_t>(n);
    }
    offset_ += bytes;
    left_ -= buf_.size();
  }
  int fd_;
  uint64_t offset_, left_;
  std::vector<SortKey> buf_;
  size_t pos_ = 0;
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
  for (int perm = 0; perm < 4; ++perm) {
    if (files_[perm] == nullptr) files_[perm] = temp_file(temp_dir_);
    sorted_keys(quads, perm, keys_);
    if (std::fwrite(keys_.data(), sizeof(SortKey), keys_.size(), files_[perm]) != keys_.size()) {
      throw_io("cannot write a temporary run file (disk full?)");
    }
    run.offset[perm] = file_size_[perm];
    run.count[perm] = keys_.size();
    file_size_[perm] += keys_.size() * sizeof(SortKey);
  }
  runs_.push_back(run);
}

void QuadRuns::merge(int perm, const std::function<void(const SortKey&)>& emit) {
  wait_for_spill();
  if (perm == 0) std::vector<IdQuad>().swap(spilling_);  // its memory is free from here
  sorted_keys(buffer_, perm, keys_);  // the in-memory tail
  if (runs_.empty()) {
    for (const SortKey& k : keys_) emit(k);
    return;
  }
  if (std::fflush(files_[perm]) != 0) throw_io("cannot write a temporary run file");
  std::vector<RunReader> readers;
  readers.reserve(runs_.size());
  for (const Run& r : runs_) readers.emplace_back(files_[perm], r.offset[perm], r.count[perm]);

  // Sources: index < readers.size() is a spilled run, the last one the tail.
  const size_t tail = readers.size();
  size_t tail_pos = 0;
  auto head = [&](size_t src) -> const SortKey& {
    return src == tail ? keys_[tail_pos] : readers[src].head();
  };
  auto greater = [&](size_t a, size_t b) { return head(b) < head(a); };
  std::priority_queue<size_t, std::vector<size_t>, decltype(greater)> heap(greater);
  for (size_t i = 0; i < readers.size(); ++i) {
    if (!readers[i].done()) heap.push(i);
  }
  if (!keys_.empty()) heap.push(tail);

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
      more = ++tail_pos < keys_.size();
    } else {
      readers[src].pop();
      more = !readers[src].done();
    }
    if (more) heap.push(src);
  }
}

}  // namespace tinykg::store::detail
