#include "kg/knowledge_graph.h"

#include <filesystem>

#include "kg/model_card.h"
#include "kg/model_mapping.h"
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

constexpr std::string_view kListModels = R"(
SELECT ?name ?uuid ?macs ?ram ?flash WHERE {
  ?nn a nnet:NeuralNetwork ; schema:name ?name ; schema:identifier ?uuid ;
      nnet:hasMultiplyAccumulateOps ?macs ; s3n:hasProcedureFeature ?fr, ?ff .
  ?fr sys:inCondition ?cr . ?cr a s3x:RAM ; schema:minValue ?ram .
  ?ff sys:inCondition ?cf . ?cf a s3x:Flash ; schema:minValue ?flash .
} ORDER BY ?name
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

Result<LoadReport> insert_all(store::Store& store, const std::vector<rdf::Quad>& quads) {
  LoadReport report;
  store::WriteTxn txn = store.write();
  for (const rdf::Quad& q : quads) {
    ++report.quads_read;
    if (txn.insert(q)) ++report.quads_added;
  }
  Status st = txn.commit();
  if (!st.ok()) return st.failure();
  return report;
}

}  // namespace

Result<std::unique_ptr<KnowledgeGraph>> KnowledgeGraph::open(const std::string& db_dir,
                                                             bool read_only) {
  auto store = store::Store::open(db_dir, {.read_only = read_only, .create = !read_only});
  if (!store.ok()) return store.failure();
  return std::unique_ptr<KnowledgeGraph>(new KnowledgeGraph(std::move(store).value()));
}

Result<LoadReport> KnowledgeGraph::load_files(const std::vector<std::string>& paths,
                                              const std::string& graph_iri) {
  store::WriteTxn txn = store_->write();
  LoadSink sink{txn, graph_iri, {}};
  Status st = stream_files(paths, [&](const rdf::Quad& q) { sink(q); });
  if (!st.ok()) return st.failure();  // txn aborts on destruction
  st = txn.commit();
  if (!st.ok()) return st.failure();
  return sink.report;
}

Result<LoadReport> KnowledgeGraph::add_device_file(const std::string& path) {
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
                                                   const std::string& card_path) {
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
  std::vector<rdf::Quad> quads = model_to_quads(*info, card);
  const std::string iri = model_iri(card);
  {
    store::ReadTxn txn = store_->read();
    auto id = txn.find_id(rdf::Term::iri(iri));
    if (id && txn.count({*id, store::kNoId, store::kNoId, store::kNoId}) > 0) {
      return fail("model '{}' (identifier {}) is already in the graph", card.name,
                  card.identifier);
    }
  }
  auto report = insert_all(*store_, quads);
  if (!report.ok()) return report.failure();
  return ModelImport{iri, card.name, std::move(info).value(), report->quads_added};
}

Result<sparql::ResultTable> KnowledgeGraph::query(std::string_view text) const {
  store::ReadTxn txn = store_->read();
  return sparql::run_select(txn, text);
}

Result<sparql::ResultTable> KnowledgeGraph::list_models() const {
  return query(std::string(kPrefixes) + std::string(kListModels));
}

Result<sparql::ResultTable> KnowledgeGraph::list_devices() const {
  return query(std::string(kPrefixes) + std::string(kListDevices));
}

}  // namespace tinykg::kg
