// The index block decoder (store/index_block.h) reads bytes from data.mdb,
// which a bad disk or a foreign tool may have damaged. Any bytes must either
// decode to strictly ascending keys or be refused with tinykg::Error; what
// decodes must encode and decode again to the same keys.
// Input: 32 bytes of the block's first key (big-endian ids), then the block.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "common/error.h"
#include "store/index_block.h"

using namespace tinykg::store::detail;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 32) return 0;
  const SortKey first = decode_sort_key(data);
  std::vector<SortKey> keys;
  try {
    decode_block(first, data + 32, size - 32, keys);
  } catch (const tinykg::Error&) {
    return 0;  // refused: fine
  }
  for (size_t i = 1; i < keys.size(); ++i) {
    if (!(keys[i - 1] < keys[i])) std::abort();  // decoded keys must ascend
  }
  const std::string again = encode_block(keys.data(), keys.size());
  std::vector<SortKey> round;
  decode_block(keys.front(), reinterpret_cast<const unsigned char*>(again.data()), again.size(),
               round);
  if (round != keys) std::abort();
  return 0;
}
