#include "model/arena_planner.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace tinykg::model {

uint64_t align_up(uint64_t value, uint64_t alignment) {
  const uint64_t rem = value % alignment;
  if (rem == 0) return value;
  const uint64_t add = alignment - rem;
  return value > UINT64_MAX - add ? UINT64_MAX : value + add;
}

uint64_t saturating_add(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

std::vector<TensorLifetime> tensor_lifetimes(const SubgraphInfo& subgraph) {
  std::vector<TensorLifetime> lifetimes(subgraph.tensors.size());
  const int last_op = static_cast<int>(subgraph.operators.size()) - 1;
  auto valid = [&](int t) { return t >= 0 && static_cast<size_t>(t) < lifetimes.size(); };
  for (const int t : subgraph.inputs)
    if (valid(t)) lifetimes[static_cast<size_t>(t)].first_created = 0;
  // Graph outputs must survive until the caller reads them.
  for (const int t : subgraph.outputs)
    if (valid(t)) lifetimes[static_cast<size_t>(t)].last_used = std::max(last_op, 0);
  for (int i = last_op; i >= 0; --i) {
    const OperatorInfo& op = subgraph.operators[static_cast<size_t>(i)];
    for (const int t : op.inputs) {
      if (!valid(t)) continue;  // -1: optional input absent
      auto& life = lifetimes[static_cast<size_t>(t)];
      if (life.last_used == -1 || life.last_used < i) life.last_used = i;
    }
    for (const int t : op.outputs) {
      if (!valid(t)) continue;
      auto& life = lifetimes[static_cast<size_t>(t)];
      if (life.first_created == -1 || life.first_created > i) life.first_created = i;
    }
  }
  return lifetimes;
}

std::vector<BufferRequest> planned_tensor_buffers(const SubgraphInfo& subgraph) {
  const std::vector<TensorLifetime> lifetimes = tensor_lifetimes(subgraph);
  std::vector<BufferRequest> buffers;
  for (const TensorInfo& t : subgraph.tensors) {
    if (t.is_constant || t.is_variable || t.bytes == 0) continue;
    const TensorLifetime& life = lifetimes[static_cast<size_t>(t.index)];
    // A tensor nobody reads or writes still gets planned by TFLM (with an
    // empty lifetime); give it the whole run so it never aliases.
    BufferRequest request;
    request.size = align_up(t.bytes, kArenaBufferAlignment);
    request.first_time_used = life.first_created == -1 ? 0 : life.first_created;
    request.last_time_used =
        life.last_used == -1
            ? std::max(request.first_time_used, static_cast<int>(subgraph.operators.size()) - 1)
            : life.last_used;
    request.tensor_index = t.index;
    buffers.push_back(request);
  }
  return buffers;
}

std::string apply_offline_offsets(std::vector<BufferRequest>& buffers,
                                  const std::vector<int32_t>& offsets) {
  std::vector<size_t> offline;  // indices into buffers
  for (size_t i = 0; i < buffers.size(); ++i) {
    const int t = buffers[i].tensor_index;
    if (t < 0 || static_cast<size_t>(t) >= offsets.size()) continue;
    const int32_t off = offsets[static_cast<size_t>(t)];
    if (off == -1) continue;
    if (off < -1) return fmt::format("tensor {} has offset {}", t, off);
    if (saturating_add(static_cast<uint64_t>(off), buffers[i].size) > kMaxOfflineArenaBytes)
      return fmt::format("tensor {} at offset {} ends beyond {} bytes", t, off,
                         kMaxOfflineArenaBytes);
    offline.push_back(i);
  }
  if (offline.size() > kMaxGreedyBuffers)
    return fmt::format("{} offline buffers (limit {})", offline.size(), kMaxGreedyBuffers);
  for (size_t a = 0; a < offline.size(); ++a) {
    const BufferRequest& x = buffers[offline[a]];
    const uint64_t x_off = static_cast<uint64_t>(offsets[static_cast<size_t>(x.tensor_index)]);
    for (size_t b = a + 1; b < offline.size(); ++b) {
      const BufferRequest& y = buffers[offline[b]];
      const uint64_t y_off = static_cast<uint64_t>(offsets[static_cast<size_t>(y.tensor_index)]);
      const bool in_time =
          !(x.last_time_used < y.first_time_used || y.last_time_used < x.first_time_used);
      const bool in_space = x_off < y_off + y.size && y_off < x_off + x.size;
      if (in_time && in_space)
        return fmt::format("tensors {} and {} overlap in memory while both are live",
                           x.tensor_index, y.tensor_index);
    }
  }
  for (const size_t i : offline)
    buffers[i].offline_offset = offsets[static_cast<size_t>(buffers[i].tensor_index)];
  return {};
}

ArenaPlan GreedyMemoryPlanner::plan(const std::vector<BufferRequest>& buffers) const {
  if (buffers.size() > kMaxGreedyBuffers) return LinearMemoryPlanner().plan(buffers);
  ArenaPlan result;
  result.offsets.assign(buffers.size(), 0);
  // Already placed buffers, kept sorted by offset (TFLM keeps a linked list).
  std::vector<size_t> placed;
  placed.reserve(buffers.size());
  auto place = [&](size_t id, uint64_t offset) {
    result.offsets[id] = offset;
    const auto pos =
        std::upper_bound(placed.begin(), placed.end(), offset,
                         [&](uint64_t off, size_t p) { return off < result.offsets[p]; });
    placed.insert(pos, id);
    result.head_bytes = std::max(result.head_bytes, saturating_add(offset, buffers[id].size));
  };
  // Offline-planned buffers first, at their fixed offsets (TFLM places them
  // before sorting the rest).
  std::vector<size_t> order;
  order.reserve(buffers.size());
  for (size_t i = 0; i < buffers.size(); ++i) {
    if (buffers[i].offline_offset >= 0)
      place(i, static_cast<uint64_t>(buffers[i].offline_offset));
    else
      order.push_back(i);
  }
  // TFLM sorts with a stable bubble sort, largest first: ties keep request order.
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return buffers[a].size > buffers[b].size; });

  for (const size_t id : order) {
    const BufferRequest& want = buffers[id];
    uint64_t candidate = 0;
    for (const size_t other : placed) {
      const BufferRequest& o = buffers[other];
      const bool overlaps_in_time =
          !(o.last_time_used < want.first_time_used || want.last_time_used < o.first_time_used);
      if (!overlaps_in_time) continue;
      const uint64_t o_begin = result.offsets[other];
      // Enough room between the previous active buffer's end and this one?
      if (o_begin >= candidate && o_begin - candidate >= want.size) break;
      candidate = std::max(candidate, saturating_add(o_begin, o.size));
    }
    place(id, candidate);
  }
  return result;
}

ArenaPlan LinearMemoryPlanner::plan(const std::vector<BufferRequest>& buffers) const {
  ArenaPlan result;
  result.offsets.assign(buffers.size(), 0);
  // Offline buffers keep their offsets; the others are stacked above them.
  for (size_t i = 0; i < buffers.size(); ++i) {
    if (buffers[i].offline_offset < 0) continue;
    result.offsets[i] = static_cast<uint64_t>(buffers[i].offline_offset);
    result.head_bytes =
        std::max(result.head_bytes, saturating_add(result.offsets[i], buffers[i].size));
  }
  for (size_t i = 0; i < buffers.size(); ++i) {
    if (buffers[i].offline_offset >= 0) continue;
    result.offsets[i] = result.head_bytes;
    result.head_bytes = saturating_add(result.head_bytes, buffers[i].size);
  }
  return result;
}

}  // namespace tinykg::model
