// Big-endian encoding of ids in index keys, so that LMDB's bytewise key order
// equals numeric order and a bound prefix of a permutation is a key range.
#pragma once

#include <cstdint>

#include "store/ids.h"

namespace tinykg::store::detail {

// Ids of a quad in one permutation's key order; compares lexicographically,
// which is the order of the big-endian LMDB keys.
struct SortKey {
  Id k[4];
  friend auto operator<=>(const SortKey&, const SortKey&) = default;
};

// The four permutations, by position of s,p,o,g in the key.
enum Permutation : int { kSPOG = 0, kPOSG = 1, kOSPG = 2, kGSPO = 3 };

inline void put_u64(unsigned char* out, uint64_t v) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<unsigned char>(v & 0xff);
    v >>= 8;
  }
}

inline uint64_t get_u64(const unsigned char* in) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | in[i];
  return v;
}

// Quad components in the permutation's key order.
inline void order(int perm, const IdQuad& q, Id out[4]) {
  switch (perm) {
    case kSPOG: out[0] = q.s; out[1] = q.p; out[2] = q.o; out[3] = q.g; break;
    case kPOSG: out[0] = q.p; out[1] = q.o; out[2] = q.s; out[3] = q.g; break;
    case kOSPG: out[0] = q.o; out[1] = q.s; out[2] = q.p; out[3] = q.g; break;
    default:    out[0] = q.g; out[1] = q.s; out[2] = q.p; out[3] = q.o; break;
  }
}

inline IdQuad unorder(int perm, const Id k[4]) {
  switch (perm) {
    case kSPOG: return {k[0], k[1], k[2], k[3]};
    case kPOSG: return {k[2], k[0], k[1], k[3]};
    case kOSPG: return {k[1], k[2], k[0], k[3]};
    default:    return {k[1], k[2], k[3], k[0]};
  }
}

inline SortKey sort_key(int perm, const IdQuad& q) {
  SortKey key;
  order(perm, q, key.k);
  return key;
}

inline void encode_key(const SortKey& key, unsigned char out[32]) {
  for (int i = 0; i < 4; ++i) put_u64(out + 8 * i, key.k[i]);
}

inline SortKey decode_sort_key(const unsigned char in[32]) {
  SortKey key;
  for (int i = 0; i < 4; ++i) key.k[i] = get_u64(in + 8 * i);
  return key;
}

// Picks the permutation whose key starts with the longest run of bound
// positions of `p`, and returns that run's length.
inline int choose_permutation(const IdPattern& p, int* prefix_len) {
  const bool s = p.s != kNoId, pr = p.p != kNoId, o = p.o != kNoId, g = p.g != kNoId;
  struct Option { int perm; int len; };
  Option best{kSPOG, 0};
  auto consider = [&](int perm, int len) { if (len > best.len) best = {perm, len}; };
  consider(kSPOG, s ? (pr ? (o ? (g ? 4 : 3) : 2) : 1) : 0);
  consider(kPOSG, pr ? (o ? (s ? (g ? 4 : 3) : 2) : 1) : 0);
  consider(kOSPG, o ? (s ? (pr ? (g ? 4 : 3) : 2) : 1) : 0);
  consider(kGSPO, g ? (s ? (pr ? (o ? 4 : 3) : 2) : 1) : 0);
  *prefix_len = best.len;
  return best.perm;
}

}  // namespace tinykg::store::detail
