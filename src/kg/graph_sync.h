// Copies graphs from one KnowledgeGraph to another: the engine of
// `tinykg sync push` (embedded -> remote) and `sync pull` (remote ->
// embedded). Quads keep their graph; the default graph maps to the target's
// default graph (on a remote store: its stand-in graph, remote_config.h).
// Copying adds and never removes, and is idempotent: blank nodes are written
// under a scope fixed by the caller, so a second push of the same store (or
// a push killed half-way and run again) adds nothing new.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "kg/knowledge_graph.h"

namespace tinykg::kg {

struct SyncProgress {
  std::string graph;        // "" = the default graph
  uint64_t copied = 0;      // quads of this graph read so far
  uint64_t total = 0;       // quads of this graph in the source
  double seconds = 0;       // since the copy started
};

struct SyncOptions {
  // Graph IRIs to copy; "" is the default graph. Empty: the default graph and
  // every named graph of the source.
  std::vector<std::string> graphs;
  std::string blank_scope = "sync";  // skolem scope on a remote target (skolem.h)
  std::function<void(const SyncProgress&)> on_progress;  // about every 10,000 quads
};

struct SyncReport {
  size_t graphs = 0;
  uint64_t quads_read = 0;
  uint64_t quads_added = 0;  // embedded target: new quads; remote target: quads sent
  double seconds = 0;
};

Result<SyncReport> copy_graphs(const KnowledgeGraph& from, KnowledgeGraph& to,
                               const SyncOptions& options);

}  // namespace tinykg::kg
