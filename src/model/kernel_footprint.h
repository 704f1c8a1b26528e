// KernelFootprint: the persistent ("tail") allocations a TFLite Micro kernel
// makes in Init/Prepare, and the scratch buffers it requests in the head.
// Struct sizes depend on the runtime generation (tflm-2.4 / tflm-current),
// the struct ABI (host-64 / cortex-m) and the kernel set (reference /
// CMSIS-NN), so each entry is computed from RuntimeAbi rather than
// hard-coded per model.
#pragma once

#include <cstdint>
#include <vector>

#include "model/model_info.h"
#include "model/runtime_profile.h"
#include "model/tflite_reader.h"

namespace tinykg::model {

// Sizes of the TFLM structs that differ between runtime generations and
// between a 32-bit MCU and a 64-bit host build (see README.md, "Memory
// model", and docs/memory-model.md).
struct RuntimeAbi {
  const char* name = "";
  Runtime runtime = Runtime::kTflm24;
  uint32_t pointer_bytes = 4;
  uint32_t tflite_tensor = 0;              // sizeof(TfLiteTensor)
  uint32_t eval_tensor = 0;                // sizeof(TfLiteEvalTensor) (tflm-current)
  uint32_t tflite_affine_quantization = 0; // sizeof(TfLiteAffineQuantization)
  uint32_t node_and_registration = 0;      // sizeof(NodeAndRegistration)
  uint32_t runtime_objects = 0;            // allocator objects kept in the tail
  uint32_t allocation_info = 0;            // sizeof(AllocationInfo), planning temp
  // Kernel set: CMSIS-NN kernels on a core with the DSP extension request
  // im2col / accumulator scratch buffers that reference kernels do not.
  bool cmsis_nn_dsp = false;
};

RuntimeAbi host64_abi();    // tflm-2.4, x86-64 / AArch64 desktop build (what the reference measured)
RuntimeAbi cortex_m_abi();  // tflm-2.4, 32-bit Arm Cortex-M
RuntimeAbi runtime_abi(Runtime runtime, ArenaTarget abi);

struct TailAllocation {
  uint64_t bytes = 0;
  uint64_t alignment = 4;
};

struct KernelFootprint {
  std::vector<TailAllocation> builtin_data;  // parsed options (MicroBuiltinDataAllocator)
  std::vector<TailAllocation> op_data;       // AllocatePersistentBuffer in Init/Prepare
  std::vector<uint64_t> scratch;             // RequestScratchBufferInArena sizes
  bool known = true;                         // false: kernel not modelled (estimate is a floor)
};

KernelFootprint kernel_footprint(const OperatorInfo& op, const OperatorOptions& options,
                                 const std::vector<TensorInfo>& tensors, const RuntimeAbi& abi);

}  // namespace tinykg::model
