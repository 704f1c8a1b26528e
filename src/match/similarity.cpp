#include "match/similarity.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace tinykg::match {

namespace {

constexpr double kTaskWeight = 3, kInputWeight = 2, kOperatorWeight = 1, kCostWeight = 2;
constexpr double kUnknown = 0.5;  // a part that cannot be compared counts as half different

bool same_text(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

double task_distance(const ModelFacts& a, const ModelFacts& b) {
  double category = a.category.empty() || b.category.empty() ? kUnknown
                    : same_text(a.category, b.category)     ? 0.0
                                                            : 1.0;
  double dataset = a.dataset.empty() || b.dataset.empty() ? kUnknown
                   : same_text(a.dataset, b.dataset)      ? 0.0
                                                          : 1.0;
  return 0.8 * category + 0.2 * dataset;
}

double input_distance(const ModelRequirements& a, const ModelRequirements& b) {
  if (a.sensor_kinds.empty() && b.sensor_kinds.empty()) return kUnknown;
  size_t common = 0;
  for (const auto& k : a.sensor_kinds) {
    common += std::count(b.sensor_kinds.begin(), b.sensor_kinds.end(), k) > 0;
  }
  size_t together = a.sensor_kinds.size() + b.sensor_kinds.size() - common;
  return 1.0 - static_cast<double>(common) / static_cast<double>(together);
}

double operator_distance(const Workload& a, const Workload& b) {
  if (a.total_macs() <= 0 || b.total_macs() <= 0) return kUnknown;
  auto ma = a.mix(), mb = b.mix();
  double l1 = 0;
  for (size_t c = 0; c < kOpClassCount; ++c) l1 += std::abs(ma[c] - mb[c]);
  return l1 / 2;
}

// 0 for equal figures, 1 for a factor of 100 or more; kUnknown without both.
double ratio_distance(std::optional<double> a, std::optional<double> b) {
  if (!a || !b || *a < 0 || *b < 0) return kUnknown;
  // A floor keeps zero figures (no MACs) comparable without dividing by zero.
  constexpr double kFloor = 1e-3;
  return std::min(1.0, std::abs(std::log10(std::max(*a, kFloor) / std::max(*b, kFloor))) / 2);
}

std::optional<double> kb(const MemoryFigure& f) {
  return f.known() ? std::optional<double>(f.kilobytes) : std::nullopt;
}

double cost_distance(const ModelEntry& a, const ModelEntry& b) {
  return (ratio_distance(a.facts.macs, b.facts.macs) +
          ratio_distance(kb(a.requirements.ram), kb(b.requirements.ram)) +
          ratio_distance(kb(a.requirements.flash), kb(b.requirements.flash))) / 3;
}

}  // namespace

Similarity similarity(const ModelEntry& a, const ModelEntry& b) {
  Similarity s;
  s.parts = {task_distance(a.facts, b.facts), input_distance(a.requirements, b.requirements),
             operator_distance(a.facts.workload, b.facts.workload), cost_distance(a, b)};
  constexpr std::array<double, 4> kWeights = {kTaskWeight, kInputWeight, kOperatorWeight,
                                              kCostWeight};
  double distance = 0, total = 0;
  for (size_t i = 0; i < s.parts.size(); ++i) {
    distance += kWeights[i] * s.parts[i];
    total += kWeights[i];
  }
  s.score = 1.0 - distance / total;
  return s;
}

std::vector<SimilarModel> similar_models(const ModelEntry& model,
                                         const std::vector<ModelEntry>& zoo) {
  std::vector<SimilarModel> out;
  for (const ModelEntry& m : zoo) {
    if (m.requirements.iri == model.requirements.iri) continue;
    out.push_back({&m, similarity(model, m)});
  }
  std::stable_sort(out.begin(), out.end(), [](const SimilarModel& a, const SimilarModel& b) {
    if (a.similarity.score != b.similarity.score) return a.similarity.score > b.similarity.score;
    return a.model->requirements.label() < b.model->requirements.label();
  });
  return out;
}

}  // namespace tinykg::match
