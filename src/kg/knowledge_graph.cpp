#include "kg/knowledge_graph.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <span>
#include <unordered_set>

#include "kg/model_card.h"
#include "kg/model_mapping.h"
#include "kg/remote/graph_ops.h"
#include "kg/remote/skolem.h"
#include "kg/vocabulary.h"
#include "model/analyzer.h"
#include "rdf/serd_io.h"

namespace tinykg::kg {
namespace {

constexpr std::string_view kPrefixes = R"(
PREFIX s3n: <http://w3id.org/s3n/>
PREFIX ssn: <http://www.w3.org/ns/ssn/>
PREFIX sys: <http://www.w3.org/ns/ssn/systems/>
PREFIX schema: <https://schema.org/>
PREFIX nnet: <http://tinyml-schema.org/networkschema#>
PREFIX s3x: <http://tinyml-schema.org/s3n_extend/>
)";

// Version and tags are tinykg additions (model_versions.h): optional, so
// models of the reference graph are listed too.
constexpr std::string_view kListModels = R"(
SELECT ?name ?uuid ?version ?macs ?ram ?flash (GROUP_CONCAT(?tag; separator=",") AS ?tags) WHERE {
  ?nn a nnet:NeuralNetwork ; schema:name ?name ; schema:identifier ?uuid ;
      nnet:hasMultiplyAccumulateOps ?macs ; s3n:hasProcedureFeature ?fr, ?ff .
  ?fr sys:inCondition ?cr . ?cr a s3x:RAM ; schema:minValue ?ram .
  ?ff sys:inCondition ?cf . ?cf a s3x:Flash ; schema:minValue ?flash .
  OPTIONAL { ?nn nnet:version ?version }
  OPTIONAL { ?nn nnet:tag ?tag }
} GROUP BY ?name ?uuid ?version ?macs ?ram ?flash ORDER BY ?name ?version
)";

constexpr std::string_view kListDevices = R"(
SELECT ?device ?ram ?flash WHERE {
  ?device a s3n:SmartSensor ; ssn:hasSubSystem ?mcu .
  ?mcu a s3n:MicroController ; s3n:hasSystemCapability ?cap .
  ?cap sys:hasSystemProperty ?r, ?f .
  ?r a s3x:RAM ; schema:value ?ram .
  ?f a s3x:Flash ; schema:value ?flash .
} ORDER BY ?device
)";

// Streams every file into one write transaction. Nothing is committed unless
// all files parse, so a syntax error in the last file leaves the store as it
// was. `accept` sees each quad first and may veto the whole load at the end.
struct LoadSink {
  store::WriteTxn& txn;
  const std::string& graph_iri;
  LoadReport report;
  void operator()(rdf::Quad q) {
    if (!graph_iri.empty()) q.graph = rdf::Term::iri(graph_iri);
    ++report.quads_read;
    if (txn.insert(q)) ++report.quads_added;
  }
};

Status stream_files(const std::vector<std::string>& paths, const rdf::QuadSink& sink) {
  for (const std::string& path : paths) {
    auto syntax = rdf::syntax_for_path(path);
    if (!syntax) return fail("{}: unknown RDF syntax (use .ttl, .nt, .nq or .trig)", path);
    Status st = rdf::read_rdf_file(path, *syntax, sink);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

// The store id of a graph name; kDefaultGraph for "", nullopt if never used.
std::optional<store::Id> graph_id(const store::ReadTxn& txn, const std::string& graph_iri) {
  if (graph_iri.empty()) return store::kDefaultGraph;
  return txn.find_id(rdf::Term::iri(graph_iri));
}

rdf::Term graph_term(const store::ReadTxn& txn, store::Id g) {
  return g == store::kDefaultGraph ? rdf::Term{} : txn.term(g);
}

std::vector<store::IdQuad> collect(const store::ReadTxn& txn, const store::IdPattern& pattern) {
  std::vector<store::IdQuad> quads;
  store::ScanCursor cursor = txn.scan(pattern);
  store::IdQuad q;
  while (cursor.next(q)) quads.push_back(q);
  return quads;
}

// Removes the quads of `root` and of every node that belongs to it. A node
// belongs when `owned` says so and it is linked to a node already taken, in
// either direction: model sensors point *at* the model's input, so following
// objects alone would leave them behind. Collects before erasing because
// LMDB cursors must not see deletes of the keys they walk.
uint64_t erase_owned_nodes(store::WriteTxn& txn, store::Id root,
                           const std::function<bool(const rdf::Term&)>& owned) {
  std::unordered_set<store::Id> seen{root};
  std::vector<store::Id> todo{root};
  std::vector<store::IdQuad> doomed;
  auto consider = [&](store::Id id) {
    if (id < store::kFirstTermId || !seen.insert(id).second) return;
    if (owned(txn.term(id))) todo.push_back(id);
  };
  while (!todo.empty()) {
    store::Id node = todo.back();
    todo.pop_back();
    for (const store::IdQuad& q : collect(txn, {node, store::kNoId, store::kNoId, store::kNoId})) {
      doomed.push_back(q);
      consider(q.o);
    }
    for (const store::IdQuad& q : collect(txn, {store::kNoId, store::kNoId, node, store::kNoId})) {
      consider(q.s);
    }
  }
  uint64_t removed = 0;
  for (const store::IdQuad& q : doomed) removed += txn.erase(q) ? 1 : 0;
  return removed;
}

// erase_owned_nodes from `root_iri` in one transaction; 0 if the IRI is unknown.
Result<uint64_t> erase_resource(store::Store& store, const std::string& root_iri,
                                const std::function<bool(const rdf::Term&)>& owned) {
  store::WriteTxn txn = store.write();
  auto id = txn.find_id(rdf::Term::iri(root_iri));
  if (!id) return uint64_t{0};
  uint64_t removed = erase_owned_nodes(txn, *id, owned);
  Status st = txn.commit();
  if (!st.ok()) return st.failure();
  return removed;
}

// What a remote read failure becomes where the facade's signature has no Result.
template <typename T>
T value_or_throw(Result<T> r) {
  return std::move(r).value_or_throw();
}

bool describes_device(const std::vector<rdf::Quad>& quads) {
  const rdf::Term type = rdf::Term::iri(std::string(rdf::kRdfType));
  const rdf::Term smart_sensor = vocab::term(vocab::kS3n, "SmartSensor");
  for (const rdf::Quad& q : quads) {
    if (q.predicate == type && q.object == smart_sensor) return true;
  }
  return false;
}

uint64_t count_instances(const store::ReadTxn& txn, const rdf::Term& type) {
  auto p = txn.find_id(rdf::Term::iri(std::string(rdf::kRdfType)));
  auto o = txn.find_id(type);
  if (!p || !o) return 0;
  // The store's class statistics answer without scanning (10 ms on 100k boards).
  const store::IdPattern pattern{store::kNoId, *p, *o, store::kNoId};
  if (auto counted = txn.statistics_count(pattern)) return *counted;
  return txn.count(pattern);
}

}  // namespace

Result<std::unique_ptr<KnowledgeGraph>> KnowledgeGraph::open(const std::string& db_dir,
                                                             bool read_only) {
  auto store = store::Store::open(db_dir, {.read_only = read_only, .create = !read_only});
  if (!store.ok()) return store.failure();
  return std::unique_ptr<KnowledgeGraph>(new KnowledgeGraph(std::move(store).value()));
}

Result<std::unique_ptr<KnowledgeGraph>> KnowledgeGraph::open(
    const remote::StoreLocation& location, bool read_only) {
  if (location.kind == remote::StoreLocation::Kind::Embedded) {
    return open(location.db_dir, read_only);
  }
  auto remote = remote::RemoteStore::connect(location.remote);
  if (!remote.ok()) return remote.failure();
  return std::unique_ptr<KnowledgeGraph>(new KnowledgeGraph(std::move(remote).value()));
}

store::Store& KnowledgeGraph::store() {
  if (remote_) {
    throw Error("this needs the embedded store, but the graph is in the remote store " +
                remote_->config().query_url +
                " (use `tinykg sync pull` to copy it into an embedded store first)");
  }
  return *store_;
}

Result<LoadReport> KnowledgeGraph::load_files(const std::vector<std::string>& paths,
                                              const std::string& graph_iri) {
  LoadOptions opts;
  opts.graph_iri = graph_iri;
  return load_files(paths, opts);
}

// One write transaction for all files, filled by the bulk loader: nothing is
// visible before the commit, and any error aborts everything.
Result<LoadReport> KnowledgeGraph::load_files(const std::vector<std::string>& paths,
                                              const LoadOptions& opts) {
  if (remote_) return remote::load_files(*remote_, paths, opts);
  store::WriteTxn txn = store_->write();
  auto loaded = store::bulk_load(*store_, txn, paths, opts);
  if (!loaded.ok()) return loaded.failure();  // txn aborts on destruction
  Status st = txn.commit();
  if (!st.ok()) return st.failure();
  return LoadReport{loaded->quads_read, loaded->quads_added, loaded->invalid_skipped};
}

Result<LoadReport> KnowledgeGraph::add_device_file(const std::string& path) {
  if (remote_) {
    auto syntax = rdf::syntax_for_path(path);
    if (!syntax) return fail("{}: unknown RDF syntax (use .ttl, .nt, .nq or .trig)", path);
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot open '{}'", path);
    std::stringstream text;
    text << in.rdbuf();
    return add_device_rdf(text.str(), *syntax, path);
  }
  const rdf::Term type = rdf::Term::iri(std::string(rdf::kRdfType));
  const rdf::Term smart_sensor = rdf::Term::iri(std::string(vocab::kS3n) + "SmartSensor");
  bool has_device = false;
  store::WriteTxn txn = store_->write();
  LoadSink sink{txn, "", {}};
  Status st = stream_files({path}, [&](const rdf::Quad& q) {
    has_device |= q.predicate == type && q.object == smart_sensor;
    sink(q);
  });
  if (!st.ok()) return st.failure();
  if (!has_device) {
    return fail("{}: describes no device (expected a subject of type s3n:SmartSensor)", path);
  }
  st = txn.commit();
  if (!st.ok()) return st.failure();
  return sink.report;
}

Result<ModelImport> KnowledgeGraph::add_model_file(const std::string& tflite_path,
                                                   const std::string& card_path,
                                                   const std::vector<std::string>& tags) {
  auto info = model::analyze_model_file(tflite_path);
  if (!info.ok()) return info.failure();
  ModelCard card;
  if (!card_path.empty()) {
    auto parsed = read_model_card(card_path);
    if (!parsed.ok()) return parsed.failure();
    card = std::move(parsed).value();
  } else {
    card = default_model_card(*info, tflite_path);
  }
  return import_model(std::move(info).value(), std::move(card), tags);
}

Result<ModelImport> KnowledgeGraph::add_model_bytes(std::string_view tflite_bytes,
                                                    std::string_view name,
                                                    std::string_view card_json,
                                                    const std::vector<std::string>& tags) {
  auto info = model::analyze_model_bytes(std::span<const uint8_t>(
      reinterpret_cast<const uint8_t*>(tflite_bytes.data()), tflite_bytes.size()));
  if (!info.ok()) return info.failure();
  ModelCard card;
  if (!card_json.empty()) {
    auto parsed = parse_model_card(card_json, "model card");
    if (!parsed.ok()) return parsed.failure();
    card = std::move(parsed).value();
  } else {
    card = card_for_file(name, tflite_bytes);
  }
  return import_model(std::move(info).value(), std::move(card), tags);
}

Result<ModelImport> KnowledgeGraph::import_model(model::ModelInfo info, ModelCard card,
                                                 const std::vector<std::string>& tags) {
  for (const std::string& tag : tags) {
    if (std::find(card.tags.begin(), card.tags.end(), tag) == card.tags.end()) {
      card.tags.push_back(tag);
    }
  }
  // Also catches what no card file checked: a raw upload without a name, --tag values.
  if (Status valid = validate_model_card(card, card.name.empty() ? "of the upload" : card.name);
      !valid.ok()) {
    return valid.failure();
  }
  std::vector<rdf::Quad> quads = model_to_quads(info, card);
  const std::string iri = model_iri(card);
  auto duplicate = [&] {
    return fail("model '{}' (identifier {}) is already in the graph", card.name, card.identifier);
  };
  if (remote_) {
    auto present = remote::has_subject(*remote_, iri);
    if (!present.ok()) return present.failure();
    if (*present) return duplicate();
    auto versions = model_versions(card.name);
    if (!versions.ok()) return versions.failure();
    const VersionLink link = next_version(*versions);
    for (rdf::Quad& q : version_quads(iri, link)) quads.push_back(std::move(q));
    auto report = remote::add_quads(*remote_, quads, iri);
    if (!report.ok()) return report.failure();
    return ModelImport{iri, card.name, std::move(info), report->quads_added, link.version};
  }
  // The version is read and written in one transaction, so two uploads of a
  // name cannot both become the same version.
  store::WriteTxn txn = store_->write();
  auto id = txn.find_id(rdf::Term::iri(iri));
  if (id && txn.count({*id, store::kNoId, store::kNoId, store::kNoId}) > 0) return duplicate();
  auto existing = sparql::run_select(txn, model_versions_query(card.name));
  if (!existing.ok()) return existing.failure();
  const VersionLink link = next_version(model_versions_from(*existing));
  for (rdf::Quad& q : version_quads(iri, link)) quads.push_back(std::move(q));
  uint64_t added = 0;
  for (const rdf::Quad& q : quads) added += txn.insert(q) ? 1 : 0;
  Status st = txn.commit();
  if (!st.ok()) return st.failure();
  return ModelImport{iri, card.name, std::move(info), added, link.version};
}

Result<uint64_t> KnowledgeGraph::delete_model(std::string_view identifier) {
  const std::string root = model_iri(identifier);
  const std::string suffix = "_" + std::string(identifier);
  // Every node of a model description is nn:<kind>_<uuid> (model_mapping.h).
  auto owned = [&](const rdf::Term& t) {
    if (t.is_blank()) return true;
    return t.is_iri() && t.value.starts_with(vocab::kNeuralNetworkBase) &&
           t.value.ends_with(suffix);
  };
  if (remote_) {
    if (Status st = remote_->update(relink_successor_update(root)); !st.ok()) return st.failure();
    return remote::erase_owned(*remote_, root, owned);
  }
  store::WriteTxn txn = store_->write();
  auto id = txn.find_id(rdf::Term::iri(root));
  if (!id) return uint64_t{0};
  if (Status st = sparql::run_update(txn, relink_successor_update(root)); !st.ok()) {
    return st.failure();
  }
  uint64_t removed = erase_owned_nodes(txn, *id, owned);
  Status st = txn.commit();
  if (!st.ok()) return st.failure();
  return removed;
}

Result<std::vector<ModelVersion>> KnowledgeGraph::model_versions(std::string_view name) const {
  auto table = query(model_versions_query(name));
  if (!table.ok()) return table.failure();
  return model_versions_from(*table);
}

Result<bool> KnowledgeGraph::set_model_tag(std::string_view identifier, std::string_view tag,
                                           bool present) {
  if (!is_model_tag(tag)) {
    return fail("'{}' is not a tag (1..64 letters, digits, '.', '_' or '-')", tag);
  }
  const std::string iri = model_iri(identifier);
  const rdf::Quad quad{rdf::Term::iri(iri), vocab::term(vocab::kNnet, "tag"),
                       rdf::Term::literal(std::string(tag)), {}};
  auto tagged = [&]() -> bool {
    for (const rdf::Quad& q : describe(iri)) {
      if (q.predicate == quad.predicate && q.object == quad.object) return true;
    }
    return false;
  };
  bool before = tagged();
  if (before == present) return false;
  if (Status st = update(tag_update(iri, tag, present)); !st.ok()) return st.failure();
  return true;
}

Result<LoadReport> KnowledgeGraph::add_device_rdf(std::string_view text, rdf::Syntax syntax,
                                                  std::string_view source_name) {
  if (remote_) {
    std::vector<rdf::Quad> quads;
    rdf::ReadOptions read;
    read.blank_prefix = "s" + remote::skolem_scope(text) + "x";
    Status st = rdf::read_rdf_string(text, syntax, [&](const rdf::Quad& q) {
      quads.push_back({q.subject, q.predicate, q.object, {}});
    }, read, source_name);
    if (!st.ok()) return st.failure();
    if (!describes_device(quads)) {
      return fail("{}: describes no device (expected a subject of type s3n:SmartSensor)",
                  source_name);
    }
    return remote::add_quads(*remote_, quads, "");
  }
  const rdf::Term type = rdf::Term::iri(std::string(rdf::kRdfType));
  const rdf::Term smart_sensor = vocab::term(vocab::kS3n, "SmartSensor");
  bool has_device = false;
  store::WriteTxn txn = store_->write();
  LoadSink sink{txn, "", {}};
  Status st = rdf::read_rdf_string(text, syntax, [&](const rdf::Quad& q) {
    has_device |= q.predicate == type && q.object == smart_sensor;
    sink(q);
  }, {}, source_name);
  if (!st.ok()) return st.failure();
  if (!has_device) {
    return fail("{}: describes no device (expected a subject of type s3n:SmartSensor)",
                source_name);
  }
  st = txn.commit();
  if (!st.ok()) return st.failure();
  return sink.report;
}

Result<uint64_t> KnowledgeGraph::delete_device(const std::string& iri) {
  const std::string below = iri + "/";
  // Board descriptions name their parts below the board IRI (data/reference/README.md).
  auto owned = [&](const rdf::Term& t) {
    return t.is_blank() || (t.is_iri() && t.value.starts_with(below));
  };
  if (remote_) return remote::erase_owned(*remote_, iri, owned);
  return erase_resource(*store_, iri, owned);
}

Result<LoadReport> KnowledgeGraph::add_rdf(std::string_view text, rdf::Syntax syntax,
                                           const std::string& graph_iri, bool replace) {
  if (remote_) {
    std::vector<rdf::Quad> quads;
    rdf::ReadOptions read;
    read.blank_prefix = "s" + remote::skolem_scope(text) + "x";
    const rdf::Term graph = graph_iri.empty() ? rdf::Term{} : rdf::Term::iri(graph_iri);
    Status st = rdf::read_rdf_string(text, syntax, [&](const rdf::Quad& q) {
      quads.push_back({q.subject, q.predicate, q.object, graph});
    }, read, "request body");
    if (!st.ok()) return st.failure();
    if (replace) {
      if (Status cleared = remote_->raw_update("CLEAR SILENT GRAPH " +
                                               remote::iri_ref(remote_->store_graph(graph_iri)));
          !cleared.ok()) {
        return cleared.failure();
      }
    }
    return remote::add_quads(*remote_, quads, "");
  }
  store::WriteTxn txn = store_->write();
  if (replace) {
    if (auto g = graph_id(txn, graph_iri)) {
      for (const store::IdQuad& q : collect(txn, {store::kNoId, store::kNoId, store::kNoId, *g})) {
        txn.erase(q);
      }
    }
  }
  // LoadSink overrides a quad's graph only for a non-empty name; the default
  // graph target must also flatten N-Quads/TriG graph names.
  LoadReport report;
  Status st = rdf::read_rdf_string(text, syntax, [&](rdf::Quad q) {
    q.graph = graph_iri.empty() ? rdf::Term{} : rdf::Term::iri(graph_iri);
    ++report.quads_read;
    if (txn.insert(q)) ++report.quads_added;
  }, {}, "request body");
  if (!st.ok()) return st.failure();
  st = txn.commit();
  if (!st.ok()) return st.failure();
  return report;
}

Result<uint64_t> KnowledgeGraph::clear_graph(const std::string& graph_iri) {
  if (remote_) {
    auto count = remote_->count_graph(graph_iri);
    if (!count.ok()) return count.failure();
    Status st = remote_->raw_update("CLEAR SILENT GRAPH " +
                                    remote::iri_ref(remote_->store_graph(graph_iri)));
    if (!st.ok()) return st.failure();
    return *count;
  }
  store::WriteTxn txn = store_->write();
  auto g = graph_id(txn, graph_iri);
  if (!g) return uint64_t{0};
  uint64_t removed = 0;
  for (const store::IdQuad& q : collect(txn, {store::kNoId, store::kNoId, store::kNoId, *g})) {
    removed += txn.erase(q) ? 1 : 0;
  }
  Status st = txn.commit();
  if (!st.ok()) return st.failure();
  return removed;
}

bool KnowledgeGraph::has_graph(const std::string& graph_iri) const {
  if (graph_iri.empty()) return true;
  if (remote_) return value_or_throw(remote_->count_graph(graph_iri)) > 0;
  store::ReadTxn txn = store_->read();
  auto g = graph_id(txn, graph_iri);
  return g && txn.count({store::kNoId, store::kNoId, store::kNoId, *g}) > 0;
}

void KnowledgeGraph::for_each_quad(const std::string& graph_iri,
                                   const rdf::QuadSink& sink) const {
  if (remote_) {
    Status st = remote_->for_each_quad(graph_iri, sink);
    if (!st.ok()) throw Error(st.error());
    return;
  }
  store::ReadTxn txn = store_->read();
  auto g = graph_id(txn, graph_iri);
  if (!g) return;
  const rdf::Term graph = graph_term(txn, *g);
  store::ScanCursor cursor = txn.scan({store::kNoId, store::kNoId, store::kNoId, *g});
  store::IdQuad q;
  while (cursor.next(q)) sink(rdf::Quad{txn.term(q.s), txn.term(q.p), txn.term(q.o), graph});
}

Result<std::vector<std::string>> KnowledgeGraph::graph_names() const {
  if (remote_) return remote_->graph_names();
  auto table = query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g");
  if (!table.ok()) return table.failure();
  std::vector<std::string> names;
  for (const auto& row : table->rows) {
    if (row[0] && row[0]->is_iri()) names.push_back(row[0]->value);
  }
  return names;
}

Result<LoadReport> KnowledgeGraph::add_quads(const QuadProducer& produce,
                                             const std::string& blank_scope,
                                             const std::function<void(uint64_t)>& on_batch) {
  if (remote_) return remote::add_stream(*remote_, produce, blank_scope, on_batch);
  LoadReport report;
  store::WriteTxn txn = store_->write();
  Status st = produce([&](const rdf::Quad& q) {
    ++report.quads_read;
    if (txn.insert(q)) ++report.quads_added;
  });
  if (!st.ok()) return st.failure();
  st = txn.commit();
  if (!st.ok()) return st.failure();
  if (on_batch) on_batch(report.quads_read);
  return report;
}

std::vector<rdf::Quad> KnowledgeGraph::describe(const std::string& iri) const {
  if (remote_) return value_or_throw(remote::describe(*remote_, iri));
  store::ReadTxn txn = store_->read();
  std::vector<rdf::Quad> quads;
  auto s = txn.find_id(rdf::Term::iri(iri));
  if (!s) return quads;
  const rdf::Term subject = rdf::Term::iri(iri);
  for (const store::IdQuad& q : collect(txn, {*s, store::kNoId, store::kNoId, store::kNoId})) {
    quads.push_back({subject, txn.term(q.p), txn.term(q.o), graph_term(txn, q.g)});
  }
  return quads;
}

GraphStats KnowledgeGraph::stats() const {
  if (remote_) {
    return GraphStats{
        value_or_throw(remote_->count_quads()),
        value_or_throw(remote_->count_instances(vocab::term(vocab::kNnet, "NeuralNetwork"))),
        value_or_throw(remote_->count_instances(vocab::term(vocab::kS3n, "SmartSensor")))};
  }
  store::ReadTxn txn = store_->read();
  return GraphStats{txn.size(), count_instances(txn, vocab::term(vocab::kNnet, "NeuralNetwork")),
                    count_instances(txn, vocab::term(vocab::kS3n, "SmartSensor"))};
}

Result<sparql::ResultTable> KnowledgeGraph::query(std::string_view text) const {
  if (remote_) return remote_->select(text);
  store::ReadTxn txn = store_->read();
  return sparql::run_select(txn, text);
}

Result<sparql::QueryResult> KnowledgeGraph::run_query(std::string_view text,
                                                      const sparql::QueryOptions& options,
                                                      sparql::QueryProfile* profile) const {
  if (remote_) {
    // The remote store is asked for the configured graph; a request's own
    // dataset (the protocol's default-graph-uri) would need rewriting there.
    if (options.dataset) {
      return fail("not supported yet: default-graph-uri / named-graph-uri on a remote store "
                  "(use FROM / FROM NAMED in the query)");
    }
    return remote_->query(text, options.union_default_graph);
  }
  store::ReadTxn txn = store_->read();
  return sparql::run_query(txn, text, options, profile);
}

Status KnowledgeGraph::update(std::string_view text, const sparql::QueryOptions& options) {
  if (remote_) return remote_->update(text);
  store::WriteTxn txn = store_->write();
  Status st = sparql::run_update(txn, text, options);
  if (!st.ok()) return st;  // dropping txn aborts every change of the request
  return txn.commit();
}

Result<sparql::ResultTable> KnowledgeGraph::list_models() const {
  return query(std::string(kPrefixes) + std::string(kListModels));
}

Result<sparql::ResultTable> KnowledgeGraph::list_devices() const {
  return query(std::string(kPrefixes) + std::string(kListDevices));
}

}  // namespace tinykg::kg
