#include "store/packed_index.h"

#include <lmdb.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "store/lmdb_check.h"

namespace tinykg::store::detail {
namespace {

// A block's first key as the 32 big-endian bytes LMDB files the block under.
struct BlockKeyBytes {
  explicit BlockKeyBytes(const SortKey& key) { encode_key(key, bytes); }
  MDB_val val() const { return lmdb_val(bytes, sizeof bytes); }
  unsigned char bytes[32];
};

SortKey block_key(const MDB_val& k) {
  if (k.mv_size != 32) throw Error("storage error: damaged index block (key size)");
  return decode_sort_key(static_cast<const unsigned char*>(k.mv_data));
}

// Positions `cur` on the block that holds `key` or would: the last block
// whose first key is <= key, else the first block. Returns the LMDB status
// (MDB_NOTFOUND for an empty index).
int locate(MDB_cursor* cur, const SortKey& key, MDB_val& k, MDB_val& v) {
  const BlockKeyBytes wanted(key);
  k = wanted.val();
  int rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE);
  const bool starts_with_key = rc == 0 && k.mv_size == 32 &&
                               std::memcmp(k.mv_data, wanted.bytes, 32) == 0;
  if (starts_with_key) return rc;
  if (rc != 0 && rc != MDB_NOTFOUND) return rc;
  rc = mdb_cursor_get(cur, &k, &v, rc == 0 ? MDB_PREV : MDB_LAST);
  if (rc == MDB_NOTFOUND) rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST);
  return rc;
}

void put_block(MDB_txn* txn, MDB_dbi dbi, const SortKey& first, const std::string& bytes) {
  const BlockKeyBytes key(first);
  MDB_val k = key.val(), v = lmdb_val(bytes.data(), bytes.size());
  check("index write", mdb_put(txn, dbi, &k, &v, 0));
}

void delete_block(MDB_txn* txn, MDB_dbi dbi, const SortKey& first) {
  const BlockKeyBytes key(first);
  MDB_val k = key.val();
  check("index write", mdb_del(txn, dbi, &k, nullptr));
}

// Replaces the block that started with `old_first` (if `had_block`) by
// `keys`, split into several blocks when it grew too large.
void rewrite(MDB_txn* txn, MDB_dbi dbi, bool had_block, const SortKey& old_first,
             const std::vector<SortKey>& keys) {
  if (had_block && (keys.empty() || keys.front() != old_first)) delete_block(txn, dbi, old_first);
  if (keys.empty()) return;
  std::string bytes = encode_block(keys.data(), keys.size());
  if (bytes.size() <= kBlockMax && keys.size() <= kBlockMaxKeys) {
    put_block(txn, dbi, keys.front(), bytes);
    return;
  }
  BlockBuilder builder;
  for (const SortKey& key : keys) {
    if (builder.add(key)) put_block(txn, dbi, builder.block_first(), builder.block_bytes());
  }
  if (builder.finish()) put_block(txn, dbi, builder.block_first(), builder.block_bytes());
}

// Reads the block holding (or due to hold) `key` into `keys`; false if the
// index is empty.
bool read_home_block(MDB_txn* txn, MDB_dbi dbi, const SortKey& key, SortKey* first,
                     std::vector<SortKey>& keys) {
  MDB_cursor* cur = nullptr;
  check("open cursor", mdb_cursor_open(txn, dbi, &cur));
  MDB_val k, v;
  int rc = locate(cur, key, k, v);
  if (rc == 0) {
    try {
      *first = block_key(k);
      decode_block(*first, static_cast<const unsigned char*>(v.mv_data), v.mv_size, keys);
    } catch (...) {
      mdb_cursor_close(cur);
      throw;
    }
  }
  mdb_cursor_close(cur);
  if (rc == MDB_NOTFOUND) return false;
  check("index lookup", rc);
  return true;
}

}  // namespace

// ---- IndexCursor --------------------------------------------------------------

IndexCursor::IndexCursor(MDB_txn* txn, MDB_dbi dbi) {
  check("open cursor", mdb_cursor_open(txn, dbi, &cursor_));
}

IndexCursor::IndexCursor(IndexCursor&& other) noexcept
    : cursor_(other.cursor_),
      block_first_(other.block_first_),
      loaded_(other.loaded_),
      reader_(other.reader_),
      key_(other.key_) {
  // The reader points into bytes_; a move may give the string a new buffer
  // (short strings live inside the object), so re-seat it at the same offset.
  const char* old_base = other.bytes_.data();
  bytes_ = std::move(other.bytes_);
  reader_.rebase(old_base, bytes_.data());
  other.cursor_ = nullptr;
}

IndexCursor::~IndexCursor() {
  if (cursor_ != nullptr) mdb_cursor_close(cursor_);
}

bool IndexCursor::load(int op) {
  MDB_val k, v;
  int rc = mdb_cursor_get(cursor_, &k, &v, static_cast<MDB_cursor_op>(op));
  if (rc == MDB_NOTFOUND) return false;
  check("index scan", rc);
  bytes_.assign(static_cast<const char*>(v.mv_data), v.mv_size);
  block_first_ = block_key(k);
  loaded_ = true;
  reader_ = BlockReader(block_first_, reinterpret_cast<const unsigned char*>(bytes_.data()),
                        bytes_.size());
  return true;
}

bool IndexCursor::seek_in_block(const SortKey& target) {
  if (!loaded_ || target < block_first_) return false;
  if (!(key_ < target)) {
    // The answer lies between the block's first key and the current one.
    reader_ = BlockReader(block_first_, reinterpret_cast<const unsigned char*>(bytes_.data()),
                          bytes_.size());
  }
  // Keys after the current one: the first >= target is the answer, as every
  // later block starts above this block's keys.
  while (reader_.next(key_)) {
    if (!(key_ < target)) return true;
  }
  return false;  // past this block: descend the B-tree
}

bool IndexCursor::seek(const SortKey& target) {
  if (seek_in_block(target)) return true;
  MDB_val k, v;
  int rc = locate(cursor_, target, k, v);
  if (rc == MDB_NOTFOUND) return false;
  check("index seek", rc);
  if (!load(MDB_GET_CURRENT)) return false;
  while (reader_.next(key_)) {
    if (!(key_ < target)) return true;
  }
  // Every key of this block is below target: the next block starts above it.
  return load(MDB_NEXT) && reader_.next(key_);
}

bool IndexCursor::next() {
  if (reader_.next(key_)) return true;
  return load(MDB_NEXT) && reader_.next(key_);
}

bool IndexCursor::last() {
  if (!load(MDB_LAST)) return false;
  while (reader_.next(key_)) {
  }
  return true;
}

// ---- single-key writes --------------------------------------------------------

bool index_insert(MDB_txn* txn, MDB_dbi dbi, const SortKey& key) {
  SortKey first{};
  std::vector<SortKey> keys;
  const bool had_block = read_home_block(txn, dbi, key, &first, keys);
  auto at = std::lower_bound(keys.begin(), keys.end(), key);
  if (at != keys.end() && *at == key) return false;
  keys.insert(at, key);
  rewrite(txn, dbi, had_block, first, keys);
  return true;
}

bool index_erase(MDB_txn* txn, MDB_dbi dbi, const SortKey& key) {
  SortKey first{};
  std::vector<SortKey> keys;
  if (!read_home_block(txn, dbi, key, &first, keys)) return false;
  auto at = std::lower_bound(keys.begin(), keys.end(), key);
  if (at == keys.end() || *at != key) return false;
  keys.erase(at);
  rewrite(txn, dbi, true, first, keys);
  return true;
}

void index_append_block(MDB_cursor* cursor, const SortKey& first, std::string_view bytes) {
  const BlockKeyBytes key(first);
  MDB_val k = key.val(), v = lmdb_val(bytes.data(), bytes.size());
  check("index write", mdb_cursor_put(cursor, &k, &v, MDB_APPEND));
}

}  // namespace tinykg::store::detail
