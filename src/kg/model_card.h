// ModelCard: the hand-entered facts about a model that cannot be derived from
// its .tflite file (what it does, how good it is, which sensor feeds it, who
// made it). One JSON file per model, e.g. data/reference/cards/<name>.json:
//
//   { "name": "Micro_Speech_Yes_No_1",
//     "identifier": "02ed1b17-de4f-4239-8812-392917a954dc",
//     "description": "...", "category": "Classification",
//     "metric": {"type": "Top_1_accuracy", "value": 0.921},
//     "dataset": "http://download.tensorflow.org/data/speech_commands_v0.02.tar.gz",
//     "input": {"info": "...", "sensors": [{"type": "Microphone", "info": "..."}]},
//     "output": {"info": "..."},
//     "creator": "Google", "date_created": "2021-12-12",
//     "citation": "https://...", "code_repository": "https://...",
//     "runtime_platform": "TFLite Micro",
//     "tags": ["production"], "source": "https://...", "training_run": "run-42",
//     "parent": "<identifier of the model this one was derived from>" }
//
// Only name and identifier are required; every other field may be absent or
// null. Accuracies are fractions 0..1 (the reference graph stores percent).
// Unknown fields are rejected so that a typo ("catgory") does not silently
// drop a fact. Read by the CLI's model import; mapped to RDF by
// kg/model_mapping.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace tinykg::kg {

struct SensorCard {
  // sosa_extend class local names ("Microphone"); JSON "type" is a string or
  // an array of strings for a part that is several sensors at once.
  std::vector<std::string> types;
  std::string info;  // sosa_extend:hasSensorInfo; empty = unknown
  friend bool operator==(const SensorCard&, const SensorCard&) = default;
};

struct InputCard {
  std::string info;  // nnet:hasInputInfo; empty = unknown
  std::vector<SensorCard> sensors;
  friend bool operator==(const InputCard&, const InputCard&) = default;
};

struct OutputCard {
  std::string info;  // nnet:hasOutputInfo; empty = unknown
  friend bool operator==(const OutputCard&, const OutputCard&) = default;
};

struct MetricCard {
  std::string type;             // nnet class local name: "Top_1_accuracy", "Other_metric"
  std::optional<double> value;  // accuracies: fraction 0..1; nullopt = not reported
  friend bool operator==(const MetricCard&, const MetricCard&) = default;
};

// Empty strings mean "unknown" throughout: the mapping emits no triple.
struct ModelCard {
  std::string name;        // schema:name; by convention the .tflite file stem
  std::string identifier;  // schema:identifier: lower-case UUID, names the model IRI
  std::string description;
  std::string category;    // nnet local name: "Classification", "Unsupervised", ...
  std::optional<MetricCard> metric;
  std::string dataset;     // nnet:trainingDataset IRI
  InputCard input;
  OutputCard output;
  std::string creator;
  std::string date_created;  // YYYY-MM-DD
  std::string citation;         // IRI
  std::string code_repository;  // IRI
  std::string runtime_platform;
  // Labels and lineage (docs/server.md, "Model versions"): free labels such
  // as "production" (is_model_tag), where the model came from (IRI), the
  // training run that produced it, and the identifier of its parent model.
  std::vector<std::string> tags;
  std::string source;        // IRI
  std::string training_run;
  std::string parent;        // UUID of another model
  friend bool operator==(const ModelCard&, const ModelCard&) = default;
};

// True for metric kinds whose value is a fraction 0..1 (Top_1_accuracy,
// Top_5_accuracy).
bool is_accuracy_metric(std::string_view metric_type);

// Tags are 1..64 characters of letters, digits, '.', '_' and '-', so they
// read the same in URLs, CLI arguments and SPARQL literals.
bool is_model_tag(std::string_view tag);

// Reads and checks a card file. Errors are one line: "card PATH: ...".
Result<ModelCard> read_model_card(const std::string& path);

// Parses and checks card JSON; source_name names the card in errors.
Result<ModelCard> parse_model_card(std::string_view json, std::string_view source_name);

// The checks parse_model_card applies, for cards built in code: required
// fields, UUID syntax, IRIs, dates, local names, accuracy range.
Status validate_model_card(const ModelCard& card, std::string_view source_name);

// The card as JSON in the file format above (absent facts as null), such that
// parse_model_card(model_card_to_json(c)) == c for a valid card.
std::string model_card_to_json(const ModelCard& card);

}  // namespace tinykg::kg
