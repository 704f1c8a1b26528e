#include "model/kernel_footprint.h"

namespace tinykg::model {
namespace {

enum Code : int {
  kAdd = 0, kAveragePool2d = 1, kConcatenation = 2, kConv2d = 3, kDepthwiseConv2d = 4,
  kDequantize = 6, kFullyConnected = 9, kL2Normalization = 11, kLogistic = 14, kMaxPool2d = 17,
  kMul = 18, kRelu = 19, kRelu6 = 21, kReshape = 22, kSoftmax = 25, kSvdf = 27, kTanh = 28,
  kPad = 34, kMean = 40, kSub = 41, kSqueeze = 43, kStridedSlice = 45, kPrelu = 54,
  kTransposeConv = 67, kExpandDims = 70, kSum = 74, kShape = 77, kReduceMax = 82, kPack = 83,
  kResizeNearestNeighbor = 97, kLeakyRelu = 98, kQuantize = 114, kHardSwish = 117,
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

uint64_t align(uint64_t n, uint64_t to) { return (n + to - 1) / to * to; }

uint64_t elements(const TensorInfo* t) {
  if (t == nullptr) return 0;
  uint64_t n = 1;
  for (const int32_t d : t->shape) n *= d < 0 ? 1u : static_cast<uint64_t>(d);
  return n;
}

bool is_int8(const TensorInfo* t) { return t != nullptr && t->dtype == "INT8"; }

// Scratch buffers of CMSIS-NN's int8 kernels on a DSP core (Cortex-M4/M7),
// from the *_get_buffer_size functions of CMSIS-NN 5.x/6.x:
//  * conv: 1x1 / stride 1 / in_ch % 4 == 0 uses the fast path without a
//    buffer, otherwise two im2col columns of int16: 2 * in_ch * kh * kw * 2;
//  * depthwise with channel multiplier 1: in_ch * kh * kw int16 (the wrapper's
//    opt path; the 3x3 special case is not assumed, so this is an upper bound);
//  * average pool: one int32 accumulator per channel.
void add_cmsis_nn_scratch(KernelFootprint& f, const OperatorInfo& op,
                          const OperatorOptions& options, const std::vector<TensorInfo>& tensors) {
  const TensorInfo* input = tensor_at(tensors, op.inputs, 0);
  const TensorInfo* filter = tensor_at(tensors, op.inputs, 1);
  const TensorInfo* output = tensor_at(tensors, op.outputs, 0);
  if (!is_int8(input)) return;
  const uint64_t in_ch = dim_or_zero(input, 3);
  switch (options.builtin_code) {
    case kConv2d: {
      const uint64_t kh = dim_or_zero(filter, 1), kw = dim_or_zero(filter, 2);
      const bool fast_1x1 = kh == 1 && kw == 1 && options.stride_w == 1 &&
                            options.stride_h == 1 && in_ch % 4 == 0;
      if (!fast_1x1) f.scratch.push_back(2 * in_ch * kh * kw * 2);
      break;
    }
    case kDepthwiseConv2d:
      if (dim_or_zero(output, 3) == in_ch)
        f.scratch.push_back(in_ch * dim_or_zero(filter, 1) * dim_or_zero(filter, 2) * 2);
      break;
    case kAveragePool2d:
      f.scratch.push_back(4 * in_ch);
      break;
    default:
      break;
  }
}

KernelFootprint tflm24_footprint(const OperatorInfo& op, const OperatorOptions& options,
                                 const std::vector<TensorInfo>& tensors, const RuntimeAbi& abi);

// tflm-current reference kernels: OpData structs of today's kernels (field
// lists in docs/memory-model.md), builtin data of today's builtin_op_data.h.
KernelFootprint current_footprint(const OperatorInfo& op, const OperatorOptions& options,
                                  const std::vector<TensorInfo>& tensors, const RuntimeAbi& abi) {
  KernelFootprint f;
  const uint64_t ptr = abi.pointer_bytes;
  const TensorInfo* input = tensor_at(tensors, op.inputs, 0);
  const TensorInfo* output = tensor_at(tensors, op.outputs, 0);
  switch (options.builtin_code) {
    case kConv2d:
    case kDepthwiseConv2d: {
      const bool conv = options.builtin_code == kConv2d;
      f.builtin_data.push_back(builtin(28));
      // OpDataConv (tflite-micro kernels/conv.h, 2024): padding (16), 3 zero
      // points, multiplier, shift, two per-channel pointers, activation
      // range, filter_buffer_index.
      f.op_data.push_back(persistent(align(align(16 + 20, ptr) + 2 * ptr + 12, ptr)));
      const TensorInfo* filter = tensor_at(tensors, op.inputs, 1);
      const uint64_t channels = dim_or_zero(filter, conv ? 0 : 3);
      f.op_data.push_back(persistent(4 * channels));
      f.op_data.push_back(persistent(4 * channels));
      // Packed int4 filters are unpacked into a scratch buffer, one byte each.
      if (filter != nullptr && filter->dtype == "INT4") f.scratch.push_back(elements(filter));
      break;
    }
    case kTransposeConv: {
      f.builtin_data.push_back(builtin(20));
      // ConvParams (~64) + scratch index + two per-channel pointers + bias index.
      f.op_data.push_back(persistent(align(64 + 4, ptr) + 2 * ptr + 4));
      const uint64_t channels = dim_or_zero(tensor_at(tensors, op.inputs, 1), 0);
      f.op_data.push_back(persistent(4 * channels));
      f.op_data.push_back(persistent(4 * channels));
      // int32 accumulators for the whole output (int64 for int16 inputs).
      const TensorInfo* in = tensor_at(tensors, op.inputs, 2);
      if (in != nullptr && (in->dtype == "INT8" || in->dtype == "INT16"))
        f.scratch.push_back(elements(output) * (in->dtype == "INT16" ? 8 : 4));
      break;
    }
    case kFullyConnected: {
      f.builtin_data.push_back(builtin(16));
      // OpDataFullyConnected (kernels/fully_connected.h, 2024): 9 int32
      // (multiplier, shift, activation range, quantized-input index, three
      // zero points, filter_buffer_index), two per-channel pointers, a flag.
      f.op_data.push_back(persistent(align(align(36, ptr) + 2 * ptr + 1, ptr)));
      const TensorInfo* weights = tensor_at(tensors, op.inputs, 1);
      if (weights != nullptr && weights->dtype == "INT4") f.scratch.push_back(elements(weights));
      if (weights != nullptr && weights->quantization.per_channel()) {
        f.op_data.push_back(persistent(4 * dim_or_zero(weights, 0)));
        f.op_data.push_back(persistent(4 * dim_or_zero(weights, 0)));
      }
      break;
    }
    case kAveragePool2d:
    case kMaxPool2d:
      f.builtin_data.push_back(builtin(40));
      f.op_data.push_back(persistent(32));  // OpDataPooling
      break;
    case kSoftmax:
      f.builtin_data.push_back(builtin(4));
      // SoftmaxParams: double beta, 5 int32, 5 table pointers.
      f.op_data.push_back(persistent(align(align(28, ptr) + 5 * ptr, 8)));
      if (input != nullptr && input->dtype == "INT16") {
        f.op_data.push_back(persistent(513 * 2));  // exp LUT
        f.op_data.push_back(persistent(513 * 2));  // 1/(1+x) LUT
      }
      break;
    case kReshape:
    case kSqueeze:
      f.builtin_data.push_back(builtin(36));
      break;
    case kExpandDims:
    case kShape:
      break;
    case kAdd:
    case kSub:
      f.builtin_data.push_back(builtin(8));
      f.op_data.push_back(persistent(60));  // OpDataAdd / OpDataSub
      break;
    case kMul:
      f.builtin_data.push_back(builtin(4));
      f.op_data.push_back(persistent(36));  // OpDataMul
      break;
    case kQuantize:
    case kDequantize:
      f.op_data.push_back(persistent(32));  // QuantizationParams (double) + requant
      break;
    case kLogistic:
    case kTanh:
      f.op_data.push_back(persistent(16));
      break;
    case kRelu:
    case kLeakyRelu:
      f.op_data.push_back(persistent(24));
      if (options.builtin_code == kLeakyRelu) f.builtin_data.push_back(builtin(4));
      break;
    case kRelu6:
      f.op_data.push_back(persistent(8));
      break;
    case kHardSwish:
      f.op_data.push_back(persistent(20));
      break;
    case kPrelu:
      f.op_data.push_back(persistent(28));
      break;
    case kL2Normalization:
      f.builtin_data.push_back(builtin(4));
      f.op_data.push_back(persistent(4));
      break;
    case kPad:
      f.op_data.push_back(persistent(56));  // PadParams + output zero point
      break;
    case kMean:
    case kSum:
    case kReduceMax: {
      f.builtin_data.push_back(builtin(1));
      f.op_data.push_back(persistent(40));  // OpDataReduce
      // Quantized mean/sum accumulate in an int32 scratch per output element.
      if (options.builtin_code != kReduceMax && input != nullptr &&
          (input->dtype == "INT8" || input->dtype == "INT16"))
        f.scratch.push_back(4 * elements(output));
      break;
    }
    case kResizeNearestNeighbor:
      f.builtin_data.push_back(builtin(2));
      break;
    case kConcatenation:
      f.builtin_data.push_back(builtin(8));
      f.op_data.push_back(persistent(ptr == 8 ? 40 : 24));
      break;
    case kPack:
      f.builtin_data.push_back(builtin(8));
      break;
    case kStridedSlice:
      f.builtin_data.push_back(builtin(24));
      f.op_data.push_back(persistent(84));
      break;
    case kSvdf: {
      f.builtin_data.push_back(builtin(12));
      f.op_data.push_back(persistent(36));
      // int32 scratch: batch x filters and batch x units.
      const TensorInfo* feature = tensor_at(tensors, op.inputs, 1);
      const uint64_t batch = dim_or_zero(input, 0);
      f.scratch.push_back(4 * batch * dim_or_zero(feature, 0));
      f.scratch.push_back(4 * batch * dim_or_zero(output, 1));
      break;
    }
    default:
      f.known = false;
      break;
  }
  return f;
}

}  // namespace

RuntimeAbi host64_abi() {
  RuntimeAbi abi;
  abi.name = "host-64";
  abi.pointer_bytes = 8;
  abi.allocation_info = 32;
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
  abi.allocation_info = 24;
  abi.tflite_tensor = 64;
  abi.tflite_affine_quantization = 12;
  abi.node_and_registration = 40;
  abi.runtime_objects = 40;
  return abi;
}

// tflm-current: the static-memory TfLiteTensor (no name, no delegate
// fields), TfLiteEvalTensor {data, dims, type}, the static-memory TfLiteNode
// (no temporaries/delegate) + a registration pointer, and four allocator
// objects (SingleArenaBufferAllocator, GreedyMemoryPlanner, MicroAllocator,
// MicroBuiltinDataAllocator). Derived from the struct layouts, not measured.
RuntimeAbi runtime_abi(Runtime runtime, ArenaTarget target) {
  const bool m32 = target == ArenaTarget::kCortexM;
  if (runtime == Runtime::kTflm24) return m32 ? cortex_m_abi() : host64_abi();
  RuntimeAbi abi = m32 ? cortex_m_abi() : host64_abi();
  abi.runtime = Runtime::kTflmCurrent;
  abi.tflite_tensor = m32 ? 44 : 72;
  abi.eval_tensor = m32 ? 12 : 24;
  abi.node_and_registration = m32 ? 32 : 64;
  abi.runtime_objects = m32 ? 132 : 248;
  return abi;
}

KernelFootprint kernel_footprint(const OperatorInfo& op, const OperatorOptions& options,
                                 const std::vector<TensorInfo>& tensors, const RuntimeAbi& abi) {
  KernelFootprint f = abi.runtime == Runtime::kTflmCurrent
                          ? current_footprint(op, options, tensors, abi)
                          : tflm24_footprint(op, options, tensors, abi);
  if (abi.cmsis_nn_dsp) add_cmsis_nn_scratch(f, op, options, tensors);
  return f;
}

namespace {

// tflm-2.4 reference kernels, calibrated against the measured arenas.
KernelFootprint tflm24_footprint(const OperatorInfo& op, const OperatorOptions& options,
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

}  // namespace

}  // namespace tinykg::model
