// What the match engine knows about a model and a board: the facts a fit
// depends on, read from the graph (match/graph_reader.h) or built by hand for
// ad-hoc questions ("which boards have an accelerometer, a gyroscope and
// 116 kB of RAM?").
//
// Sensor kinds are class IRIs (sosa_extend:Camera, ...): the classes of a
// board's sub-systems and of the sensors that feed a model's input, minus the
// generic classes every sensor has (sosa:Sensor, schema:Sensor, ...).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "match/hardware.h"
#include "match/latency.h"
#include "match/units.h"

namespace tinykg::match {

// A set of sensor kinds (sorted, unique IRIs). `any` marks an ad-hoc board
// whose sensors the question does not constrain; an empty set that is not
// `any` means the graph lists no sensor for the board (not stated).
struct SensorSet {
  std::vector<std::string> kinds;
  bool any = false;

  bool stated() const { return any || !kinds.empty(); }
  bool contains(std::string_view kind) const;
  void add(std::string kind);  // keeps kinds sorted and unique
};

struct ModelRequirements {
  std::string iri;         // empty for ad-hoc requirements
  std::string identifier;  // schema:identifier (UUID)
  std::string name;        // schema:name
  MemoryFigure ram;        // tensor arena, kB
  MemoryFigure flash;      // kB
  std::vector<std::string> sensor_kinds;  // every kind must be on the board
  std::vector<std::string> operators;     // nnet:hasType local names (informational)
  std::vector<std::string> unsupported_operators;  // nnet:hasUnsupportedOperator
  // nnet:hasOperatorCode of its layers (TFLite builtin codes such as
  // "CONV_2D", or custom codes), sorted and unique, and the subset marked
  // nnet:isCustomOperator: checked against the TFLite Micro version a board
  // states (fit.h).
  std::vector<std::string> operator_codes;
  std::vector<std::string> custom_operator_codes;
  std::string runtime;     // schema:runtimePlatform ("TFLite Micro")
  // The label used in tables and explanations: name, else identifier, else IRI.
  std::string label() const;
};

struct DeviceCapabilities {
  std::string iri;  // empty for an ad-hoc board
  std::string title;  // td:title
  MemoryFigure ram;   // free RAM, kB
  MemoryFigure flash;  // free Flash, kB
  SensorSet sensors;
  std::string mcu;  // IRI (or blank label) of its s3n:MicroController, if stated
  // schema:runtimePlatform of the board, if stated: a platform ("TFLite
  // Micro") or a TFLite Micro version whose kernels are known ("tflm-2.4",
  // "tflm-current"; fit.h checks the model's operators against it).
  std::vector<std::string> runtimes;
  BoardHardware hardware;  // core, clock, kernels: what latency estimates need
  std::string label() const;  // title, else the IRI
};

// Hand-entered model-card facts used to rank models for a task.
struct ModelFacts {
  std::string description;
  std::string category;  // local name of nnet:hasCategory (IRI or plain literal)
  std::string dataset;   // nnet:trainingDataset, IRI or text
  std::optional<double> accuracy;  // Top-1, fraction 0..1
  std::optional<double> macs;      // nnet:hasMultiplyAccumulateOps
  Workload workload;  // per-class MACs of its layers (the total MACs when no layer states any)
};

// A model of the zoo: what it needs and what it is for.
struct ModelEntry {
  ModelRequirements requirements;
  ModelFacts facts;
};

// The sosa_extend class IRI for a user's sensor name: "camera",
// "Camera", "sosa_extend:Camera" or a full IRI. Known kinds get their
// canonical spelling (LightSensor, OtherSensor, ...).
std::string sensor_kind_iri(std::string_view name);

// True for classes every sensor or board part carries (sosa:Sensor,
// schema:Sensor, ssn:System, s3n:MicroController, ...): not a sensor kind.
bool is_generic_class(std::string_view class_iri);

// "Camera" for sosa_extend:Camera: the part after the last '/', '#' or ':'.
std::string local_name(std::string_view iri);

}  // namespace tinykg::match
