#include "model/macs.h"

#include <limits>

namespace tinykg::model {
namespace {

// BuiltinOperator codes used here (see tflite_enums.cpp for the full table).
enum Code : int {
  kAdd = 0, kAveragePool2d = 1, kConv2d = 3, kDepthwiseConv2d = 4, kDequantize = 6,
  kFullyConnected = 9, kL2Normalization = 11, kL2Pool2d = 12, kLogistic = 14, kLstm = 16,
  kMaxPool2d = 17, kMul = 18, kRelu = 19, kReluN1To1 = 20, kRelu6 = 21, kRnn = 24,
  kSoftmax = 25, kSvdf = 27, kTanh = 28, kUnidirectionalSequenceRnn = 35, kMean = 40,
  kSub = 41, kDiv = 42, kUnidirectionalSequenceLstm = 44, kExp = 47, kLogSoftmax = 50,
  kPrelu = 54, kMaximum = 55, kMinimum = 57, kTransposeConv = 67, kSum = 74, kSqrt = 75,
  kRsqrt = 76, kSquare = 92, kLeakyRelu = 98, kSquaredDifference = 99, kQuantize = 114,
  kHardSwish = 117, kBatchMatmul = 126, kConv3d = 132, kGelu = 150,
};

constexpr uint64_t kSaturated = std::numeric_limits<uint64_t>::max();

uint64_t mul(uint64_t a, uint64_t b) {
  if (a != 0 && b > kSaturated / a) return kSaturated;
  return a * b;
}

const TensorInfo* tensor_at(const std::vector<TensorInfo>& tensors, const std::vector<int>& list,
                            size_t position) {
  if (position >= list.size()) return nullptr;
  const int index = list[position];
  if (index < 0 || static_cast<size_t>(index) >= tensors.size()) return nullptr;
  return &tensors[static_cast<size_t>(index)];
}

uint64_t elements(const TensorInfo* t) {
  if (t == nullptr) return 0;
  uint64_t n = 1;
  for (const int32_t d : t->shape) n = mul(n, d < 0 ? 1u : static_cast<uint64_t>(d));
  return n;
}

// Dimension i of a tensor, 0 when absent or negative.
uint64_t dim(const TensorInfo* t, size_t i) {
  if (t == nullptr || i >= t->shape.size() || t->shape[i] < 0) return 0;
  return static_cast<uint64_t>(t->shape[i]);
}

// Product of dims [from, to) of a tensor.
uint64_t dims_product(const TensorInfo* t, size_t from, size_t to) {
  uint64_t n = 1;
  for (size_t i = from; i < to; ++i) n = mul(n, dim(t, i));
  return n;
}

uint64_t lstm_macs(const OperatorInfo& op, const std::vector<TensorInfo>& tensors) {
  // Inputs 1..8 are the input and recurrent weight matrices of the four gates,
  // input 16 the optional projection; each is applied once per time step.
  const TensorInfo* input = tensor_at(tensors, op.inputs, 0);
  const TensorInfo* input_to_output = tensor_at(tensors, op.inputs, 4);
  const uint64_t n_input = input_to_output != nullptr ? dim(input_to_output, 1) : 0;
  if (n_input == 0) return 0;
  const uint64_t steps = elements(input) / n_input;
  uint64_t weights = 0;
  for (size_t i = 1; i <= 8; ++i) weights += elements(tensor_at(tensors, op.inputs, i));
  weights += elements(tensor_at(tensors, op.inputs, 16));
  return mul(steps, weights);
}

}  // namespace

bool counts_toward_reference_macs(int builtin_code) {
  return builtin_code == kConv2d || builtin_code == kDepthwiseConv2d ||
         builtin_code == kFullyConnected;
}

uint64_t operator_macs(const OperatorInfo& op, const OperatorOptions& options,
                       const std::vector<TensorInfo>& tensors) {
  const TensorInfo* in0 = tensor_at(tensors, op.inputs, 0);
  const TensorInfo* in1 = tensor_at(tensors, op.inputs, 1);
  const TensorInfo* out = tensor_at(tensors, op.outputs, 0);
  const uint64_t out_elems = elements(out);

  switch (options.builtin_code) {
    case kConv2d:
      // filter [out_ch, kh, kw, in_ch / groups]: each output element sums
      // kh * kw * in_ch / groups products.
      return mul(out_elems, dims_product(in1, 1, 4));
    case kDepthwiseConv2d:
      // filter [1, kh, kw, out_ch]: one kh * kw window per output element.
      return mul(out_elems, dims_product(in1, 1, 3));
    case kFullyConnected:
      // weights [units, input_depth].
      return mul(out_elems, dim(in1, 1));
    case kTransposeConv: {
      // inputs: output_shape, weights [out_ch, kh, kw, in_ch], input. Every
      // input element is scattered through kh * kw * out_ch products.
      const TensorInfo* weights = tensor_at(tensors, op.inputs, 1);
      const TensorInfo* input = tensor_at(tensors, op.inputs, 2);
      return mul(elements(input), dims_product(weights, 0, 3));
    }
    case kConv3d:
      // filter [kd, kh, kw, in_ch, out_ch].
      return mul(out_elems, dims_product(in1, 0, 4));
    case kBatchMatmul: {
      // Contraction length is x's last dim, or the one before when adj_x.
      if (in0 == nullptr || in0->shape.empty()) return 0;
      const size_t rank = in0->shape.size();
      const size_t k_axis = options.adj_x && rank >= 2 ? rank - 2 : rank - 1;
      return mul(out_elems, dim(in0, k_axis));
    }
    case kSvdf: {
      // weights_feature [filters, input_size] and weights_time [filters, memory].
      const uint64_t batch = dim(in0, 0);
      const uint64_t feature = elements(tensor_at(tensors, op.inputs, 1));
      const uint64_t time = elements(tensor_at(tensors, op.inputs, 2));
      return mul(batch, feature + time);
    }
    case kRnn:
    case kUnidirectionalSequenceRnn: {
      const TensorInfo* weights = tensor_at(tensors, op.inputs, 1);
      const TensorInfo* recurrent = tensor_at(tensors, op.inputs, 2);
      const uint64_t units = dim(weights, 0);
      if (units == 0) return 0;
      const uint64_t steps = out_elems / units;
      return mul(steps, elements(weights) + elements(recurrent));
    }
    case kLstm:
    case kUnidirectionalSequenceLstm:
      return lstm_macs(op, tensors);
    case kAveragePool2d:
    case kMaxPool2d:
    case kL2Pool2d:
      return mul(out_elems, mul(static_cast<uint64_t>(options.filter_w),
                                static_cast<uint64_t>(options.filter_h)));
    case kMean:
    case kSum:
    case kSoftmax:
    case kLogSoftmax:
    case kL2Normalization:
      // One op per input element visited.
      return elements(in0);
    case kAdd: case kSub: case kMul: case kDiv: case kSquaredDifference: case kMaximum:
    case kMinimum: case kPrelu: case kLogistic: case kTanh: case kRelu: case kReluN1To1:
    case kRelu6: case kLeakyRelu: case kHardSwish: case kGelu: case kExp: case kSqrt:
    case kRsqrt: case kSquare: case kQuantize: case kDequantize:
      return out_elems;
    default:
      return 0;
  }
}

}  // namespace tinykg::model
