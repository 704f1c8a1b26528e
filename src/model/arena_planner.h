// Offline memory planning for the non-persistent ("head") part of a TFLite
// Micro tensor arena, mirroring TFLM's MemoryPlanner interface so that a TFLM
// engineer recognises the pieces:
//
//  * TensorLifetime — first and last operator index at which a buffer must
//    hold data (AllocationInfoBuilder in TFLM): graph inputs live from op 0,
//    graph outputs until the last op, every other tensor from the op that
//    produces it to the last op that reads it. Constant and variable tensors
//    are not planned (weights stay in Flash; variables are persistent).
//  * GreedyMemoryPlanner — TFLM's default: buffers sorted by size, largest
//    first (stable for equal sizes), each placed at the lowest offset where it
//    does not overlap, in address range, any already placed buffer whose
//    lifetime overlaps its own. Sizes are rounded up to 16 bytes first.
//    Buffers with an offline offset are placed first, at that offset, and
//    the others are placed around them (TFLM's AddBuffer(..., offline_offset)).
//  * LinearMemoryPlanner — every buffer gets its own range; an upper bound and
//    the fallback when a hostile model has too many buffers for the greedy
//    planner's quadratic search.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/model_info.h"

namespace tinykg::model {

inline constexpr uint64_t kArenaBufferAlignment = 16;

struct TensorLifetime {
  int first_created = -1;  // operator index, -1 = never written
  int last_used = -1;      // operator index, -1 = never read
};

// One buffer the planner must place.
struct BufferRequest {
  uint64_t size = 0;       // already aligned
  int first_time_used = 0;
  int last_time_used = 0;
  int tensor_index = -1;   // -1 for kernel scratch buffers
  // Offline plan (metadata "OfflineMemoryAllocation"): >= 0 fixes the offset,
  // -1 lets the planner place the buffer (TFLM's kOnlinePlannedBuffer).
  int64_t offline_offset = -1;
};

struct ArenaPlan {
  std::vector<uint64_t> offsets;  // parallel to the requests
  uint64_t head_bytes = 0;        // max(offset + size)
};

class MemoryPlanner {
 public:
  virtual ~MemoryPlanner() = default;
  virtual ArenaPlan plan(const std::vector<BufferRequest>& buffers) const = 0;
};

class GreedyMemoryPlanner final : public MemoryPlanner {
 public:
  ArenaPlan plan(const std::vector<BufferRequest>& buffers) const override;
};

class LinearMemoryPlanner final : public MemoryPlanner {
 public:
  ArenaPlan plan(const std::vector<BufferRequest>& buffers) const override;
};

// Beyond this many buffers the greedy search (quadratic) is replaced by the
// linear planner; real MCU models have a few hundred at most.
inline constexpr size_t kMaxGreedyBuffers = 10000;

uint64_t align_up(uint64_t value, uint64_t alignment);
// a + b, saturating at UINT64_MAX: sizes from hostile files may be absurd.
uint64_t saturating_add(uint64_t a, uint64_t b);

// Lifetimes of all tensors of a subgraph, as TFLM's AllocationInfoBuilder
// computes them.
std::vector<TensorLifetime> tensor_lifetimes(const SubgraphInfo& subgraph);

// The planner's input for a subgraph: every tensor that needs arena memory
// (not constant, not variable, non-zero size) with its aligned size.
std::vector<BufferRequest> planned_tensor_buffers(const SubgraphInfo& subgraph);

// Offline offsets of a TFLM OfflineMemoryAllocation (one per tensor, -1 =
// online) applied to `buffers` when they are sane: no offset below -1, no
// buffer ending beyond kMaxOfflineArenaBytes, no two offline buffers whose
// lifetimes and address ranges both overlap. Returns the problem ("" = the
// offsets were applied; otherwise `buffers` is left unchanged).
inline constexpr uint64_t kMaxOfflineArenaBytes = uint64_t{1} << 30;  // 1 GiB
std::string apply_offline_offsets(std::vector<BufferRequest>& buffers,
                                  const std::vector<int32_t>& offsets);

}  // namespace tinykg::model
