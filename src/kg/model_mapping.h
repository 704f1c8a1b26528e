// Model -> RDF: turns what tinykg derives from a .tflite file (ModelInfo) and
// the hand-entered facts of its model card into quads in the shape of the
// reference graph, so the case-study queries find RAM, Flash, MACs, sensors
// and accuracy where they expect them. Called by the CLI's `model import`
// and by the server's upload path; the store then holds one set of quads per
// model IRI.
//
// Shape (nn: = http://tinyml-schema.org/neuralnetwork/, U = the card's UUID):
//
//   nn:U a nnet:NeuralNetwork ; schema:identifier "U" ; schema:name "..." ;
//     schema:description / creator / runtimePlatform "..." ;
//     schema:dateCreated "2021-12-12"^^xsd:date ;
//     schema:citation / codeRepository <iri> ; nnet:trainingDataset <iri> ;
//     nnet:hasCategory nnet:Classification ;
//     nnet:hasMultiplyAccumulateOps 336000 ;            # CONV/DWCONV/FC only
//     nnet:hasMetric nn:metric_1_U ;
//     s3n:hasProcedureFeature nn:procedureFeature_1_U, nn:procedureFeature_2_U ;
//     ssn:hasInput nn:input_U ; ssn:hasOutput nn:output_U ;
//     nnet:inputLayer nn:inputLayer_U ; nnet:middleLayer nn:middleLayer_1_U, ... ;
//     nnet:outputLayer nn:outputLayer_U .
//   nn:metric_1_U a nnet:Metric, nnet:Top_1_accuracy ; nnet:hasMetricValue 0.921 .
//   nn:procedureFeature_1_U a s3n:ProcedureFeature ; ssn-system:inCondition nn:condition_1_U .
//   nn:condition_1_U a s3n_extend:Flash, s3n:Memory ; schema:minValue 18.712 ;   # file bytes / 1000
//     schema:unitCode om:kilobyte .
//   nn:procedureFeature_2_U ... nn:condition_2_U a s3n_extend:RAM, s3n:Memory ;
//     schema:minValue 8.08 ; schema:unitCode om:kilobyte .                      # arena bytes / 1000
//   nn:input_U a nnet:NetworkInput ; nnet:hasInputInfo "..." .
//   nn:sensor_1_U a sosa_extend:Microphone, schema:Sensor, sosa:Sensor ;
//     ssn_extend:provideInput nn:input_U ; sosa_extend:hasSensorInfo "..." .
//   nn:output_U a nnet:NetworkOutput ; nnet:hasOutputInfo "..." .
//   nn:middleLayer_1_U a nnet:Layer ; nnet:hasIndex 2 ; nnet:hasType nnet:DepthwiseConv2D ;
//     nnet:shapeIn "[1, 49, 40, 1]" ; nnet:shapeOut "[1, 25, 20, 8]" ;
//     nnet:hasActivation nnet:Relu ; nnet:hasQuantization nnet:Int8 .
//
// plus tinykg additions (data/ontology/nnet.ttl): parameter count, complete
// MAC count, Flash estimate, arena breakdown on the RAM condition, operator
// code/version/MACs per layer, shape and data type of input and output.
// See src/kg/README.md for the layer and numbering rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kg/model_card.h"
#include "model/model_info.h"
#include "rdf/term.h"

namespace tinykg::kg {

// <http://tinyml-schema.org/neuralnetwork/{uuid}>
std::string model_iri(std::string_view uuid);
std::string model_iri(const ModelCard& card);

// The quads for one model. `card` must be valid (parse_model_card guarantees
// it; cards built in code are checked with TINYKG_ASSERT). Quads go to
// `graph`; the default Term is the default graph.
std::vector<rdf::Quad> model_to_quads(const model::ModelInfo& info, const ModelCard& card,
                                      const rdf::Term& graph = {});

// The minimal card of a model imported without one: name = file stem,
// identifier = content_uuid(file bytes), so re-importing the same file
// yields the same IRI (and two copies of one file are one model).
ModelCard card_for_file(std::string_view file_stem, std::string_view file_bytes);

// card_for_file for a model file on disk: name = file stem, identifier from
// the file's bytes. Throws tinykg::Error if the file cannot be read (callers
// have just analyzed it, so that is not an expected failure).
ModelCard default_model_card(const model::ModelInfo& info, const std::string& tflite_path);

// model_to_quads(info, card_for_file(file_stem, file_bytes), graph).
std::vector<rdf::Quad> model_to_quads(const model::ModelInfo& info, std::string_view file_stem,
                                      std::string_view file_bytes, const rdf::Term& graph = {});

// "[1, 49, 40, 1]": the text form of shapes in nnet:shapeIn / shapeOut / hasShape.
std::string shape_text(const std::vector<int32_t>& shape);

// Exact xsd:decimal lexical form of bytes / 1000 ("8.8", "2.0", "94.128"),
// the reference's kilobytes.
std::string kilobytes_text(uint64_t bytes);

}  // namespace tinykg::kg
