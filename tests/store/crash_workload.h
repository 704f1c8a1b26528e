// The crash harness's workload, shared by the driver (which writes it) and the
// harness (which checks it): batch b puts a known number of quads into graph
// <http://crash/g/b>. Batches rotate through a bulk load of a file, a small
// write transaction and a model-import-sized write, and contain no blank
// nodes, so re-running a batch after a crash is idempotent.
#pragma once

#include <cstdint>
#include <string>

#include <fmt/format.h>

namespace tinykg::crash {

enum class BatchKind { BulkLoad, SmallWrite, ModelImport };

inline BatchKind kind_of(uint64_t batch) { return static_cast<BatchKind>(batch % 3); }

inline uint64_t quads_in(uint64_t batch) {
  switch (kind_of(batch)) {
    case BatchKind::BulkLoad: return 3000;
    case BatchKind::SmallWrite: return 10;
    case BatchKind::ModelImport: return 300;
  }
  return 0;
}

inline std::string graph_of(uint64_t batch) { return fmt::format("http://crash/g/{}", batch); }

// N-Triples line i of batch b (the graph is given separately).
inline std::string triple_line(uint64_t batch, uint64_t i) {
  return fmt::format("<http://crash/s/{}/{}> <http://crash/p/{}> \"value {} of batch {}\" .\n",
                     batch, i / 3, i % 3, i, batch);
}

}  // namespace tinykg::crash
