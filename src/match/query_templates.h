// The SPARQL the match engine sends. Each template asks for one kind of fact
// (a board's parts, its memory, a model's conditions, ...) with only basic
// graph patterns, FILTER and DISTINCT, so it runs on the embedded engine today
// and on any SPARQL 1.1 store; the engine combines the answers in C++ (which
// is how facts a board does not state become "unknown" without OPTIONAL).
//
// Every template has a scope: all boards / models of the graph (the subject
// is the variable ?device / ?model, which the result then lists), or one
// (the subject is the IRI itself, and the column is absent).
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace tinykg::match::templates {

struct Scope {
  std::string iri;  // empty: every board / model
  bool all() const { return iri.empty(); }
};

// The PREFIX block every template starts with.
std::string_view prefixes();

// Boards: ?device of type s3n:SmartSensor.
std::string devices(const Scope& scope);
// ?device ?part ?type: every class of every sub-system (sensors and MCU).
std::string device_parts(const Scope& scope);
// ?device ?property ?kind ?value: RAM / Flash properties of the MCU's
// capabilities; with_unit adds ?unit (schema:unitCode).
std::string device_memory(const Scope& scope, bool with_unit);
// ?device ?value for one predicate of the board node (td:title, schema:runtimePlatform).
std::string device_attribute(const Scope& scope, std::string_view predicate_iri);

// ?device ?value for one predicate of any sub-system of the board (its MCU:
// tkg:cpuCore, tkg:clockFrequencyMHz, ...).
std::string device_part_attribute(const Scope& scope, std::string_view predicate_iri);

// Models: ?model of type nnet:NeuralNetwork.
std::string models(const Scope& scope);
// ?model ?value for one predicate of the model node (schema:name, nnet:hasCategory, ...).
std::string model_attribute(const Scope& scope, std::string_view predicate_iri);
// ?model ?condition ?kind ?value: RAM / Flash conditions; with_unit adds ?unit.
std::string model_memory(const Scope& scope, bool with_unit);
// ?model ?type: the classes of the sensors that feed the model's input.
std::string model_sensors(const Scope& scope);
// ?model ?value: Top-1 accuracy.
std::string model_accuracy(const Scope& scope);
// DISTINCT ?model ?op: operator kinds of the layers linked by `layer_link`
// (nnet:inputLayer / middleLayer / outputLayer).
std::string model_operators(const Scope& scope, std::string_view layer_link);

// DISTINCT ?model ?layer ?code ?macs: operator code and MACs of every layer.
std::string model_layers(const Scope& scope);
// DISTINCT ?model ?code: the operator codes of its layers; with
// `custom_only`, of the layers marked nnet:isCustomOperator true.
std::string model_operator_codes(const Scope& scope, bool custom_only);
// DISTINCT ?model ?layer: the layers computed in floating point (nnet:Float32 / Float16).
std::string model_float_layers(const Scope& scope);

// Lookups that turn a user's id into an IRI.
std::string models_with(std::string_view predicate_iri, std::string_view text);  // ?model
std::string devices_with_title(std::string_view title);                          // ?device
std::string devices_ending_with(std::string_view tail);                          // ?device

// An IRI usable inside <...> of a query: refuses characters SPARQL forbids
// there, so that an id from the command line cannot change the query.
Result<std::string> checked_iri(std::string_view iri);

}  // namespace tinykg::match::templates
