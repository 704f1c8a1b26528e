// TFLite names -> nnet local names (the part after nnet:).
//
// Layer types, data types and activations are CamelCase forms of the TFLite
// names: CONV_2D -> Conv2D, DEPTHWISE_CONV_2D -> DepthwiseConv2D,
// INT8 -> Int8, RELU6 -> Relu6. The one exception follows the reference
// graph: AVERAGE_POOL_2D -> AvgPool2D. Operators the table does not know get
// the same derived name (BATCH_MATMUL -> BatchMatmul), never dropped; custom
// operators become Custom_<code> so they cannot collide with a builtin.
#pragma once

#include <string>
#include <string_view>

#include "model/model_info.h"

namespace tinykg::kg {

// UPPER_SNAKE -> CamelCase; a part starting with a digit stays upper-case
// ("2D"). Characters other than letters, digits and '_' become '_'.
std::string camel_case(std::string_view upper_snake);

// nnet layer type for an operator: "Conv2D", "AvgPool2D", "Custom_TFLite_Detection_PostProcess".
std::string layer_type_name(const model::OperatorInfo& op);

// nnet data type (nnet:Quantization individual) for a TFLite TensorType name:
// "INT8" -> "Int8", "UINT8" -> "Uint8", "FLOAT32" -> "Float32". Empty for "".
std::string data_type_name(std::string_view tflite_type);

// nnet activation for a fused activation name: "RELU" -> "Relu"; empty for
// "NONE" or "" (no activation triple is written).
std::string activation_name(std::string_view tflite_activation);

}  // namespace tinykg::kg
