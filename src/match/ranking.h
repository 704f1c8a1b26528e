// Ranking the models of the zoo for a task (case study 3): keep the models
// whose model-card facts match every given part of the TaskFilter, then order
// them by a user-chosen figure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "match/descriptions.h"
#include "match/hardware.h"

namespace tinykg::match {

// Every non-empty part must match; text comparisons ignore case.
struct TaskFilter {
  std::string category;      // equals the category's local name ("Classification", "keyword_spotting")
  std::string dataset;       // substring of the training data set IRI or text
  std::string sensor;        // a sensor kind feeding the model (sensor_kind_iri spelling rules)
  std::vector<std::string> keywords;  // each a substring of the description
  bool empty() const {
    return category.empty() && dataset.empty() && sensor.empty() && keywords.empty();
  }
};

// Accuracy ranks best first; MACs, RAM, Flash, latency and energy smallest
// first. Latency and energy are estimated on a board (match/latency.h).
enum class RankOrder { Accuracy, Macs, Ram, Flash, Latency, Energy };
// "accuracy", "macs", "ram", "flash", "latency", "energy"
Result<RankOrder> parse_rank_order(std::string_view name);
std::string_view to_string(RankOrder order);

struct RankedModel {
  const ModelEntry* model = nullptr;
  // The ordering figure; models without it come last, in name order (a
  // missing accuracy is "not reported", not zero).
  std::optional<double> key;
};

bool matches(const ModelEntry& model, const TaskFilter& filter);
// The matching models of `zoo`, ranked. Pointers point into `zoo`. Latency
// and energy are estimated on `hardware` (models without an estimate last).
std::vector<RankedModel> rank(const std::vector<ModelEntry>& zoo, const TaskFilter& filter,
                              RankOrder order, const BoardHardware& hardware = {});

}  // namespace tinykg::match
