// Helpers shared by the store tests: open a store, fill it from inline TriG.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "rdf/serd_io.h"
#include "store/store.h"

namespace tinykg::store {

inline std::unique_ptr<Store> open_store(const std::string& dir, OpenOptions opts = {}) {
  auto store = Store::open(dir, opts);
  EXPECT_TRUE(store.ok()) << store.error();
  return std::move(store).value();
}

// Inserts the quads of `trig` (Turtle is TriG too) in one committed transaction.
inline void insert_trig(Store& store, std::string_view trig) {
  WriteTxn txn = store.write();
  Status st = rdf::read_rdf_string(trig, rdf::Syntax::TriG,
                                   [&](const rdf::Quad& q) { txn.insert(q); });
  ASSERT_TRUE(st.ok()) << st.error();
  ASSERT_TRUE(txn.commit().ok());
}

}  // namespace tinykg::store
