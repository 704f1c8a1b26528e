#include "kg/graph_sync.h"

#include <chrono>

#include "kg/remote/remote_store.h"

namespace tinykg::kg {
namespace {

Result<uint64_t> count_quads(const KnowledgeGraph& graph, const std::string& graph_iri) {
  const std::string pattern = graph_iri.empty()
                                  ? "{ ?s ?p ?o }"
                                  : "{ GRAPH " + remote::iri_ref(graph_iri) + " { ?s ?p ?o } }";
  auto table = graph.query("SELECT (COUNT(*) AS ?n) WHERE " + pattern);
  if (!table.ok()) return table.failure();
  if (table->rows.empty() || !table->rows[0][0]) return uint64_t{0};
  return static_cast<uint64_t>(std::stoull(table->rows[0][0]->value));
}

}  // namespace

Result<SyncReport> copy_graphs(const KnowledgeGraph& from, KnowledgeGraph& to,
                               const SyncOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::vector<std::string> graphs = options.graphs;
  if (graphs.empty()) {
    auto names = from.graph_names();
    if (!names.ok()) return names.failure();
    graphs.push_back("");
    graphs.insert(graphs.end(), names->begin(), names->end());
  }
  SyncReport report;
  for (const std::string& graph : graphs) {
    auto total = count_quads(from, graph);
    if (!total.ok()) return total.failure();
    SyncProgress progress{graph, 0, *total, 0};
    auto produce = [&](const rdf::QuadSink& sink) -> Status {
      try {
        from.for_each_quad(graph, [&](const rdf::Quad& q) {
          sink(q);
          if (++progress.copied % 10000 == 0 && options.on_progress) {
            progress.seconds = seconds();
            options.on_progress(progress);
          }
        });
      } catch (const Error& e) {  // a remote source's failed page
        return fail("{}", e.what());
      }
      return Status::Ok();
    };
    auto added = to.add_quads(produce, options.blank_scope);
    if (!added.ok()) return added.failure();
    progress.seconds = seconds();
    if (options.on_progress) options.on_progress(progress);
    ++report.graphs;
    report.quads_read += added->quads_read;
    report.quads_added += added->quads_added;
  }
  report.seconds = seconds();
  return report;
}

}  // namespace tinykg::kg
