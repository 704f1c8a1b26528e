#include "match/descriptions.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "kg/vocabulary.h"

namespace tinykg::match {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool SensorSet::contains(std::string_view kind) const {
  return std::binary_search(kinds.begin(), kinds.end(), kind);
}

void SensorSet::add(std::string kind) {
  auto at = std::lower_bound(kinds.begin(), kinds.end(), kind);
  if (at == kinds.end() || *at != kind) kinds.insert(at, std::move(kind));
}

std::string ModelRequirements::label() const {
  if (!name.empty()) return name;
  if (!identifier.empty()) return identifier;
  return iri.empty() ? std::string("ad-hoc model") : iri;
}

std::string DeviceCapabilities::label() const {
  if (!title.empty()) return title;
  return iri.empty() ? std::string("ad-hoc board") : iri;
}

std::string local_name(std::string_view iri) {
  size_t cut = iri.find_last_of("/#:");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

std::string sensor_kind_iri(std::string_view name) {
  if (name.find("://") != std::string_view::npos) return std::string(name);
  constexpr std::string_view kPrefix = "sosa_extend:";
  if (name.substr(0, kPrefix.size()) == kPrefix) name.remove_prefix(kPrefix.size());
  // The kinds of the reference graph and the synthetic fleet.
  static constexpr std::array<std::string_view, 12> kKnown = {
      "Accelerometer", "Gyroscope",   "Magnetometer", "Microphone",
      "Camera",        "Thermometer", "Hygrometer",   "Barometer",
      "LightSensor",   "OtherSensor", "ProximitySensor", "GasSensor"};
  for (std::string_view known : kKnown) {
    if (iequals(known, name)) return std::string(kg::vocab::kSosaExtend) + std::string(known);
  }
  std::string spelled(name);
  if (!spelled.empty()) spelled[0] = static_cast<char>(std::toupper(spelled[0]));
  return std::string(kg::vocab::kSosaExtend) + spelled;
}

bool is_generic_class(std::string_view class_iri) {
  using namespace kg::vocab;
  struct Generic {
    std::string_view ns, local;
  };
  static constexpr std::array<Generic, 10> kGeneric = {{
      {kSosa, "Sensor"}, {kSchema, "Sensor"}, {kSsn, "System"}, {kSsn, "Sensor"},
      {kS3n, "MicroController"}, {kS3n, "SmartSensor"}, {kS3n, "Memory"},
      {kOwl, "Thing"}, {kTd, "Thing"}, {kSosa, "Platform"},
  }};
  for (const Generic& g : kGeneric) {
    if (class_iri.size() == g.ns.size() + g.local.size() &&
        class_iri.substr(0, g.ns.size()) == g.ns && class_iri.substr(g.ns.size()) == g.local) {
      return true;
    }
  }
  return false;
}

}  // namespace tinykg::match
