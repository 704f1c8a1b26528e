// Index blocks (index_block.h) and the packed permutation index built from
// them (packed_index.h), checked against a std::set of the same keys.
#include <gtest/gtest.h>
#include <lmdb.h>

#include <random>
#include <set>

#include "common/error.h"
#include "store/index_block.h"
#include "store/packed_index.h"
#include "test_support.h"

namespace tinykg::store::detail {
namespace {

SortKey key(Id a, Id b, Id c, Id d) { return SortKey{{a, b, c, d}}; }

// Keys shaped like a permutation index's: clustered leading ids, the default
// graph mostly, and some inline-literal ids (top bit set) in the third place.
SortKey random_key(std::mt19937_64& rng) {
  Id a = 16 + rng() % 400, b = 16 + rng() % 30, c = 16 + rng() % 5000;
  if (rng() % 4 == 0) c = (Id{1} << 63) | (Id{3} << 59) | (rng() % 100000);
  Id g = rng() % 10 == 0 ? 16 + rng() % 3 : 1;
  return key(a, b, c, g);
}

std::vector<SortKey> decode(const std::vector<SortKey>& keys) {
  std::string bytes = encode_block(keys.data(), keys.size());
  std::vector<SortKey> out;
  decode_block(keys.front(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
               out);
  return out;
}

TEST(IndexBlock, KeysRoundTripIncludingExtremeIds) {
  std::vector<SortKey> keys = {key(1, 1, 1, 1), key(1, 1, 1, 2), key(1, 1, UINT64_MAX, 1),
                               key(1, 2, 0, 0), key(7, 0, UINT64_MAX, UINT64_MAX),
                               key(UINT64_MAX, 0, 0, 0), key(UINT64_MAX, UINT64_MAX, 5, 3)};
  EXPECT_EQ(decode(keys), keys);
  std::mt19937_64 rng(7);
  std::set<SortKey> many;
  while (many.size() < 3000) many.insert(random_key(rng));
  std::vector<SortKey> sorted(many.begin(), many.end());
  EXPECT_EQ(decode(sorted), sorted);
}

TEST(IndexBlock, AKeyOfTheSameSubjectCostsAFewBytes) {
  // One subject's predicates and objects in SPOG order, default graph: the
  // header, a small predicate delta and a small object difference.
  std::vector<SortKey> keys;
  for (Id p = 0; p < 20; ++p) keys.push_back(key(5000, 100 + p, 90000 + 3 * p, 1));
  std::string bytes = encode_block(keys.data(), keys.size());
  EXPECT_LE(bytes.size(), 3 * (keys.size() - 1));
}

TEST(IndexBlock, DamagedBytesAreRefusedNotMisread) {
  std::vector<SortKey> keys = {key(10, 20, 30, 1), key(10, 20, 31, 1), key(11, 2, 3, 1)};
  std::string bytes = encode_block(keys.data(), keys.size());
  std::vector<SortKey> out;
  auto decode_bytes = [&](const std::string& b) {
    decode_block(keys.front(), reinterpret_cast<const unsigned char*>(b.data()), b.size(), out);
  };
  EXPECT_THROW(decode_bytes(bytes.substr(0, bytes.size() - 1)), Error);  // truncated
  std::string zero_delta = bytes;
  zero_delta[1] = 0;  // a key equal to its predecessor
  EXPECT_THROW(decode_bytes(zero_delta), Error);
  std::string bad_header = bytes;
  bad_header[0] = static_cast<char>(0xe0);  // flag bits for positions that do not exist
  EXPECT_THROW(decode_bytes(bad_header), Error);
  EXPECT_THROW(decode_bytes(std::string(11, '\xff')), Error);  // a varint of over 64 bits
}

TEST(IndexBlock, TheBuilderCutsBlocksNearTheTargetSize) {
  std::mt19937_64 rng(3);
  std::set<SortKey> many;
  while (many.size() < 20000) many.insert(random_key(rng));
  BlockBuilder builder;
  std::vector<SortKey> seen;
  std::vector<SortKey> part;
  size_t blocks = 0;
  auto take = [&] {
    ++blocks;
    const auto& b = builder.block_bytes();
    decode_block(builder.block_first(), reinterpret_cast<const unsigned char*>(b.data()),
                 b.size(), part);
    // Full by key count or by size, never over either.
    EXPECT_LE(b.size(), kBlockTarget);
    EXPECT_LE(part.size(), kBlockKeys);
    EXPECT_TRUE(part.size() == kBlockKeys || b.size() + kMaxCodedKey >= kBlockTarget);
    seen.insert(seen.end(), part.begin(), part.end());
  };
  for (const SortKey& k : many) {
    if (builder.add(k)) take();
  }
  ASSERT_TRUE(builder.finish());
  ++blocks;
  const auto& b = builder.block_bytes();
  decode_block(builder.block_first(), reinterpret_cast<const unsigned char*>(b.data()), b.size(),
               part);
  seen.insert(seen.end(), part.begin(), part.end());
  EXPECT_EQ(seen, std::vector<SortKey>(many.begin(), many.end()));
  EXPECT_GT(blocks, 10u);
}

// An LMDB environment with one table, as the store opens its indexes.
class PackedIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(mdb_env_create(&env_), 0);
    mdb_env_set_maxdbs(env_, 2);
    mdb_env_set_mapsize(env_, size_t{1} << 30);
    ASSERT_EQ(mdb_env_open(env_, dir_.str().c_str(), 0, 0644), 0);
    ASSERT_EQ(mdb_txn_begin(env_, nullptr, 0, &txn_), 0);
    ASSERT_EQ(mdb_dbi_open(txn_, "index", MDB_CREATE, &dbi_), 0);
  }
  void TearDown() override {
    if (txn_ != nullptr) mdb_txn_abort(txn_);
    mdb_env_close(env_);
  }
  std::vector<SortKey> all() {
    std::vector<SortKey> out;
    IndexCursor cur(txn_, dbi_);
    for (bool more = cur.seek(SortKey{}); more; more = cur.next()) out.push_back(cur.key());
    return out;
  }
  size_t blocks() {
    MDB_stat st;
    mdb_stat(txn_, dbi_, &st);
    return st.ms_entries;
  }

  testing::TempDir dir_;
  MDB_env* env_ = nullptr;
  MDB_txn* txn_ = nullptr;
  MDB_dbi dbi_ = 0;
};

TEST_F(PackedIndex, RandomInsertsAndErasesMatchASet) {
  std::mt19937_64 rng(11);
  std::set<SortKey> model;
  for (int i = 0; i < 30000; ++i) {
    SortKey k = random_key(rng);
    if (rng() % 3 == 0 && !model.empty()) {
      // Erase a present key half of the time, an absent one otherwise.
      if (rng() % 2 == 0) {
        auto present = model.lower_bound(k);
        k = present == model.end() ? *model.begin() : *present;
      }
      EXPECT_EQ(index_erase(txn_, dbi_, k), model.erase(k) == 1);
    } else {
      EXPECT_EQ(index_insert(txn_, dbi_, k), model.insert(k).second);
    }
  }
  EXPECT_EQ(all(), std::vector<SortKey>(model.begin(), model.end()));
  // Inserts split blocks: many blocks, none of them a single key.
  EXPECT_GT(blocks(), model.size() / 200);
  EXPECT_LT(blocks(), model.size() / 10);
  // Seeks land on the first key at or above the target.
  for (int i = 0; i < 2000; ++i) {
    SortKey target = random_key(rng);
    IndexCursor cur(txn_, dbi_);
    auto expected = model.lower_bound(target);
    ASSERT_EQ(cur.seek(target), expected != model.end());
    if (expected != model.end()) EXPECT_EQ(cur.key(), *expected);
  }
  // Erasing everything leaves an empty table.
  for (const SortKey& k : model) ASSERT_TRUE(index_erase(txn_, dbi_, k));
  EXPECT_EQ(blocks(), 0u);
  EXPECT_FALSE(IndexCursor(txn_, dbi_).last());
}

TEST_F(PackedIndex, KeysBelowTheFirstBlockAndAboveTheLastGoToTheEnds) {
  for (Id i = 100; i < 2000; ++i) ASSERT_TRUE(index_insert(txn_, dbi_, key(i, 1, 1, 1)));
  ASSERT_TRUE(index_insert(txn_, dbi_, key(5, 1, 1, 1)));
  ASSERT_TRUE(index_insert(txn_, dbi_, key(9000, 1, 1, 1)));
  ASSERT_FALSE(index_insert(txn_, dbi_, key(5, 1, 1, 1)));
  std::vector<SortKey> keys = all();
  ASSERT_EQ(keys.size(), 1902u);
  EXPECT_EQ(keys.front(), key(5, 1, 1, 1));
  EXPECT_EQ(keys.back(), key(9000, 1, 1, 1));
  IndexCursor cur(txn_, dbi_);
  ASSERT_TRUE(cur.last());
  EXPECT_EQ(cur.key(), key(9000, 1, 1, 1));
  // Erasing a block's first key re-keys the block.
  ASSERT_TRUE(index_erase(txn_, dbi_, key(5, 1, 1, 1)));
  ASSERT_TRUE(cur.seek(SortKey{}));
  EXPECT_EQ(cur.key(), key(100, 1, 1, 1));
  EXPECT_FALSE(index_erase(txn_, dbi_, key(1, 1, 1, 1)));
}

TEST_F(PackedIndex, AMovedCursorContinuesWhereItWas) {
  for (Id i = 0; i < 500; ++i) ASSERT_TRUE(index_insert(txn_, dbi_, key(16 + i, 2, 3, 1)));
  IndexCursor cur(txn_, dbi_);
  ASSERT_TRUE(cur.seek(key(20, 0, 0, 0)));
  ASSERT_TRUE(cur.next());
  IndexCursor moved(std::move(cur));
  EXPECT_EQ(moved.key(), key(21, 2, 3, 1));
  ASSERT_TRUE(moved.next());
  EXPECT_EQ(moved.key(), key(22, 2, 3, 1));
}

}  // namespace
}  // namespace tinykg::store::detail
