#include "kg/remote/quad_writer.h"

#include "kg/remote/skolem.h"

namespace tinykg::kg::remote {

QuadWriter::QuadWriter(const RemoteStore& store, std::string scope, Mode mode, OnBatch on_batch)
    : store_(store), scope_(std::move(scope)), mode_(mode), on_batch_(std::move(on_batch)) {}

Status QuadWriter::add(const rdf::Quad& quad) {
  const std::string graph = store_.store_graph(quad.in_default_graph() ? "" : quad.graph.value);
  std::string& lines = lines_by_graph_[graph];
  lines += skolemize(quad.subject, scope_).to_ntriples();
  lines += ' ';
  lines += quad.predicate.to_ntriples();
  lines += ' ';
  lines += skolemize(quad.object, scope_).to_ntriples();
  lines += " .\n";
  if (++queued_ >= store_.config().write_batch(uses_gsp())) return flush();
  return Status::Ok();
}

Status QuadWriter::flush() {
  if (queued_ == 0) return Status::Ok();
  Status st = uses_gsp() ? send_gsp() : send_update();
  if (!st.ok()) return st;
  sent_ += queued_;
  queued_ = 0;
  lines_by_graph_.clear();
  if (on_batch_) on_batch_(sent_);
  return Status::Ok();
}

bool QuadWriter::uses_gsp() const {
  return mode_ == Mode::Insert && !store_.config().gsp_url.empty();
}

// One request for the whole batch, graph by graph inside it.
Status QuadWriter::send_update() {
  std::string text = mode_ == Mode::Insert ? "INSERT DATA {\n" : "DELETE DATA {\n";
  for (const auto& [graph, lines] : lines_by_graph_) {
    text += "GRAPH " + iri_ref(graph) + " {\n";
    text += lines;
    text += "}\n";
  }
  text += "}";
  return store_.raw_update(text);
}

// Graph Store Protocol: POST merges the triples into ?graph=IRI.
Status QuadWriter::send_gsp() {
  for (const auto& [graph, lines] : lines_by_graph_) {
    const std::string& base = store_.config().gsp_url;
    const std::string url =
        base + (base.find('?') == std::string::npos ? "?" : "&") + "graph=" + url_encode(graph);
    auto answer = store_.http().post_body(url, lines, "application/n-triples");
    if (!answer.ok()) return answer.failure();
  }
  return Status::Ok();
}

}  // namespace tinykg::kg::remote
