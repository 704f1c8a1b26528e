#include "kg/content_id.h"

#include <gtest/gtest.h>

namespace tinykg::kg {
namespace {

TEST(Sha256, MatchesFipsTestVectors) {
  EXPECT_EQ(to_hex(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(to_hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, PaddingAtBlockBoundaries) {
  // 55 bytes fit the length in the same block; 56 and 64 need a second one.
  EXPECT_EQ(to_hex(sha256(std::string(55, 'a'))),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(to_hex(sha256(std::string(56, 'a'))),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(to_hex(sha256(std::string(64, 'a'))),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(ContentUuid, IsAVersion8UuidFromTheDigest) {
  std::string uuid = content_uuid("abc");
  // SHA-256("abc") starts ba7816bf 8f01 cfea 4141 40de5dae2223.
  EXPECT_EQ(uuid, "ba7816bf-8f01-8fea-8141-40de5dae2223");
  EXPECT_EQ(uuid[14], '8');                            // version
  EXPECT_NE(std::string("89ab").find(uuid[19]), std::string::npos);  // variant 10xx
}

TEST(ContentUuid, SameBytesSameUuidDifferentBytesDifferentUuid) {
  EXPECT_EQ(content_uuid("model bytes"), content_uuid("model bytes"));
  EXPECT_NE(content_uuid("model bytes"), content_uuid("model bytes!"));
}

}  // namespace
}  // namespace tinykg::kg
