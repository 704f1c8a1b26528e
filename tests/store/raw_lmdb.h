// Edits a database's LMDB tables directly, as another program, a newer
// tinykg or a damaged disk would, for tests of what the store does then.
#pragma once

#include <gtest/gtest.h>
#include <lmdb.h>

#include <functional>
#include <string>

namespace tinykg::testing {

// Runs `edit` on table `table` of the database in `dir` in one LMDB write
// transaction and commits it. Any LMDB error fails the test.
inline void edit_lmdb_table(const std::string& dir, const char* table,
                            const std::function<void(MDB_txn*, MDB_dbi)>& edit) {
  MDB_env* env = nullptr;
  ASSERT_EQ(mdb_env_create(&env), 0);
  mdb_env_set_maxdbs(env, 16);
  ASSERT_EQ(mdb_env_open(env, dir.c_str(), 0, 0644), 0);
  MDB_txn* txn = nullptr;
  ASSERT_EQ(mdb_txn_begin(env, nullptr, 0, &txn), 0);
  MDB_dbi dbi;
  ASSERT_EQ(mdb_dbi_open(txn, table, 0, &dbi), 0);
  edit(txn, dbi);
  ASSERT_EQ(mdb_txn_commit(txn), 0);
  mdb_env_close(env);
}

}  // namespace tinykg::testing
