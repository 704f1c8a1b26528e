// Identifiers derived from a model file's bytes, for models imported without
// a model card: the same file always gets the same UUID, so importing it
// again rewrites the same triples instead of adding a second model.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tinykg::kg {

using Sha256Digest = std::array<uint8_t, 32>;

// SHA-256 of `bytes` (OpenSSL libcrypto).
Sha256Digest sha256(std::string_view bytes);

// Lower-case hex of a digest (64 characters).
std::string to_hex(const Sha256Digest& digest);

// A name-based UUID version 8 (RFC 9562, section 5.8 and appendix B.2): the
// first 128 bits of SHA-256(bytes) with the version nibble set to 8 and the
// variant bits to 10. Printed lower-case, 8-4-4-4-12.
std::string content_uuid(std::string_view bytes);

}  // namespace tinykg::kg
