// Index blocks: the compact on-disk form of a permutation index.
//
// A permutation index is a sorted sequence of 4-id keys (key_codec.h). Stored
// one key per LMDB entry it costs ~43 bytes a quad (8-byte node header, 32-byte
// key, slot, page fill); stored in blocks it costs ~6. A block is one LMDB
// entry: its LMDB key is the block's first key (32 big-endian bytes, so blocks
// sort and seek like keys), its value the keys after the first, each coded
// against the one before:
//
//   header  one byte: bits 0-1 the first position d that differs from the
//           previous key; bit 2+i set when position d+1+i equals the
//           previous key's (the graph column, mostly)
//   delta   varint of key[d] - previous[d] (> 0: keys ascend)
//   rest    for each later position not flagged equal, the zigzag varint of
//           its difference to the previous key's (wrapping u64 arithmetic):
//           neighbours' ids are close, inline literals of one kind too
//
// Blocks stay small (at most kBlockKeys keys and kBlockTarget bytes) so that
// a seek decodes little: decoding, not the B-tree descent, is what a seek
// costs. A block that grows past twice that by inserts splits.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "store/key_codec.h"

namespace tinykg::store::detail {

// 8 blocks of 460 bytes + LMDB's 42 bytes per entry fill a 4 KiB page.
inline constexpr size_t kBlockTarget = 460;
inline constexpr size_t kBlockKeys = 32;
// Well below LMDB's ~2 KiB node limit, so no block goes to overflow pages.
inline constexpr size_t kBlockMax = 2 * kBlockTarget;
inline constexpr size_t kBlockMaxKeys = 2 * kBlockKeys;
inline constexpr size_t kMaxCodedKey = 1 + 4 * 10;  // header + four 10-byte varints

// Appends the coding of `key` (which must be greater than `prev`) to `out`.
void append_coded_key(const SortKey& prev, const SortKey& key, std::string& out);

// Decodes the key coded at `pos` against `key` (its predecessor) into `key`
// and `also`; returns the position after it. Throws tinykg::Error for bytes
// that are not a coded key.
const unsigned char* decode_coded_key(const unsigned char* pos, const unsigned char* end,
                                      SortKey& key, SortKey& also);

// Appends the coding of keys[1..n) against their predecessors to `out`.
void append_coded_keys(const SortKey* keys, size_t n, std::string& out);
// The same as a new string: a block's value (keys[0] is its LMDB key).
std::string encode_block(const SortKey* keys, size_t n);

// Decodes a block's keys, first key included. Throws tinykg::Error for bytes
// that are not a block (keys that do not ascend, a truncated varint).
void decode_block(const SortKey& first, const unsigned char* data, size_t size,
                  std::vector<SortKey>& out);

// Sequential decoding without materializing the block.
class BlockReader {
 public:
  BlockReader() = default;
  BlockReader(const SortKey& first, const unsigned char* data, size_t size)
      : key_(first), pos_(data), end_(data + size), at_first_(true) {}
  // The next key of the block (the first key on the first call); false at its end.
  bool next(SortKey& out);
  // Points the reader at a copy of its bytes that starts at `new_base`.
  void rebase(const char* old_base, const char* new_base) {
    if (pos_ == nullptr) return;
    const auto* old_start = reinterpret_cast<const unsigned char*>(old_base);
    const auto* new_start = reinterpret_cast<const unsigned char*>(new_base);
    pos_ = new_start + (pos_ - old_start);
    end_ = new_start + (end_ - old_start);
  }

 private:
  SortKey key_{};
  const unsigned char* pos_ = nullptr;
  const unsigned char* end_ = nullptr;
  bool at_first_ = false;
};

// Cuts an ascending stream of keys into blocks of kBlockKeys keys or about
// kBlockTarget bytes, whichever comes first.
class BlockBuilder {
 public:
  // Adds `key` (greater than the last key added). Returns true when that
  // closed the block under construction, which is then readable through
  // block_first() / block_bytes() until the next call; `key` starts the next.
  bool add(const SortKey& key);
  bool empty() const { return count_ == 0; }
  // The last closed block.
  const SortKey& block_first() const { return done_first_; }
  const std::string& block_bytes() const { return done_bytes_; }
  // Closes the block under construction; false if there was none.
  bool finish();

 private:
  SortKey first_{}, last_{};
  std::string bytes_;
  size_t count_ = 0;
  SortKey done_first_{};
  std::string done_bytes_;
};

}  // namespace tinykg::store::detail
