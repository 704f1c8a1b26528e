#include "deploy/c_export.h"

#include <cctype>
#include <span>

#include <fmt/format.h>

#include "deploy/artifact.h"
#include "model/analyzer.h"

namespace tinykg::deploy {

std::string c_identifier(std::string_view name) {
  std::string out;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty()) out = "model";
  if (std::isdigit(static_cast<unsigned char>(out.front()))) out = "model_" + out;
  return out;
}

Result<std::string> export_c_header(std::string_view tflite, const CExportOptions& options) {
  auto info = model::analyze_model_bytes(
      std::span(reinterpret_cast<const uint8_t*>(tflite.data()), tflite.size()));
  if (!info) return info.failure();
  if (!info->unsupported_details.empty()) {
    const auto& u = info->unsupported_details.front();
    return fail("operator {} cannot be registered with TFLite Micro ({})", u.op, u.reason);
  }
  const std::string id = c_identifier(options.symbol.empty() ? options.model_name : options.symbol);
  const std::string guard = "TINYKG_MODEL_" + id;
  std::string out;
  out += fmt::format("// {} for TensorFlow Lite Micro, written by `tinykg model export-c`.\n",
                     options.model_name.empty() ? id : options.model_name);
  out += fmt::format("// {} bytes, SHA-256 {}\n", tflite.size(),
                     options.sha256.empty() ? sha256_hex(tflite) : options.sha256);
  out += fmt::format("// Estimated tensor arena: {} bytes.\n", info->arena_bytes_with_margin);
  out += fmt::format("#ifndef {0}_H\n#define {0}_H\n\n", guard);
  out += "#include <stddef.h>\n#include <stdint.h>\n#ifndef __cplusplus\n#include <stdalign.h>\n#endif\n\n";
  out += fmt::format("#define {}_ARENA_BYTES {}\n", guard, info->arena_bytes_with_margin);
  out += fmt::format("#define {}_OPERATOR_COUNT {}\n\n", guard, info->op_resolver.size());
  // FlatBuffers need 16-byte alignment for the tensor data TFLM maps in place.
  out += fmt::format("alignas(16) const uint8_t {}_tflite[] = {{", id);
  for (size_t i = 0; i < tflite.size(); ++i) {
    out += i % 12 == 0 ? "\n  " : " ";
    out += fmt::format("0x{:02x},", static_cast<unsigned char>(tflite[i]));
  }
  out += fmt::format("\n}};\nconst size_t {0}_tflite_len = {1};\n\n", id, tflite.size());
  out += "#ifdef __cplusplus\n";
  out += "#include \"tensorflow/lite/micro/micro_mutable_op_resolver.h\"\n\n";
  out += fmt::format("// Registers the {} builtin operators the model uses.\n",
                     info->op_resolver.size());
  out += fmt::format("inline TfLiteStatus {}_register_ops(\n"
                     "    tflite::MicroMutableOpResolver<{}>& resolver) {{\n",
                     id, std::max<size_t>(info->op_resolver.size(), 1));
  for (const model::OpResolverEntry& op : info->op_resolver) {
    out += fmt::format("  if (resolver.{}() != kTfLiteOk) return kTfLiteError;  // {} x{}\n",
                       op.method, op.op, op.count);
  }
  out += "  return kTfLiteOk;\n}\n#endif  // __cplusplus\n\n";
  out += fmt::format("#endif  // {}_H\n", guard);
  return out;
}

}  // namespace tinykg::deploy
