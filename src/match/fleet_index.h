// FleetIndex: the boards of a fleet grouped so that one model is checked
// against a few thousand equivalence classes instead of every board.
//
// Two boards with the same sensor kinds, runtimes (and TFLite Micro
// versions), RAM and Flash get the same verdict for every model, so they form
// one DeviceClass. Classes with the same sensors and runtimes form a
// SensorGroup: the sensor, runtime and kernel check
// runs once per group, the two memory comparisons once per class. On the
// 100k-board synthetic fleet (9 sensor kinds, 9 RAM and 6 Flash sizes) that is
// ~380 groups and ~19k classes, so a model costs microseconds and the fit
// counts of 10k models a fraction of a second.
//
// The verdicts agree with judge()/evaluate() in match/fit.h (checked by
// tests/match/property_test.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "match/descriptions.h"
#include "match/fit.h"

namespace tinykg::match {

struct FitCount {
  uint64_t fits = 0;
  uint64_t unknown = 0;
  uint64_t does_not_fit = 0;
  friend bool operator==(const FitCount&, const FitCount&) = default;
};

class FleetIndex {
 public:
  explicit FleetIndex(std::vector<DeviceCapabilities> devices);

  const std::vector<DeviceCapabilities>& devices() const { return devices_; }
  size_t class_count() const { return classes_.size(); }
  size_t group_count() const { return groups_.size(); }

  // The verdict for every board, aligned with devices().
  std::vector<FitVerdict> verdicts(const ModelRequirements& model) const;
  // How many boards the model fits, may fit (unknown) and does not fit.
  FitCount count(const ModelRequirements& model) const;

 private:
  // A set of interned ids (sensor kinds or runtimes) as a bitset.
  struct IdSet {
    std::vector<uint64_t> words;
    void set(uint32_t id);
    bool test(uint32_t id) const;
    bool covers(const IdSet& other) const;  // other ⊆ *this
    bool empty() const;
    friend bool operator==(const IdSet&, const IdSet&) = default;
  };
  struct SensorGroup {
    IdSet sensors, runtimes;
    bool sensors_any = false, has_runtimes = false;
    uint8_t tflm_versions = 0;  // bit per model::Runtime the board names
    std::vector<uint32_t> classes;
    uint64_t devices = 0;  // boards in all its classes
  };
  struct DeviceClass {
    MemoryFigure ram, flash;  // without problem texts: only state and value matter
    uint32_t group = 0;
    uint64_t devices = 0;
  };
  // A model's requirements in interned form.
  struct Needs {
    IdSet sensors;
    bool unknown_sensor = false;  // a kind no board has
    bool refused_always = false;  // unsupported operators
    bool has_runtime = false;
    uint32_t runtime = UINT32_MAX;  // UINT32_MAX: no board offers it
    bool has_operators = false;     // its layers state operator codes
    uint8_t complete_versions = 0;  // bit per model::Runtime with every kernel it needs
    const ModelRequirements* model = nullptr;
  };

  Needs needs_of(const ModelRequirements& model) const;
  // Outcome of sensors + runtime + operators for one group.
  FitReason::Outcome group_outcome(const Needs& needs, const SensorGroup& group) const;
  // Calls visit(class, verdict) for each class of a group the model is not
  // refused by outright, and refused_group(group) for each other group: most
  // groups lack a sensor the model needs, so their classes are never visited.
  template <typename Visit, typename Refused>
  void each_class(const ModelRequirements& model, Visit&& visit, Refused&& refused_group) const;

  std::vector<DeviceCapabilities> devices_;
  std::vector<uint32_t> class_of_;  // per device
  std::vector<DeviceClass> classes_;
  std::vector<SensorGroup> groups_;
  std::unordered_map<std::string, uint32_t> sensor_ids_, runtime_ids_;
  bool any_tflm_version_ = false;  // some board names a TFLite Micro version
};

}  // namespace tinykg::match
