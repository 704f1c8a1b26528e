// ArenaEstimate: the tensor arena TFLite Micro would need for a model,
// predicted by replaying what its MicroAllocator does, not by running it.
//
// The arena has two ends (TFLM's SimpleMemoryAllocator):
//  * head — non-persistent buffers (activations, kernel scratch) placed by a
//    MemoryPlanner over tensor lifetimes (arena_planner.h);
//  * tail — persistent allocations made while the interpreter is set up:
//    runtime objects, one TfLiteTensor per tensor, quantization parameters,
//    the NodeAndRegistration array, parsed builtin options, kernel OpData and
//    per-channel quantization arrays, variable tensors.
// Each tail allocation is aligned as TFLM aligns it (16 bytes for
// AllocatePersistentBuffer, natural alignment for structs), so padding is
// reproduced rather than averaged. README.md documents the assumptions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/arena_planner.h"
#include "model/kernel_footprint.h"
#include "model/model_info.h"
#include "model/tflite_reader.h"

namespace tinykg::model {

struct ArenaEstimate {
  ArenaBreakdown breakdown;
  uint64_t total_bytes = 0;               // head + tail
  std::vector<BufferRequest> buffers;     // what the planner placed
  ArenaPlan plan;
  std::vector<std::string> warnings;      // e.g. kernels not modelled
  uint64_t offline_tensors = 0;           // buffers placed at offline offsets
  std::string offline_problem;            // why given offline offsets were not used
};

// `offline_offsets` (one per tensor, -1 = online; from the metadata
// OfflineMemoryAllocation) fixes those tensors' offsets when they pass
// apply_offline_offsets(); otherwise the online planner places everything.
ArenaEstimate estimate_tensor_arena(const SubgraphInfo& subgraph,
                                    const std::vector<OperatorOptions>& options,
                                    const RuntimeAbi& abi, const MemoryPlanner& planner,
                                    const std::vector<int32_t>* offline_offsets = nullptr);

}  // namespace tinykg::model
