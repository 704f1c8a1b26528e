// Feeds arbitrary bytes to the model-card JSON reader. A card it accepts must
// survive the round trip through model_card_to_json unchanged (the contract
// in kg/model_card.h); anything else must be a one-line error, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kg/model_card.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto card = tinykg::kg::parse_model_card(text, "fuzz.json");
  if (!card.ok()) {
    if (card.error().find('\n') != std::string::npos) std::abort();
    return 0;
  }
  auto again = tinykg::kg::parse_model_card(tinykg::kg::model_card_to_json(*card), "again.json");
  if (!again.ok() || !(*again == *card)) std::abort();
  return 0;
}
