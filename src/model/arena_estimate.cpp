#include "model/arena_estimate.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace tinykg::model {
namespace {

// Replays SimpleMemoryAllocator::AllocateFromTail. The arena end is 16-byte
// aligned, so aligning the tail pointer down equals aligning the used size up.
class TailRecorder {
 public:
  uint64_t allocate(uint64_t bytes, uint64_t alignment) {
    const uint64_t before = used_;
    used_ = align_up(saturating_add(used_, bytes), alignment);
    return used_ - before;  // bytes consumed, padding included
  }
  uint64_t used() const { return used_; }

 private:
  uint64_t used_ = 0;
};

bool has_quantization(const TensorInfo& t) {
  return !t.quantization.scale.empty() && !t.quantization.zero_point.empty();
}

}  // namespace

ArenaEstimate estimate_tensor_arena(const SubgraphInfo& subgraph,
                                    const std::vector<OperatorOptions>& options,
                                    const RuntimeAbi& abi, const MemoryPlanner& planner) {
  ArenaEstimate estimate;
  ArenaBreakdown& b = estimate.breakdown;
  TailRecorder tail;
  const uint64_t ptr = abi.pointer_bytes;

  // 1. Allocator objects placed in the arena by MicroAllocator::Create.
  b.persistent_runtime += tail.allocate(abi.runtime_objects, ptr);

  // 2. One TfLiteTensor per tensor, then each tensor's quantization params.
  //    Scales are read in place from the flatbuffer; zero points are copied
  //    because the file stores them as int64.
  b.persistent_tensors += tail.allocate(abi.tflite_tensor * subgraph.tensors.size(), ptr);
  for (const TensorInfo& t : subgraph.tensors) {
    if (!has_quantization(t)) continue;
    b.persistent_quantization += tail.allocate(abi.tflite_affine_quantization, ptr);
    b.persistent_quantization += tail.allocate(4 + 4 * t.quantization.scale.size(), 4);
  }

  // 3. NodeAndRegistration array, then each node's parsed builtin options.
  b.persistent_node_arrays +=
      tail.allocate(abi.node_and_registration * subgraph.operators.size(), ptr);
  std::vector<KernelFootprint> footprints;
  footprints.reserve(subgraph.operators.size());
  std::set<std::string> unmodelled;
  for (size_t i = 0; i < subgraph.operators.size(); ++i) {
    const OperatorOptions none;
    const OperatorOptions& opt = i < options.size() ? options[i] : none;
    footprints.push_back(kernel_footprint(subgraph.operators[i], opt, subgraph.tensors, abi));
    if (!footprints.back().known) unmodelled.insert(subgraph.operators[i].type);
    for (const TailAllocation& a : footprints.back().builtin_data)
      b.persistent_node_arrays += tail.allocate(a.bytes, a.alignment);
  }

  // 4. Kernel Init/Prepare: OpData and per-channel arrays, 16-byte aligned.
  for (const KernelFootprint& f : footprints)
    for (const TailAllocation& a : f.op_data)
      b.persistent_op_data += tail.allocate(a.bytes, a.alignment);

  // 5. Variable tensors (e.g. SVDF state) are persistent, not planned.
  for (const TensorInfo& t : subgraph.tensors)
    if (t.is_variable) b.persistent_op_data += tail.allocate(t.bytes, kArenaBufferAlignment);

  // 6. Head: activations plus kernel scratch buffers, placed by the planner.
  estimate.buffers = planned_tensor_buffers(subgraph);
  for (size_t i = 0; i < footprints.size(); ++i) {
    for (const uint64_t bytes : footprints[i].scratch) {
      if (bytes == 0) continue;
      BufferRequest scratch;
      scratch.size = align_up(bytes, kArenaBufferAlignment);
      scratch.first_time_used = scratch.last_time_used = static_cast<int>(i);
      estimate.buffers.push_back(scratch);
      b.scratch = saturating_add(b.scratch, scratch.size);
    }
  }
  estimate.plan = planner.plan(estimate.buffers);

  b.persistent = tail.used();
  b.planned_tensors =
      estimate.plan.head_bytes >= b.scratch ? estimate.plan.head_bytes - b.scratch : 0;
  estimate.total_bytes = saturating_add(estimate.plan.head_bytes, b.persistent);
  for (const std::string& type : unmodelled)
    estimate.warnings.push_back(
        fmt::format("arena: kernel {} is not modelled; its persistent data is not counted", type));
  return estimate;
}

}  // namespace tinykg::model
