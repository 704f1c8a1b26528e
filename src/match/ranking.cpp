#include "match/ranking.h"

#include <algorithm>
#include <cctype>

namespace tinykg::match {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
  return lower(haystack).find(lower(needle)) != std::string::npos;
}

std::optional<double> key_of(const ModelEntry& m, RankOrder order, const BoardHardware& hw) {
  const MemoryFigure* figure = nullptr;
  switch (order) {
    case RankOrder::Latency:
    case RankOrder::Energy: {
      auto e = estimate(m.facts.workload, hw);
      if (!e) return std::nullopt;
      return order == RankOrder::Latency ? e->latency_ms : e->energy_mj;
    }
    case RankOrder::Accuracy: return m.facts.accuracy;
    case RankOrder::Macs: return m.facts.macs;
    case RankOrder::Ram: figure = &m.requirements.ram; break;
    case RankOrder::Flash: figure = &m.requirements.flash; break;
  }
  if (figure && figure->known()) return figure->kilobytes;
  return std::nullopt;
}

}  // namespace

Result<RankOrder> parse_rank_order(std::string_view name) {
  std::string n = lower(name);
  if (n == "accuracy") return RankOrder::Accuracy;
  if (n == "macs") return RankOrder::Macs;
  if (n == "ram") return RankOrder::Ram;
  if (n == "flash") return RankOrder::Flash;
  if (n == "latency") return RankOrder::Latency;
  if (n == "energy") return RankOrder::Energy;
  return fail("cannot rank by '{}': use accuracy, macs, ram, flash, latency or energy", name);
}

std::string_view to_string(RankOrder order) {
  switch (order) {
    case RankOrder::Accuracy: return "accuracy";
    case RankOrder::Macs: return "macs";
    case RankOrder::Ram: return "ram";
    case RankOrder::Flash: return "flash";
    case RankOrder::Latency: return "latency";
    case RankOrder::Energy: return "energy";
  }
  return "?";
}

bool matches(const ModelEntry& m, const TaskFilter& f) {
  if (!f.category.empty() && lower(m.facts.category) != lower(f.category)) return false;
  if (!f.dataset.empty() && !contains_ignoring_case(m.facts.dataset, f.dataset)) return false;
  if (!f.sensor.empty()) {
    const auto& kinds = m.requirements.sensor_kinds;
    if (std::find(kinds.begin(), kinds.end(), sensor_kind_iri(f.sensor)) == kinds.end()) {
      return false;
    }
  }
  for (const std::string& word : f.keywords) {
    if (!contains_ignoring_case(m.facts.description, word)) return false;
  }
  return true;
}

std::vector<RankedModel> rank(const std::vector<ModelEntry>& zoo, const TaskFilter& filter,
                              RankOrder order, const BoardHardware& hardware) {
  std::vector<RankedModel> out;
  for (const ModelEntry& m : zoo) {
    if (matches(m, filter)) out.push_back({&m, key_of(m, order, hardware)});
  }
  bool best_is_high = order == RankOrder::Accuracy;
  std::stable_sort(out.begin(), out.end(), [&](const RankedModel& a, const RankedModel& b) {
    if (a.key.has_value() != b.key.has_value()) return a.key.has_value();
    if (a.key && *a.key != *b.key) return best_is_high ? *a.key > *b.key : *a.key < *b.key;
    return a.model->requirements.label() < b.model->requirements.label();
  });
  return out;
}

}  // namespace tinykg::match
