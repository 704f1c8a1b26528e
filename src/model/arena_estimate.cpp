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

// tflm-2.4's MicroAllocator, in its order (calibrated, README.md).
void tflm24_tail(const SubgraphInfo& subgraph, const RuntimeAbi& abi,
                 const std::vector<KernelFootprint>& footprints, ArenaBreakdown& b,
                 TailRecorder& tail) {
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
  for (const KernelFootprint& f : footprints)
    for (const TailAllocation& a : f.builtin_data)
      b.persistent_node_arrays += tail.allocate(a.bytes, a.alignment);

  // 4. Kernel Init/Prepare: OpData and per-channel arrays, 16-byte aligned.
  for (const KernelFootprint& f : footprints)
    for (const TailAllocation& a : f.op_data)
      b.persistent_op_data += tail.allocate(a.bytes, a.alignment);

  // 5. Variable tensors (e.g. SVDF state) are persistent, not planned.
  for (const TensorInfo& t : subgraph.tensors)
    if (t.is_variable) b.persistent_op_data += tail.allocate(t.bytes, kArenaBufferAlignment);
}

// tflm-current's MicroAllocator (docs/memory-model.md): TfLiteEvalTensors for
// every tensor; full TfLiteTensors only for the model inputs/outputs
// (persistent) and, during Prepare, temporarily for the operator at hand.
void current_tail(const SubgraphInfo& subgraph, const RuntimeAbi& abi,
                  const std::vector<KernelFootprint>& footprints, ArenaBreakdown& b,
                  TailRecorder& tail, uint64_t scratch_count) {
  const uint64_t ptr = abi.pointer_bytes;
  // Allocator objects + one SubgraphAllocations {nodes, tensors} entry.
  b.persistent_runtime += tail.allocate(abi.runtime_objects, ptr);
  b.persistent_runtime += tail.allocate(2 * ptr, ptr);
  // StartModelAllocation: eval tensors, then the node array.
  b.persistent_tensors += tail.allocate(abi.eval_tensor * subgraph.tensors.size(), ptr);
  b.persistent_node_arrays +=
      tail.allocate(abi.node_and_registration * subgraph.operators.size(), ptr);
  // Builtin options while nodes are set up; OpData in Init/Prepare.
  for (const KernelFootprint& f : footprints)
    for (const TailAllocation& a : f.builtin_data)
      b.persistent_node_arrays += tail.allocate(a.bytes, a.alignment);
  for (const KernelFootprint& f : footprints)
    for (const TailAllocation& a : f.op_data)
      b.persistent_op_data += tail.allocate(a.bytes, a.alignment);
  // FinishModelAllocation: one ScratchBufferHandle (a data pointer) each,
  // then the variable tensors.
  if (scratch_count > 0) b.persistent_runtime += tail.allocate(ptr * scratch_count, ptr);
  for (const TensorInfo& t : subgraph.tensors)
    if (t.is_variable) b.persistent_op_data += tail.allocate(t.bytes, kArenaBufferAlignment);
  // MicroInterpreter: pointer arrays and a persistent TfLiteTensor per
  // model input and output.
  for (const std::vector<int>* io : {&subgraph.inputs, &subgraph.outputs}) {
    b.persistent_runtime += tail.allocate(ptr * io->size(), ptr);
    for (const int index : *io) {
      if (index < 0 || static_cast<size_t>(index) >= subgraph.tensors.size()) continue;
      const TensorInfo& t = subgraph.tensors[static_cast<size_t>(index)];
      b.persistent_tensors += tail.allocate(abi.tflite_tensor, ptr);
      if (!has_quantization(t)) continue;
      b.persistent_quantization += tail.allocate(abi.tflite_affine_quantization, ptr);
      b.persistent_quantization += tail.allocate(4 + 4 * t.quantization.scale.size(), 4);
    }
  }
}

// Largest set of temporary TfLiteTensors one kernel's Prepare holds at once
// (tflm-current; tflm-2.4 keeps every TfLiteTensor persistent).
uint64_t prepare_temp_bytes(const SubgraphInfo& subgraph, const RuntimeAbi& abi) {
  if (abi.runtime != Runtime::kTflmCurrent) return 0;
  uint64_t peak = 0;
  for (const OperatorInfo& op : subgraph.operators) {
    uint64_t bytes = 0;
    for (const std::vector<int>* list : {&op.inputs, &op.outputs}) {
      for (const int index : *list) {
        if (index < 0 || static_cast<size_t>(index) >= subgraph.tensors.size()) continue;
        const TensorInfo& t = subgraph.tensors[static_cast<size_t>(index)];
        bytes += align_up(abi.tflite_tensor, abi.pointer_bytes);
        if (has_quantization(t))
          bytes += align_up(abi.tflite_affine_quantization, abi.pointer_bytes) +
                   align_up(4 + 4 * t.quantization.scale.size(), 4);
      }
    }
    peak = std::max(peak, bytes);
  }
  return align_up(peak, kArenaBufferAlignment);
}

}  // namespace

ArenaEstimate estimate_tensor_arena(const SubgraphInfo& subgraph,
                                    const std::vector<OperatorOptions>& options,
                                    const RuntimeAbi& abi, const MemoryPlanner& planner,
                                    const std::vector<int32_t>* offline_offsets) {
  ArenaEstimate estimate;
  ArenaBreakdown& b = estimate.breakdown;
  TailRecorder tail;

  std::vector<KernelFootprint> footprints;
  footprints.reserve(subgraph.operators.size());
  std::set<std::string> unmodelled;
  uint64_t scratch_count = 0;
  for (size_t i = 0; i < subgraph.operators.size(); ++i) {
    const OperatorOptions none;
    const OperatorOptions& opt = i < options.size() ? options[i] : none;
    footprints.push_back(kernel_footprint(subgraph.operators[i], opt, subgraph.tensors, abi));
    if (!footprints.back().known) unmodelled.insert(subgraph.operators[i].type);
    for (const uint64_t bytes : footprints.back().scratch) scratch_count += bytes != 0;
  }

  if (abi.runtime == Runtime::kTflmCurrent)
    current_tail(subgraph, abi, footprints, b, tail, scratch_count);
  else
    tflm24_tail(subgraph, abi, footprints, b, tail);

  // 6. Head: activations plus kernel scratch buffers, placed by the planner.
  estimate.buffers = planned_tensor_buffers(subgraph);
  if (offline_offsets != nullptr) {
    estimate.offline_problem = apply_offline_offsets(estimate.buffers, *offline_offsets);
    for (const BufferRequest& r : estimate.buffers) estimate.offline_tensors += r.offline_offset >= 0;
  }
  const size_t tensor_buffers = estimate.buffers.size();
  for (size_t i = 0; i < footprints.size(); ++i) {
    for (const uint64_t bytes : footprints[i].scratch) {
      if (bytes == 0) continue;
      BufferRequest scratch;
      scratch.size = align_up(bytes, kArenaBufferAlignment);
      scratch.first_time_used = scratch.last_time_used = static_cast<int>(i);
      estimate.buffers.push_back(scratch);
    }
  }
  estimate.plan = planner.plan(estimate.buffers);

  b.persistent = tail.used();
  // Scratch buffers live for one operator each and share the head with the
  // activations, so their cost is what they add to the head: plan once
  // without them. planned_tensors + scratch == head.
  uint64_t tensors_head = estimate.plan.head_bytes;
  if (estimate.buffers.size() > tensor_buffers) {
    const std::vector<BufferRequest> tensors_only(estimate.buffers.begin(),
                                                  estimate.buffers.begin() + tensor_buffers);
    tensors_head = std::min(tensors_head, planner.plan(tensors_only).head_bytes);
  }
  b.planned_tensors = tensors_head;
  b.scratch = estimate.plan.head_bytes - tensors_head;
  estimate.total_bytes = saturating_add(estimate.plan.head_bytes, b.persistent);

  // 7. Temporary head memory while allocating: the planner's AllocationInfo
  //    array and its per-buffer bookkeeping (BufferRequirements, two sorted
  //    int arrays, ListEntry, offset: 40 bytes), and tflm-current's
  //    temporary TfLiteTensors in Prepare. Released before inference, so not
  //    in arena_bytes (what arena_used_bytes() reports), but the arena must
  //    hold it: peak = tail + max(head, temp).
  constexpr uint64_t kPlannerBytesPerBuffer = 40;
  const uint64_t planning =
      align_up(abi.allocation_info * (subgraph.tensors.size() + scratch_count),
               kArenaBufferAlignment) +
      align_up(kPlannerBytesPerBuffer * estimate.buffers.size(), kArenaBufferAlignment);
  b.temp_peak = std::max(planning, prepare_temp_bytes(subgraph, abi));
  b.peak = saturating_add(b.persistent, std::max(estimate.plan.head_bytes, b.temp_peak));
  for (const std::string& type : unmodelled)
    estimate.warnings.push_back(
        fmt::format("arena: kernel {} is not modelled; its persistent data is not counted", type));
  return estimate;
}

}  // namespace tinykg::model
