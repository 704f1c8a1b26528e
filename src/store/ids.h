// Fixed-width term ids and id patterns, the currency of the store and of the
// query executor (late materialization: terms are decoded only for output).
#pragma once

#include <array>
#include <cstdint>

namespace tinykg::store {

using Id = uint64_t;
inline constexpr Id kNoId = 0;          // "unbound" in a pattern; never a term
inline constexpr Id kDefaultGraph = 1;  // graph id of the default graph
inline constexpr Id kFirstTermId = 16;  // ids below are reserved

struct IdQuad {
  Id s = kNoId, p = kNoId, o = kNoId, g = kDefaultGraph;
  friend bool operator==(const IdQuad&, const IdQuad&) = default;
};

// A scan pattern: kNoId in a position means "any". g = kNoId scans all graphs.
struct IdPattern {
  Id s = kNoId, p = kNoId, o = kNoId, g = kNoId;
};

}  // namespace tinykg::store
