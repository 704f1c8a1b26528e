// Matcher: the match engine's facade. Answers the three case-study questions
// and their fleet-wide forms over any SparqlSource:
//
//   devices_for_model / devices_for      which boards can run this model?
//   models_for_device / models_for       which models fit this board?
//   fit_matrix, fit_counts               every model against every board
//   rank                                 best models for a task
//
// The whole fleet (every s3n:SmartSensor) and the whole zoo (every
// nnet:NeuralNetwork) are read once, on first use, with a fixed number of
// template queries, and kept: the fleet as a FleetIndex of equivalence
// classes. A Matcher therefore answers from the graph as it was when it first
// needed it; make a new one (or call reload()) after the graph changes.
// The one model or board named by an id is always read fresh.
//
// Pointers in the results point into the Matcher's fleet and zoo (or into
// the ad-hoc description passed in) and live as long as the Matcher.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "match/descriptions.h"
#include "match/fit.h"
#include "match/fleet_index.h"
#include "match/ranking.h"
#include "match/similarity.h"
#include "match/sparql_source.h"

namespace tinykg::match {

struct MatchOptions {
  enum class Include { Fits, FitsAndUnknown, All };
  Include include = Include::Fits;
  bool explain = false;  // fill `explanation` (reasons with numbers) of each result
};

struct DeviceMatch {
  const DeviceCapabilities* device = nullptr;
  FitVerdict verdict = FitVerdict::Fits;
  FitResult explanation;  // only with MatchOptions::explain
};

struct ModelMatch {
  const ModelEntry* model = nullptr;
  FitVerdict verdict = FitVerdict::Fits;
  FitResult explanation;
};

struct FitMatrix {
  std::vector<const ModelEntry*> models;
  std::vector<const DeviceCapabilities*> devices;
  std::vector<FitVerdict> cells;  // row-major: models × devices
  FitVerdict at(size_t model, size_t device) const { return cells[model * devices.size() + device]; }
};

struct ModelFitCount {
  const ModelEntry* model = nullptr;
  FitCount count;
};

class Matcher {
 public:
  explicit Matcher(const SparqlSource& source) : source_(source) {}

  // One model / board, read fresh from the graph; ids as in graph_reader.h.
  Result<ModelEntry> model(std::string_view id) const;
  Result<DeviceCapabilities> device(std::string_view id) const;

  // The model / board named by `id` as the loaded zoo / fleet hold it, with
  // no query (null when not loaded). They equal model() / device() while the
  // graph is as it was when loaded; the server checks the store's version.
  Result<const ModelEntry*> loaded_model(std::string_view id) const;
  Result<const DeviceCapabilities*> loaded_device(std::string_view id) const;

  // Boards for a stored model, or for ad-hoc requirements (case study 1).
  // Sorted by board IRI.
  Result<std::vector<DeviceMatch>> devices_for_model(std::string_view model_id,
                                                     const MatchOptions& options = {});
  Result<std::vector<DeviceMatch>> devices_for(const ModelRequirements& requirements,
                                               const MatchOptions& options = {});

  // Models for a stored board, or for ad-hoc capabilities (case study 2).
  // Largest MAC count first (the reference's order), then by name.
  Result<std::vector<ModelMatch>> models_for_device(std::string_view device_id,
                                                    const MatchOptions& options = {});
  Result<std::vector<ModelMatch>> models_for(const DeviceCapabilities& capabilities,
                                             const MatchOptions& options = {});

  // Every model (by name) against every board (by IRI). Refuses more than `max_cells` cells
  // (use fit_counts for fleets).
  Result<FitMatrix> fit_matrix(size_t max_cells = 1'000'000);
  // Per model (zoo order): how many boards it fits / may fit / does not fit.
  Result<std::vector<ModelFitCount>> fit_counts();

  // Models for a task (case study 3), ranked; with `must_fit`, only the models
  // that fit that board. Latency and energy are estimated on `must_fit`, or
  // without a board on the calibration platform (reference_platform()).
  Result<std::vector<RankedModel>> rank(const TaskFilter& filter, RankOrder order,
                                        const DeviceCapabilities* must_fit = nullptr);

  // The zoo's models most similar to `model` (match/similarity.h); with
  // `must_fit`, only those that fit that board.
  Result<std::vector<SimilarModel>> similar(const ModelEntry& model,
                                            const DeviceCapabilities* must_fit = nullptr);

  // The fleet and the zoo, read on first use.
  Result<const FleetIndex*> fleet();
  Result<const std::vector<ModelEntry>*> zoo();
  void reload() { fleet_.reset(); zoo_.reset(); }

  // A Matcher over another source that shares this one's fleet and zoo as
  // read so far. The server reads them once and answers each request on its
  // own snapshot; once both are read, sharing Matchers may run concurrently
  // (nothing shared is written again).
  Matcher with_source(const SparqlSource& source) const;

 private:
  const SparqlSource& source_;
  std::shared_ptr<const FleetIndex> fleet_;
  std::shared_ptr<const std::vector<ModelEntry>> zoo_;
};

}  // namespace tinykg::match
