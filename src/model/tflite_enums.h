// Names and sizes for the integer enums of the TFLite format (BuiltinOperator,
// TensorType, ActivationFunctionType). The schema reads them as plain integers
// so that a model written by a newer converter still parses; this file gives
// them their names.
#pragma once

#include <cstdint>
#include <string_view>

namespace tinykg::model {

inline constexpr int kBuiltinCustom = 32;
// Codes below this fit in OperatorCode.deprecated_builtin_code (a byte).
inline constexpr int kPlaceholderForGreaterOpCodes = 127;

// The builtin name for a BuiltinOperator code ("CONV_2D"), or an empty view
// for codes this build does not know.
std::string_view builtin_operator_name(int code);

// TensorType name ("INT8"), or empty for unknown values.
std::string_view tensor_type_name(int type);

// Bytes per element; 0 where the size is not fixed (STRING, RESOURCE,
// VARIANT) or unknown. INT4 is reported as 1 (TFLite Micro 2.4 unpacks it).
uint32_t tensor_type_bytes(int type);

// ActivationFunctionType name ("RELU6"); "NONE" for 0 and unknown values.
std::string_view activation_name(int activation);

}  // namespace tinykg::model
