// A permutation index stored as index blocks (index_block.h) in one LMDB
// table: seeks, inserts and erases of single keys. The bulk loader appends
// whole blocks itself (BlockBuilder + MDB_APPEND).
#pragma once

#include <string>
#include <string_view>

#include "store/index_block.h"

typedef struct MDB_txn MDB_txn;
typedef struct MDB_cursor MDB_cursor;
typedef unsigned int MDB_dbi;

namespace tinykg::store::detail {

// Walks the keys of one index in order. The current block is copied out of
// LMDB, so writes in the same transaction cannot pull it away; a seek that
// lands in the current block decodes it again instead of descending the
// B-tree (a bind join's lookups come mostly in key order), so a cursor must
// not be re-seeked across a write to its index.
class IndexCursor {
 public:
  IndexCursor(MDB_txn* txn, MDB_dbi dbi);  // throws tinykg::Error
  IndexCursor(IndexCursor&& other) noexcept;
  IndexCursor& operator=(IndexCursor&&) = delete;
  ~IndexCursor();

  // Positions on the first key >= target; false if there is none.
  bool seek(const SortKey& target);
  // Advances to the next key; false at the end.
  bool next();
  // Positions on the greatest key; false for an empty index.
  bool last();
  const SortKey& key() const { return key_; }

 private:
  bool load(int op);  // moves the LMDB cursor by `op` and reads that block
  bool seek_in_block(const SortKey& target);  // the current block only
  MDB_cursor* cursor_ = nullptr;
  std::string bytes_;  // the current block
  SortKey block_first_{};
  bool loaded_ = false;
  BlockReader reader_;
  SortKey key_{};  // the last key read from the current block
};

// Adds `key`; false if the index holds it already.
bool index_insert(MDB_txn* txn, MDB_dbi dbi, const SortKey& key);
// Removes `key`; false if the index does not hold it.
bool index_erase(MDB_txn* txn, MDB_dbi dbi, const SortKey& key);
// Appends a block built by BlockBuilder after every block of the index.
void index_append_block(MDB_cursor* cursor, const SortKey& first, std::string_view bytes);

}  // namespace tinykg::store::detail
