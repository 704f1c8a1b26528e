// Writes quads to a remote store in batches: INSERT DATA (or DELETE DATA)
// requests of RemoteConfig::write_batch() triples, or Graph Store Protocol
// POSTs of N-Triples when a gsp= URL is configured. Blank nodes are written
// as skolem IRIs of the writer's scope (skolem.h), the default graph as
// RemoteConfig::default_graph. Every request is idempotent, so a batch that
// failed half-way, or a whole import that was killed, can simply be re-run.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "common/result.h"
#include "kg/remote/remote_store.h"

namespace tinykg::kg::remote {

class QuadWriter {
 public:
  enum class Mode { Insert, Delete };
  // Called after every batch with the number of quads sent so far.
  using OnBatch = std::function<void(uint64_t quads_sent)>;

  QuadWriter(const RemoteStore& store, std::string scope, Mode mode = Mode::Insert,
             OnBatch on_batch = {});
  // Queues a quad (graph empty: the default graph); sends a full batch.
  Status add(const rdf::Quad& quad);
  // Sends what is queued. Call once at the end; the writer may be reused.
  Status flush();
  uint64_t quads_sent() const { return sent_; }

 private:
  bool uses_gsp() const;  // inserts go to the Graph Store endpoint when there is one
  Status send_update();
  Status send_gsp();
  const RemoteStore& store_;
  std::string scope_;
  Mode mode_;
  OnBatch on_batch_;
  std::map<std::string, std::string> lines_by_graph_;  // graph IRI -> N-Triples lines
  size_t queued_ = 0;
  uint64_t sent_ = 0;
};

}  // namespace tinykg::kg::remote
