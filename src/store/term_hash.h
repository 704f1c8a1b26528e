// Hashes of term encodings (rdf::Term::encode bytes).
//
// fnv1a64 is the on-disk dictionary key of `term2id` (collisions are resolved
// there against `id2term`, so its quality only affects speed). hash128 keys the
// bulk loader's in-memory dictionary, which keeps no term bytes to stay small:
// two different terms share an id only if both 64-bit halves collide, which for
// n terms has probability about n^2 / 2^129 (1e-25 for ten million terms).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace tinykg::store::detail {

inline uint64_t fnv1a64(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

struct Hash128 {
  uint64_t lo = 0, hi = 0;
  friend bool operator==(const Hash128&, const Hash128&) = default;
};

// Folded 64x64->128 multiply: the mixing step of wyhash-style hashes.
inline uint64_t fold_mul(uint64_t a, uint64_t b) {
  const __uint128_t r = static_cast<__uint128_t>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

// Two lanes with different constants over 8-byte words, finalized together.
inline Hash128 hash128(std::string_view s) {
  constexpr uint64_t k1 = 0x9E3779B97F4A7C15ULL, k2 = 0xC2B2AE3D27D4EB4FULL,
                     k3 = 0x165667B19E3779F9ULL, k4 = 0xD6E8FEB86659FD93ULL;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t a = k1 ^ n, b = k2 + n;
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    a = fold_mul(a ^ w, k3);
    b = fold_mul(b + w, k4) ^ (b >> 29);
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  std::memcpy(&w, p, n);
  a = fold_mul(a ^ w ^ (uint64_t{n} << 56), k3);
  b = fold_mul(b + w + n, k4) ^ (b >> 29);
  return {fold_mul(a ^ k2, b ^ k1), fold_mul(b ^ k4, a + k3)};
}

}  // namespace tinykg::store::detail
