#include "kg/model_mapping.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join

#include "common/error.h"
#include "kg/content_id.h"
#include "kg/nnet_names.h"
#include "kg/vocabulary.h"

namespace tinykg::kg {

using namespace vocab;  // kNnet, kS3n, ..., term(): this file speaks the vocabularies

namespace {

using rdf::Term;

Term nnet(std::string_view local) { return term(kNnet, local); }
Term integer(uint64_t v) { return Term::integer(static_cast<int64_t>(v)); }
Term text(std::string_view s) { return Term::literal(std::string(s)); }

// Appends quads about the model's individuals to one vector, in one graph.
class QuadWriter {
 public:
  QuadWriter(std::vector<rdf::Quad>& out, const Term& graph) : out_(out), graph_(graph) {}

  void add(const Term& s, const Term& p, Term o) {
    out_.push_back(rdf::Quad{s, p, std::move(o), graph_});
  }
  void add(const Term& s, std::string_view ns, std::string_view local, Term o) {
    add(s, term(ns, local), std::move(o));
  }
  void type(const Term& s, const Term& cls) { add(s, Term::iri(std::string(rdf::kRdfType)), cls); }
  // Card facts are optional: an empty value writes nothing.
  void text_if(const Term& s, std::string_view ns, std::string_view local, std::string_view v) {
    if (!v.empty()) add(s, ns, local, text(v));
  }
  void iri_if(const Term& s, std::string_view ns, std::string_view local, std::string_view v) {
    if (!v.empty()) add(s, ns, local, Term::iri(std::string(v)));
  }

 private:
  std::vector<rdf::Quad>& out_;
  const Term& graph_;
};

// Individuals of one network: nn:<part>_<uuid>, as in the reference graph.
struct NetworkIris {
  std::string uuid;
  Term part(std::string_view name) const {
    return Term::iri(fmt::format("{}{}_{}", kNeuralNetworkBase, name, uuid));
  }
};

const model::TensorInfo* tensor_at(const model::SubgraphInfo& g, int index) {
  if (index < 0 || static_cast<size_t>(index) >= g.tensors.size()) return nullptr;
  return &g.tensors[static_cast<size_t>(index)];
}

const model::TensorInfo* first_tensor(const model::SubgraphInfo& g, const std::vector<int>& indices) {
  for (int i : indices) {
    if (const model::TensorInfo* t = tensor_at(g, i)) return t;
  }
  return nullptr;
}

// Operators whose inputs[1] is the weights tensor: their computation type is
// the weights' type (an int8-weight layer in a float model is still Int8).
bool has_weights_input(std::string_view type) {
  return type == "CONV_2D" || type == "DEPTHWISE_CONV_2D" || type == "FULLY_CONNECTED" ||
         type == "TRANSPOSE_CONV" || type == "CONV_3D" || type == "CONV_3D_TRANSPOSE";
}

std::string layer_data_type(const model::SubgraphInfo& g, const model::OperatorInfo& op) {
  const model::TensorInfo* t = nullptr;
  if (has_weights_input(op.type) && op.inputs.size() > 1) t = tensor_at(g, op.inputs[1]);
  if (t == nullptr) t = first_tensor(g, op.inputs);
  return t ? data_type_name(t->dtype) : std::string();
}

void write_layer(QuadWriter& w, const Term& layer, const model::SubgraphInfo& g,
                 const model::OperatorInfo& op) {
  w.type(layer, nnet("Layer"));
  w.add(layer, kNnet, "hasIndex", Term::integer(op.index + 1));
  w.add(layer, kNnet, "hasType", nnet(layer_type_name(op)));
  if (const model::TensorInfo* in = first_tensor(g, op.inputs)) {
    w.add(layer, kNnet, "shapeIn", text(shape_text(in->shape)));
  }
  if (const model::TensorInfo* out = first_tensor(g, op.outputs)) {
    w.add(layer, kNnet, "shapeOut", text(shape_text(out->shape)));
  }
  if (std::string act = activation_name(op.activation); !act.empty()) {
    w.add(layer, kNnet, "hasActivation", nnet(act));
  }
  if (std::string dtype = layer_data_type(g, op); !dtype.empty()) {
    w.add(layer, kNnet, "hasQuantization", nnet(dtype));
  }
  // tinykg additions.
  w.add(layer, kNnet, "hasOperatorCode", text(op.type));
  w.add(layer, kNnet, "hasOperatorVersion", Term::integer(op.version));
  if (op.is_custom) w.add(layer, kNnet, "isCustomOperator", Term::boolean(true));
  w.add(layer, kNnet, "hasMultiplyAccumulateOps", integer(op.macs));
}

// One layer per operator of the main graph, in execution order: the first is
// nnet:inputLayer, the last nnet:outputLayer, the others nnet:middleLayer
// named middleLayer_<k>_<uuid> with k = the operator's 0-based position (the
// reference's naming). A one-operator graph has one layer that is both.
void write_layers(QuadWriter& w, const Term& nn, const NetworkIris& iris,
                  const model::SubgraphInfo& g) {
  const size_t n = g.operators.size();
  for (size_t i = 0; i < n; ++i) {
    const model::OperatorInfo& op = g.operators[i];
    Term layer = i == 0       ? iris.part("inputLayer")
                 : i == n - 1 ? iris.part("outputLayer")
                              : iris.part(fmt::format("middleLayer_{}", i));
    if (i == 0) w.add(nn, kNnet, "inputLayer", layer);
    if (i == n - 1) w.add(nn, kNnet, "outputLayer", layer);
    if (i != 0 && i != n - 1) w.add(nn, kNnet, "middleLayer", layer);
    write_layer(w, layer, g, op);
  }
}

// Memory requirement as the reference writes it: a procedure feature whose
// condition is a Memory of at least `bytes` / 1000 kB.
Term write_memory_condition(QuadWriter& w, const Term& nn, const NetworkIris& iris, int number,
                            std::string_view kind, std::string_view label, uint64_t bytes) {
  Term feature = iris.part(fmt::format("procedureFeature_{}", number));
  Term condition = iris.part(fmt::format("condition_{}", number));
  w.add(nn, kS3n, "hasProcedureFeature", feature);
  w.type(feature, term(kS3n, "ProcedureFeature"));
  w.add(feature, kRdfs, "label", text(fmt::format("procedureFeature_{}", number)));
  w.add(feature, kSsnSystem, "inCondition", condition);
  w.type(condition, term(kS3nExtend, kind));
  w.type(condition, term(kS3n, "Memory"));
  w.add(condition, kRdfs, "label", text(label));
  w.add(condition, kSchema, "minValue",
        Term::literal(kilobytes_text(bytes), std::string(rdf::xsd::kDecimal)));
  w.add(condition, kSchema, "unitCode", term(kOm, "kilobyte"));
  return condition;
}

// Shape and type of the first tensor of a network input or output (tinykg addition).
void write_tensor_facts(QuadWriter& w, const Term& node, const model::SubgraphInfo* g,
                        const std::vector<int>* indices) {
  if (g == nullptr) return;
  const model::TensorInfo* t = first_tensor(*g, *indices);
  if (t == nullptr) return;
  w.add(node, kNnet, "hasShape", text(shape_text(t->shape)));
  if (std::string dtype = data_type_name(t->dtype); !dtype.empty()) {
    w.add(node, kNnet, "hasDataType", nnet(dtype));
  }
}

void write_card_facts(QuadWriter& w, const Term& nn, const ModelCard& card) {
  w.add(nn, kSchema, "identifier", text(card.identifier));
  w.text_if(nn, kSchema, "name", card.name);
  w.text_if(nn, kSchema, "description", card.description);
  w.text_if(nn, kSchema, "creator", card.creator);
  if (!card.date_created.empty()) {
    w.add(nn, kSchema, "dateCreated",
          Term::literal(card.date_created, std::string(rdf::xsd::kDate)));
  }
  w.iri_if(nn, kSchema, "citation", card.citation);
  w.iri_if(nn, kSchema, "codeRepository", card.code_repository);
  w.text_if(nn, kSchema, "runtimePlatform", card.runtime_platform);
  w.iri_if(nn, kNnet, "trainingDataset", card.dataset);
  if (!card.category.empty()) w.add(nn, kNnet, "hasCategory", nnet(card.category));
  // Labels and lineage (tinykg additions); the version triples depend on the
  // graph's other models and are written by the facade (model_versions.h).
  for (const std::string& tag : card.tags) w.add(nn, kNnet, "tag", text(tag));
  w.iri_if(nn, kNnet, "source", card.source);
  w.text_if(nn, kNnet, "trainingRun", card.training_run);
  if (!card.parent.empty()) w.add(nn, kNnet, "parentModel", Term::iri(model_iri(card.parent)));
}

}  // namespace

std::string model_iri(std::string_view uuid) {
  return fmt::format("{}{}", vocab::kNeuralNetworkBase, uuid);
}

std::string model_iri(const ModelCard& card) { return model_iri(card.identifier); }

std::string shape_text(const std::vector<int32_t>& shape) {
  return fmt::format("[{}]", fmt::join(shape, ", "));
}

std::string kilobytes_text(uint64_t bytes) {
  std::string frac = fmt::format("{:03}", bytes % 1000);
  while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
  return fmt::format("{}.{}", bytes / 1000, frac);
}

std::vector<rdf::Quad> model_to_quads(const model::ModelInfo& info, const ModelCard& card,
                                      const rdf::Term& graph) {
  TINYKG_ASSERT(validate_model_card(card, card.name).ok(),
                "model_to_quads needs a valid card (see validate_model_card)");
  std::vector<rdf::Quad> quads;
  QuadWriter w(quads, graph);
  const NetworkIris iris{card.identifier};
  const Term nn = Term::iri(model_iri(card.identifier));
  const model::SubgraphInfo* main_graph = info.subgraphs.empty() ? nullptr : &info.subgraphs[0];

  w.type(nn, nnet("NeuralNetwork"));
  write_card_facts(w, nn, card);
  w.add(nn, kNnet, "hasMultiplyAccumulateOps", integer(info.macs_reference));

  if (card.metric) {
    Term metric = iris.part("metric_1");
    w.add(nn, kNnet, "hasMetric", metric);
    w.type(metric, nnet("Metric"));
    w.type(metric, nnet(card.metric->type));
    if (card.metric->value) w.add(metric, kNnet, "hasMetricValue", Term::decimal(*card.metric->value));
  }

  // Numbering as in the reference: 1 = Flash, 2 = RAM. A zero figure means
  // "not estimated"; writing minValue 0 would claim the model fits anywhere.
  if (info.flash_bytes_model > 0) {
    write_memory_condition(w, nn, iris, 1, "Flash", "Flash requirement.", info.flash_bytes_model);
  }
  if (info.arena_bytes > 0) {
    Term ram = write_memory_condition(w, nn, iris, 2, "RAM", "RAM requirement.", info.arena_bytes);
    w.add(ram, kNnet, "hasPlannedTensorBytes", integer(info.arena.planned_tensors));
    w.add(ram, kNnet, "hasPersistentBytes", integer(info.arena.persistent));
    w.add(ram, kNnet, "hasScratchBytes", integer(info.arena.scratch));
  }

  Term input = iris.part("input");
  w.add(nn, kSsn, "hasInput", input);
  w.type(input, nnet("NetworkInput"));
  w.text_if(input, kNnet, "hasInputInfo", card.input.info);
  write_tensor_facts(w, input, main_graph, main_graph ? &main_graph->inputs : nullptr);
  for (size_t i = 0; i < card.input.sensors.size(); ++i) {
    const SensorCard& s = card.input.sensors[i];
    Term sensor = iris.part(fmt::format("sensor_{}", i + 1));
    for (const std::string& t : s.types) w.type(sensor, term(kSosaExtend, t));
    w.type(sensor, term(kSchema, "Sensor"));  // as the reference writes it
    w.type(sensor, term(kSosa, "Sensor"));    // as boards write it
    w.add(sensor, kSsnExtend, "provideInput", input);
    w.text_if(sensor, kSosaExtend, "hasSensorInfo", s.info);
  }

  Term output = iris.part("output");
  w.add(nn, kSsn, "hasOutput", output);
  w.type(output, nnet("NetworkOutput"));
  w.text_if(output, kNnet, "hasOutputInfo", card.output.info);
  write_tensor_facts(w, output, main_graph, main_graph ? &main_graph->outputs : nullptr);

  if (main_graph) write_layers(w, nn, iris, *main_graph);

  // tinykg additions on the network.
  w.add(nn, kNnet, "hasParameterCount", integer(info.params));
  w.add(nn, kNnet, "hasTotalMultiplyAccumulateOps", integer(info.macs));
  if (info.flash_bytes > 0) w.add(nn, kNnet, "hasEstimatedFlashBytes", integer(info.flash_bytes));
  for (const std::string& op : info.unsupported_operators) {
    w.add(nn, kNnet, "hasUnsupportedOperator", text(op));
  }
  return quads;
}

ModelCard card_for_file(std::string_view file_stem, std::string_view file_bytes) {
  ModelCard card;
  card.identifier = content_uuid(file_bytes);
  // A name is required; a file without a stem (".tflite") is named by its UUID.
  card.name = file_stem.empty() ? card.identifier : std::string(file_stem);
  return card;
}

ModelCard default_model_card(const model::ModelInfo& info, const std::string& tflite_path) {
  (void)info;  // the identity comes from the bytes; info is there for future defaults
  std::ifstream in(tflite_path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  // The analyzer has just read this file; failing now means it vanished under us.
  if (!in) throw Error(fmt::format("{}: cannot read the model file", tflite_path));
  return card_for_file(std::filesystem::path(tflite_path).stem().string(), bytes.str());
}

std::vector<rdf::Quad> model_to_quads(const model::ModelInfo& info, std::string_view file_stem,
                                      std::string_view file_bytes, const rdf::Term& graph) {
  return model_to_quads(info, card_for_file(file_stem, file_bytes), graph);
}

}  // namespace tinykg::kg
