#include "match/fleet_index.h"

#include <cstring>

namespace tinykg::match {

namespace {

using Outcome = FitReason::Outcome;

uint32_t intern(std::unordered_map<std::string, uint32_t>& ids, const std::string& key) {
  auto [at, added] = ids.emplace(key, static_cast<uint32_t>(ids.size()));
  return at->second;
}

// Byte key of a value for the class maps.
template <typename T>
void append_raw(std::string& key, const T& v) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  key.append(bytes, sizeof(T));
}

void append_figure(std::string& key, const MemoryFigure& f) {
  append_raw(key, static_cast<int>(f.state));
  append_raw(key, f.state == MemoryFigure::State::Value ? f.kilobytes : 0.0);
}

uint8_t version_bit(model::Runtime v) { return static_cast<uint8_t>(1u << static_cast<unsigned>(v)); }

Outcome worse(Outcome a, Outcome b) { return a > b ? a : b; }  // Satisfied < Unknown < Refused

FitVerdict verdict_of(Outcome o) {
  return o == Outcome::Refused   ? FitVerdict::DoesNotFit
         : o == Outcome::Unknown ? FitVerdict::Unknown
                                 : FitVerdict::Fits;
}

}  // namespace

void FleetIndex::IdSet::set(uint32_t id) {
  if (words.size() <= id / 64) words.resize(id / 64 + 1, 0);
  words[id / 64] |= uint64_t{1} << (id % 64);
}

bool FleetIndex::IdSet::test(uint32_t id) const {
  return id / 64 < words.size() && (words[id / 64] >> (id % 64) & 1);
}

bool FleetIndex::IdSet::covers(const IdSet& other) const {
  for (size_t i = 0; i < other.words.size(); ++i) {
    uint64_t mine = i < words.size() ? words[i] : 0;
    if (other.words[i] & ~mine) return false;
  }
  return true;
}

bool FleetIndex::IdSet::empty() const {
  for (uint64_t w : words) {
    if (w) return false;
  }
  return true;
}

FleetIndex::FleetIndex(std::vector<DeviceCapabilities> devices) : devices_(std::move(devices)) {
  std::unordered_map<std::string, uint32_t> group_ids, class_ids;
  class_of_.reserve(devices_.size());
  std::string key;
  for (const DeviceCapabilities& d : devices_) {
    SensorGroup group;
    group.sensors_any = d.sensors.any;
    for (const std::string& kind : d.sensors.kinds) group.sensors.set(intern(sensor_ids_, kind));
    group.has_runtimes = !d.runtimes.empty();
    for (const std::string& r : d.runtimes) group.runtimes.set(intern(runtime_ids_, runtime_key(r)));
    for (model::Runtime v : tflm_versions(d.runtimes)) group.tflm_versions |= version_bit(v);
    any_tflm_version_ |= group.tflm_versions != 0;

    key.clear();
    append_raw(key, group.sensors_any);
    append_raw(key, group.has_runtimes);
    append_raw(key, group.tflm_versions);
    append_raw(key, group.sensors.words.size());
    for (uint64_t w : group.sensors.words) append_raw(key, w);
    for (uint64_t w : group.runtimes.words) append_raw(key, w);
    auto [g, new_group] = group_ids.emplace(key, static_cast<uint32_t>(groups_.size()));
    if (new_group) groups_.push_back(std::move(group));

    key.clear();
    append_raw(key, g->second);
    append_figure(key, d.ram);
    append_figure(key, d.flash);
    auto [c, new_class] = class_ids.emplace(key, static_cast<uint32_t>(classes_.size()));
    if (new_class) {
      DeviceClass cls;
      cls.ram = {d.ram.state, d.ram.kilobytes, {}};
      cls.flash = {d.flash.state, d.flash.kilobytes, {}};
      cls.group = g->second;
      classes_.push_back(std::move(cls));
      groups_[g->second].classes.push_back(c->second);
    }
    classes_[c->second].devices += 1;
    groups_[g->second].devices += 1;
    class_of_.push_back(c->second);
  }
}

FleetIndex::Needs FleetIndex::needs_of(const ModelRequirements& model) const {
  Needs needs;
  needs.model = &model;
  for (const std::string& kind : model.sensor_kinds) {
    auto at = sensor_ids_.find(kind);
    if (at == sensor_ids_.end()) {
      needs.unknown_sensor = true;
    } else {
      needs.sensors.set(at->second);
    }
  }
  needs.refused_always = !model.unsupported_operators.empty();
  needs.has_runtime = !model.runtime.empty();
  if (needs.has_runtime) {
    auto at = runtime_ids_.find(runtime_key(model.runtime));
    if (at != runtime_ids_.end()) needs.runtime = at->second;
  }
  // Only boards that name a TFLite Micro version check kernels; most fleets have none.
  needs.has_operators = any_tflm_version_ && !model.operator_codes.empty();
  if (needs.has_operators) {
    for (model::Runtime v : {model::Runtime::kTflm24, model::Runtime::kTflmCurrent}) {
      if (missing_kernels(model, v).empty()) needs.complete_versions |= version_bit(v);
    }
  }
  return needs;
}

FitReason::Outcome FleetIndex::group_outcome(const Needs& needs, const SensorGroup& g) const {
  Outcome outcome = needs.refused_always ? Outcome::Refused : Outcome::Satisfied;
  if (needs.has_runtime && g.has_runtimes &&
      (needs.runtime == UINT32_MAX || !g.runtimes.test(needs.runtime))) {
    outcome = Outcome::Refused;
  }
  if (needs.has_operators && g.tflm_versions && !(g.tflm_versions & needs.complete_versions)) {
    outcome = Outcome::Refused;
  }
  bool needs_sensors = needs.unknown_sensor || !needs.sensors.empty();
  if (needs_sensors && !g.sensors_any) {
    if (g.sensors.empty()) {
      outcome = worse(outcome, Outcome::Unknown);  // the board lists no sensor
    } else if (needs.unknown_sensor || !g.sensors.covers(needs.sensors)) {
      outcome = Outcome::Refused;
    }
  }
  return outcome;
}

template <typename Visit, typename Refused>
void FleetIndex::each_class(const ModelRequirements& model, Visit&& visit,
                            Refused&& refused_group) const {
  Needs needs = needs_of(model);
  for (const SensorGroup& g : groups_) {
    Outcome group = group_outcome(needs, g);
    if (group == Outcome::Refused) {
      refused_group(g);
      continue;
    }
    for (uint32_t c : g.classes) {
      const DeviceClass& cls = classes_[c];
      Outcome o = worse(group, memory_outcome(model.ram, cls.ram));
      o = worse(o, memory_outcome(model.flash, cls.flash));
      visit(c, cls, verdict_of(o));
    }
  }
}

std::vector<FitVerdict> FleetIndex::verdicts(const ModelRequirements& model) const {
  // Classes of refused groups keep the default.
  std::vector<FitVerdict> per_class(classes_.size(), FitVerdict::DoesNotFit);
  each_class(
      model, [&](uint32_t c, const DeviceClass&, FitVerdict v) { per_class[c] = v; },
      [](const SensorGroup&) {});
  std::vector<FitVerdict> out;
  out.reserve(devices_.size());
  for (uint32_t c : class_of_) out.push_back(per_class[c]);
  return out;
}

FitCount FleetIndex::count(const ModelRequirements& model) const {
  FitCount count;
  each_class(
      model,
      [&](uint32_t, const DeviceClass& cls, FitVerdict v) {
        switch (v) {
          case FitVerdict::Fits: count.fits += cls.devices; break;
          case FitVerdict::Unknown: count.unknown += cls.devices; break;
          case FitVerdict::DoesNotFit: count.does_not_fit += cls.devices; break;
        }
      },
      [&](const SensorGroup& g) { count.does_not_fit += g.devices; });
  return count;
}

}  // namespace tinykg::match
