// Similar models: the models of the zoo closest to a given one by task,
// input, operator mix and cost, so that a user can swap a model that does not
// fit a board for one that does ("tinykg match similar MODEL --fits BOARD").
//
// The distance between models a and b is a weighted mean of four parts, each
// in [0, 1] (docs/match.md):
//   task      (weight 3)  0.8 x [categories differ] + 0.2 x [training data sets differ]
//   input     (weight 2)  Jaccard distance of the sensor kinds feeding the input
//   operators (weight 1)  L1 distance of the per-class MAC shares / 2
//                         (convolution, depthwise, fully connected, other)
//   cost      (weight 2)  mean over MACs, RAM and Flash of min(1, |log10(a/b)| / 2):
//                         0 for equal figures, 1 for 100x apart; 0.5 where not known
// A fact either model does not state counts as half different (0.5).
// score = 1 - distance: 1 for identical descriptions, 0 for nothing in common.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "match/descriptions.h"

namespace tinykg::match {

struct Similarity {
  double score = 0;  // 1 - distance
  // The part distances, in the order task, input, operators, cost.
  std::array<double, 4> parts{};
};

Similarity similarity(const ModelEntry& a, const ModelEntry& b);

struct SimilarModel {
  const ModelEntry* model = nullptr;
  Similarity similarity;
};

// Every other model of `zoo` (not `model` itself: same IRI), most similar
// first, ties by name.
std::vector<SimilarModel> similar_models(const ModelEntry& model,
                                         const std::vector<ModelEntry>& zoo);

}  // namespace tinykg::match
