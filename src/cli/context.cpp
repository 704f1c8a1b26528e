#include "cli/context.h"

namespace tinykg::cli {

kg::KnowledgeGraph& Context::graph(bool read_only) {
  if (!graph_) graph_ = take(kg::KnowledgeGraph::open(db_dir, read_only));
  return *graph_;
}

}  // namespace tinykg::cli
