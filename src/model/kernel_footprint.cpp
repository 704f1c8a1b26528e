#include "model/kernel_footprint.h"

namespace tinykg::model {
namespace {

enum Code : int {
  kAdd = 0, kAveragePool2d = 1, kConcatenation = 2, kConv2d = 3, kDepthwiseConv2d = 4,
  kDequantize = 6, kFullyConnected = 9, kLogistic = 14, kMaxPool2d = 17, kMul = 18,
  kReshape = 22, kSoftmax = 25, kSvdf = 27, kPad = 34, kMean = 40, kSub = 41,
  kSqueeze = 43, kStridedSlice = 45, kQuantize = 114, kResizeNearestNeighbor = 97,
};

constexpr uint64_t kPersistentAlignment = 16;  // AllocatePersistentBuffer

const TensorInfo* tensor_at(const std::vector<TensorInfo>& tensors, const std::vector<int>& list,
                            size_t position) {
  if (position >= list.size()) return nullptr;
  const int index = list[position];
  if (index < 0 || static_cast<size_t>(index) >= tensors.size()) return nullptr;
  return &tensors[static_cast<size_t>(index)];
}

uint64_t dim_or_zero(const TensorInfo* t, size_t i) {
  if (t == nullptr || i >= t->shape.size() || t->shape[i] < 0) return 0;
  return static_cast<uint64_t>(t->shape[i]);
}

TailAllocation persistent(uint64_t bytes) { return {bytes, kPersistentAlignment}; }
TailAllocation builtin(uint64_t bytes) { return {bytes, 4}; }

}  // namespace

RuntimeAbi host64_abi() {
  RuntimeAbi abi;
  abi.name = "host-64";
  abi.pointer_bytes = 8;
  abi.tflite_tensor = 112;               // full TfLiteTensor, LP64
  abi.tflite_affine_quantization = 24;   // 2 pointers + int32, padded
  abi.node_and_registration = 80;        // TfLiteNode (72) + registration pointer
  abi.runtime_objects = 80;
  return abi;
}

RuntimeAbi cortex_m_abi() {
  RuntimeAbi abi;
  abi.name = "cortex-m";
  abi.pointer_bytes = 4;
  abi.tflite_tensor = 64;
  abi.tflite_affine_quantization = 12;
  abi.node_and_registration = 40;
  abi.runtime_objects = 40;
  return abi;
}

KernelFootprint kernel_footprint(const OperatorInfo& op, const OperatorOptions& options,
                                 const std::vector<TensorInfo>& tensors, const RuntimeAbi& abi) {
  KernelFootprint f;
  const uint64_t ptr = abi.pointer_bytes;
  switch (options.builtin_code) {
    case kConv2d:
    case kDepthwiseConv2d: {
      const bool conv = options.builtin_code == kConv2d;
      f.builtin_data.push_back(builtin(conv ? 24 : 28));
      // OpData: padding (16) + multiplier/shift + 2 pointers + activation range.
      f.op_data.push_back(persistent(16 + 8 + 2 * ptr + 8));
      // Per-channel output multiplier and shift, one int32 per output channel
      // (filter dim 0 for CONV_2D, dim 3 for DEPTHWISE_CONV_2D).
      const uint64_t channels = dim_or_zero(tensor_at(tensors, op.inputs, 1), conv ? 0 : 3);
      f.op_data.push_back(persistent(4 * channels));
      f.op_data.push_back(persistent(4 * channels));
      break;
    }
    case kFullyConnected:
      f.builtin_data.push_back(builtin(12));
      f.op_data.push_back(persistent(32));
      break;
    case kAveragePool2d:
    case kMaxPool2d:
      f.builtin_data.push_back(builtin(40));
      break;
    case kSoftmax:
      // The measured runtime keeps softmax parameters in Eval: no OpData.
      f.builtin_data.push_back(builtin(4));
      break;
    case kReshape:
      f.builtin_data.push_back(builtin(36));
      break;
    case kAdd:
    case kSub:
      // Fitted: the measured arenas imply 48 bytes of OpData (see README).
      f.builtin_data.push_back(builtin(8));
      f.op_data.push_back(persistent(48));
      break;
    case kMul:
      f.builtin_data.push_back(builtin(4));
      f.op_data.push_back(persistent(48));
      break;
    case kQuantize:
    case kDequantize:
      f.op_data.push_back(persistent(16));
      break;
    case kLogistic:
      f.op_data.push_back(persistent(16));
      break;
    case kPad:
      // Padding amounts are recomputed in Eval: no persistent data.
      break;
    case kMean:
      f.builtin_data.push_back(builtin(1));
      break;
    case kResizeNearestNeighbor:
      f.builtin_data.push_back(builtin(2));
      break;
    case kConcatenation:
      f.builtin_data.push_back(builtin(8));
      f.op_data.push_back(persistent(ptr == 8 ? 40 : 24));
      break;
    case kSqueeze:
      f.builtin_data.push_back(builtin(36));
      break;
    case kStridedSlice:
      f.builtin_data.push_back(builtin(20));
      f.op_data.push_back(persistent(64));
      break;
    case kSvdf: {
      f.builtin_data.push_back(builtin(12));
      f.op_data.push_back(persistent(32));
      // Two int32 scratch vectors: batch x filters and batch x units.
      const TensorInfo* input = tensor_at(tensors, op.inputs, 0);
      const TensorInfo* feature = tensor_at(tensors, op.inputs, 1);
      const uint64_t batch = dim_or_zero(input, 0);
      const uint64_t filters = dim_or_zero(feature, 0);
      f.scratch.push_back(4 * batch * filters);
      break;
    }
    default:
      f.known = false;
      break;
  }
  return f;
}

}  // namespace tinykg::model
