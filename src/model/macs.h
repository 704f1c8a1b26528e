// Multiply-accumulate counts per operator, from tensor shapes and options.
//
// Two figures are kept because they answer different questions:
//  * the reference figure (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED only)
//    is what the reference knowledge graph stores as nnet:hasMultiplyAccumulateOps;
//  * the complete figure also counts other compute operators, with
//    element-wise and pooling work counted as one op per element visited.
// Data-movement operators (RESHAPE, PAD, CONCATENATION, ...) count zero.
#pragma once

#include <cstdint>
#include <vector>

#include "model/model_info.h"
#include "model/tflite_reader.h"

namespace tinykg::model {

// True for the operators the reference graph counts.
bool counts_toward_reference_macs(int builtin_code);

// MACs (or ops, see above) of one operator. Missing or malformed tensors
// yield 0 rather than an error: a cost estimate must not reject a model the
// reader accepted.
uint64_t operator_macs(const OperatorInfo& op, const OperatorOptions& options,
                       const std::vector<TensorInfo>& tensors);

}  // namespace tinykg::model
