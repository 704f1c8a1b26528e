#include "store/index_block.h"

#include "common/error.h"

namespace tinykg::store::detail {
namespace {

void put_varint(uint64_t v, std::string& out) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

[[noreturn]] void damaged() { throw Error("storage error: damaged index block"); }

uint64_t get_varint(const unsigned char*& pos, const unsigned char* end) {
  if (pos != end && *pos < 0x80) return *pos++;  // most deltas fit one byte
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos == end) damaged();
    const unsigned char byte = *pos++;
    if (shift == 63 && byte > 1) damaged();  // more than 64 bits
    v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return v;
  }
  damaged();
}

uint64_t zigzag(uint64_t diff) {
  const auto s = static_cast<int64_t>(diff);
  return (static_cast<uint64_t>(s) << 1) ^ static_cast<uint64_t>(s >> 63);
}

uint64_t unzigzag(uint64_t z) { return (z >> 1) ^ (~(z & 1) + 1); }

}  // namespace

void append_coded_key(const SortKey& prev, const SortKey& key, std::string& out) {
  int d = 0;
  while (d < 3 && key.k[d] == prev.k[d]) ++d;
  unsigned header = static_cast<unsigned>(d);
  for (int j = d + 1; j < 4; ++j) {
    if (key.k[j] == prev.k[j]) header |= 1u << (2 + (j - d - 1));
  }
  out.push_back(static_cast<char>(header));
  put_varint(key.k[d] - prev.k[d], out);
  for (int j = d + 1; j < 4; ++j) {
    if (key.k[j] != prev.k[j]) put_varint(zigzag(key.k[j] - prev.k[j]), out);
  }
}

void append_coded_keys(const SortKey* keys, size_t n, std::string& out) {
  for (size_t i = 1; i < n; ++i) append_coded_key(keys[i - 1], keys[i], out);
}

std::string encode_block(const SortKey* keys, size_t n) {
  std::string out;
  append_coded_keys(keys, n, out);
  return out;
}

const unsigned char* decode_coded_key(const unsigned char* pos, const unsigned char* end,
                                      SortKey& key, SortKey& also) {
  if (pos == end) damaged();
  const unsigned header = *pos++;
  const int d = static_cast<int>(header & 3);
  // Flag bits only for positions after d, and nothing above them.
  if ((header >> (2 + (3 - d))) != 0) damaged();
  // Four named scalars, not an array indexed by d: those stay in registers,
  // whereas an array in memory updated one id at a time and then copied with
  // vector moves stalls on store forwarding (this loop is what seeks cost).
  Id k0 = key.k[0], k1 = key.k[1], k2 = key.k[2], k3 = key.k[3];
  const uint64_t delta = get_varint(pos, end);
  if (delta == 0) damaged();  // keys must ascend
  auto step = [&](Id& id) {
    if (id + delta < id) damaged();
    id += delta;
  };
  unsigned same = header >> 2;
  auto rest = [&](Id& id) {
    if ((same & 1) == 0) id += unzigzag(get_varint(pos, end));
    same >>= 1;
  };
  switch (d) {
    case 0: step(k0); rest(k1); rest(k2); rest(k3); break;
    case 1: step(k1); rest(k2); rest(k3); break;
    case 2: step(k2); rest(k3); break;
    default: step(k3); break;
  }
  key.k[0] = also.k[0] = k0;
  key.k[1] = also.k[1] = k1;
  key.k[2] = also.k[2] = k2;
  key.k[3] = also.k[3] = k3;
  return pos;
}

bool BlockReader::next(SortKey& out) {
  if (at_first_) {
    at_first_ = false;
    out = key_;
    return true;
  }
  if (pos_ == end_) return false;
  pos_ = decode_coded_key(pos_, end_, key_, out);
  return true;
}

void decode_block(const SortKey& first, const unsigned char* data, size_t size,
                  std::vector<SortKey>& out) {
  out.clear();
  BlockReader reader(first, data, size);
  SortKey key;
  while (reader.next(key)) out.push_back(key);
}

bool BlockBuilder::add(const SortKey& key) {
  if (count_ == 0) {
    first_ = last_ = key;
    count_ = 1;
    return false;
  }
  const size_t before = bytes_.size();
  if (count_ < kBlockKeys) append_coded_key(last_, key, bytes_);
  if (count_ < kBlockKeys && bytes_.size() <= kBlockTarget) {
    last_ = key;
    ++count_;
    return false;
  }
  bytes_.resize(before);  // `key` starts the next block
  finish();
  first_ = last_ = key;
  count_ = 1;
  return true;
}

bool BlockBuilder::finish() {
  if (count_ == 0) return false;
  done_first_ = first_;
  done_bytes_.swap(bytes_);
  bytes_.clear();
  count_ = 0;
  return true;
}

}  // namespace tinykg::store::detail
