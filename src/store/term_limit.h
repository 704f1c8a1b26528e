// The largest term the store accepts. An IRI or literal of megabytes is a
// mistake or an attack, not a fact about a model or a device; refusing it
// keeps one upload from filling the dictionary and every result that shows it.
#pragma once

#include <cstddef>
#include <string_view>

#include <fmt/format.h>

#include "common/error.h"

namespace tinykg::store {

// Bytes of a term's dictionary encoding (its text plus datatype or language).
inline constexpr size_t kMaxTermBytes = size_t{1} << 20;  // 1 MiB

// Throws tinykg::Error (which aborts the write transaction) for a term over the limit.
inline void check_term_size(std::string_view encoded) {
  if (encoded.size() > kMaxTermBytes) {
    throw Error(fmt::format("a literal or IRI of {} bytes is larger than the limit of {} bytes; "
                            "nothing was written",
                            encoded.size(), kMaxTermBytes));
  }
}

}  // namespace tinykg::store
