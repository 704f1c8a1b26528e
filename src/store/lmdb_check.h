// LMDB return codes turned into tinykg::Error with a message a user can act on.
#pragma once

#include <lmdb.h>

#include <fmt/format.h>

#include "common/error.h"

namespace tinykg::store::detail {

// A full map or disk aborts the write transaction; LMDB's copy-on-write pages
// guarantee the last committed version stays intact, so the message says so.
[[noreturn]] inline void throw_lmdb(const char* what, int rc) {
  if (rc == MDB_MAP_FULL || rc == ENOSPC) {
    throw Error(fmt::format(
        "storage full in {}: {}; the transaction was rolled back and the database keeps its "
        "previous contents",
        what, rc == ENOSPC ? "no space left on the device" : "the database reached its map size limit"));
  }
  throw Error(fmt::format("storage error in {}: {}", what, mdb_strerror(rc)));
}

// An MDB_val over bytes LMDB only reads (keys and values passed to it).
inline MDB_val lmdb_val(const void* data, size_t size) {
  return MDB_val{size, const_cast<void*>(data)};
}

inline void check(const char* what, int rc) {
  if (rc != MDB_SUCCESS) throw_lmdb(what, rc);
}

}  // namespace tinykg::store::detail
