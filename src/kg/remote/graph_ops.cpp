#include "kg/remote/graph_ops.h"

#include <chrono>
#include <fstream>
#include <unordered_set>

#include "kg/remote/quad_writer.h"
#include "kg/remote/skolem.h"

namespace tinykg::kg::remote {
namespace {

// Carries a failed batch out of a serd sink, which can only throw.
struct WriteFailed {
  Failure failure;
};

struct FilePlan {
  std::string path;
  rdf::Syntax syntax = rdf::Syntax::NTriples;
  std::string blank_prefix;  // "s<scope>x": the document's blank node scope
  uint64_t bytes = 0;
};

Result<std::string> file_scope(const std::string& path, uint64_t& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot open '{}'", path);
  ScopeHasher hasher;
  std::string buffer(size_t{1} << 20, '\0');
  bytes = 0;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto n = static_cast<size_t>(in.gcount());
    hasher.add(std::string_view(buffer.data(), n));
    bytes += n;
  }
  return hasher.finish();
}

// Pass 1: every file exists, has a known syntax and parses; nothing is sent yet.
Result<std::vector<FilePlan>> check_files(const std::vector<std::string>& paths,
                                          uint64_t& total_quads, uint64_t& total_bytes) {
  std::vector<FilePlan> plans;
  for (const std::string& path : paths) {
    auto syntax = rdf::syntax_for_path(path);
    if (!syntax) return fail("{}: unknown RDF syntax (use .ttl, .nt, .nq or .trig)", path);
    FilePlan plan{path, *syntax, {}, 0};
    auto scope = file_scope(path, plan.bytes);
    if (!scope.ok()) return scope.failure();
    plan.blank_prefix = "s" + *scope + "x";
    Status st = rdf::read_rdf_file(path, *syntax, [&](const rdf::Quad&) { ++total_quads; });
    if (!st.ok()) return st.failure();
    total_bytes += plan.bytes;
    plans.push_back(std::move(plan));
  }
  return plans;
}

Status add_or_throw(QuadWriter& writer, const rdf::Quad& q) {
  Status st = writer.add(q);
  if (!st.ok()) throw WriteFailed{st.failure()};
  return st;
}

}  // namespace

Result<LoadReport> load_files(const RemoteStore& store, const std::vector<std::string>& paths,
                              const LoadOptions& opts) {
  if (opts.skip_invalid) {
    return fail("--skip-invalid needs the embedded store: a remote store gets only files that "
                "parse completely");
  }
  const auto start = std::chrono::steady_clock::now();
  uint64_t total_quads = 0, total_bytes = 0;
  auto plans = check_files(paths, total_quads, total_bytes);
  if (!plans.ok()) return plans.failure();
  auto before = store.count_quads();
  if (!before.ok()) return before.failure();

  auto progress = [&](uint64_t sent) {
    if (!opts.on_progress) return;
    store::LoadProgress p;
    p.quads_read = sent;
    p.bytes_total = total_bytes;
    p.bytes_read = total_quads ? static_cast<uint64_t>(double(total_bytes) * sent / total_quads)
                               : total_bytes;
    p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    opts.on_progress(p);
  };
  QuadWriter writer(store, "", QuadWriter::Mode::Insert, progress);
  const rdf::Term target = opts.graph_iri.empty() ? rdf::Term{} : rdf::Term::iri(opts.graph_iri);
  for (const FilePlan& plan : *plans) {
    rdf::ReadOptions read;
    read.blank_prefix = plan.blank_prefix;
    Status st;
    try {
      st = rdf::read_rdf_file(plan.path, plan.syntax, [&](const rdf::Quad& q) {
        if (opts.graph_iri.empty()) return (void)add_or_throw(writer, q);
        (void)add_or_throw(writer, {q.subject, q.predicate, q.object, target});
      }, read);
    } catch (const WriteFailed& e) {
      return e.failure;
    }
    if (!st.ok()) return st.failure();
  }
  if (Status st = writer.flush(); !st.ok()) return st.failure();
  auto after = store.count_quads();
  if (!after.ok()) return after.failure();
  return LoadReport{total_quads, *after > *before ? *after - *before : 0, 0};
}

Result<LoadReport> add_quads(const RemoteStore& store, const std::vector<rdf::Quad>& quads,
                             std::string_view document) {
  auto before = store.count_quads();
  if (!before.ok()) return before.failure();
  QuadWriter writer(store, document.empty() ? std::string() : skolem_scope(document));
  for (const rdf::Quad& q : quads) {
    if (Status st = writer.add(q); !st.ok()) return st.failure();
  }
  if (Status st = writer.flush(); !st.ok()) return st.failure();
  auto after = store.count_quads();
  if (!after.ok()) return after.failure();
  return LoadReport{quads.size(), *after > *before ? *after - *before : 0, 0};
}

Result<LoadReport> add_stream(const RemoteStore& store,
                              const std::function<Status(const rdf::QuadSink&)>& produce,
                              const std::string& scope,
                              const std::function<void(uint64_t)>& on_batch) {
  QuadWriter writer(store, scope, QuadWriter::Mode::Insert, on_batch);
  uint64_t read = 0;
  Status st;
  try {
    st = produce([&](const rdf::Quad& q) {
      ++read;
      (void)add_or_throw(writer, q);
    });
  } catch (const WriteFailed& e) {
    return e.failure;
  }
  if (!st.ok()) return st.failure();
  if (st = writer.flush(); !st.ok()) return st.failure();
  return LoadReport{read, writer.quads_sent(), 0};
}

Result<uint64_t> erase_owned(const RemoteStore& store, const std::string& root_iri,
                             const std::function<bool(const rdf::Term&)>& owned) {
  const ReadOptions raw{.deskolemize = false};  // the IRIs as stored, to delete them
  std::unordered_set<std::string> seen{root_iri};
  std::vector<std::string> todo{root_iri};
  std::vector<rdf::Quad> doomed;
  auto consider = [&](const std::optional<rdf::Term>& t) {
    if (!t || !t->is_iri() || seen.count(t->value)) return;
    if (!owned(deskolemize(*t))) return;
    seen.insert(t->value);
    todo.push_back(t->value);
  };
  // Only tinykg's default graph, where add_model / add_device wrote: the
  // store's other graphs may belong to other tinykg instances (graph=).
  const std::string graph = iri_ref(store.store_graph(""));
  while (!todo.empty()) {
    const std::string node = iri_ref(todo.back());
    const rdf::Term subject = rdf::Term::iri(todo.back());
    todo.pop_back();
    auto out = store.select_all_graphs(
        "SELECT ?p ?o WHERE { GRAPH " + graph + " { " + node + " ?p ?o } }", raw);
    if (!out.ok()) return out.failure();
    for (const auto& row : out->rows) {
      if (!row[0] || !row[1]) continue;
      doomed.push_back({subject, *row[0], *row[1], {}});
      consider(row[1]);
    }
    auto in = store.select_all_graphs(
        "SELECT DISTINCT ?s WHERE { GRAPH " + graph + " { ?s ?p " + node + " } }", raw);
    if (!in.ok()) return in.failure();
    for (const auto& row : in->rows) consider(row[0]);
  }
  QuadWriter writer(store, "", QuadWriter::Mode::Delete);
  for (const rdf::Quad& q : doomed) {
    if (Status st = writer.add(q); !st.ok()) return st.failure();
  }
  if (Status st = writer.flush(); !st.ok()) return st.failure();
  return static_cast<uint64_t>(doomed.size());
}

Result<bool> has_subject(const RemoteStore& store, const std::string& iri) {
  auto answer = store.query("ASK { " + iri_ref(iri) + " ?p ?o }");
  if (!answer.ok()) return answer.failure();
  const bool* yes = std::get_if<bool>(&*answer);
  if (!yes) return fail("remote store: ASK did not answer true or false");
  return *yes;
}

Result<std::vector<rdf::Quad>> describe(const RemoteStore& store, const std::string& iri) {
  auto table = store.select_all_graphs("SELECT ?p ?o ?g WHERE { GRAPH ?g { " + iri_ref(iri) +
                                       " ?p ?o } }");
  if (!table.ok()) return table.failure();
  std::vector<rdf::Quad> quads;
  const rdf::Term subject = rdf::Term::iri(iri);
  for (const auto& row : table->rows) {
    if (!row[0] || !row[1] || !row[2] || is_store_internal_graph(row[2]->value)) continue;
    quads.push_back({subject, *row[0], *row[1], store.tinykg_graph(*row[2])});
  }
  return quads;
}

}  // namespace tinykg::kg::remote
