// `tinykg model export-c`: a model as a C header for a TFLite Micro
// firmware: the .tflite bytes as an aligned C array, and a function that
// registers exactly the builtin operators the model uses with a
// tflite::MicroMutableOpResolver (AddConv2D(), AddFullyConnected(), ...).
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace tinykg::deploy {

struct CExportOptions {
  std::string symbol;  // C identifier prefix; empty: derived from `model_name`
  std::string model_name;
  std::string sha256;  // written into the header comment when known
};

// The header text for `tflite` bytes; fails on bytes that are not a TFLite
// model, or a model with operators TFLite Micro has no kernel for (named).
Result<std::string> export_c_header(std::string_view tflite, const CExportOptions& options);

// "Person Detection v2" -> "person_detection_v2": a valid C identifier.
std::string c_identifier(std::string_view name);

}  // namespace tinykg::deploy
