#include "kg/td/capabilities.h"

#include <algorithm>
#include <map>
#include <set>

#include "kg/td/quantity.h"
#include "kg/vocabulary.h"

namespace tinykg::kg::td {
namespace {

using nlohmann::json;
using rdf::Quad;
using rdf::Term;
namespace v = vocab;

Term tkg(std::string_view local) { return v::term(kTkg, local); }
const Term& rdf_type() {
  static const Term t = Term::iri(std::string(rdf::kRdfType));
  return t;
}

// Semantic annotations of property affordances that reveal the sensor behind
// them (SAREF, iotschema.org, and the sosa_extend classes themselves).
const std::map<std::string, std::string>& annotation_kinds() {
  static const std::map<std::string, std::string> table = [] {
    std::map<std::string, std::string> t;
    const std::pair<std::string_view, std::string_view> saref[] = {
        {"Temperature", "Thermometer"}, {"TemperatureSensor", "Thermometer"}};
    const std::pair<std::string_view, std::string_view> iot[] = {
        {"Temperature", "Thermometer"},      {"TemperatureData", "Thermometer"},
        {"Acceleration", "Accelerometer"},   {"AccelerationData", "Accelerometer"},
        {"AngularVelocity", "Gyroscope"},    {"AngularVelocityData", "Gyroscope"},
        {"MagneticField", "Magnetometer"},   {"MagneticFieldData", "Magnetometer"},
        {"SoundPressure", "Microphone"},     {"SoundData", "Microphone"},
        {"Image", "Camera"},                 {"ImageData", "Camera"}};
    for (auto [k, kind] : saref) t["https://saref.etsi.org/core/" + std::string(k)] = kind;
    for (auto [k, kind] : iot) t["http://iotschema.org/" + std::string(k)] = kind;
    for (const std::string& kind : sensor_kinds()) t[std::string(v::kSosaExtend) + kind] = kind;
    return t;
  }();
  return table;
}

std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += char(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

std::string local_name(std::string_view iri) {
  size_t cut = iri.find_last_of("/#:");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

// The quads of one TD by subject, for walking the extension's nodes.
struct QuadIndex {
  explicit QuadIndex(const std::vector<Quad>& quads) {
    for (const Quad& q : quads) by_subject[key(q.subject)].push_back(&q);
  }
  static std::string key(const Term& t) { return (t.is_blank() ? "_:" : "") + t.value; }
  std::vector<Term> objects(const Term& s, const Term& p) const {
    std::vector<Term> out;
    auto it = by_subject.find(key(s));
    if (it == by_subject.end()) return out;
    for (const Quad* q : it->second) {
      if (q->predicate == p) out.push_back(q->object);
    }
    return out;
  }
  std::optional<Term> object(const Term& s, const Term& p) const {
    auto all = objects(s, p);
    if (all.empty()) return std::nullopt;
    return all.front();
  }
  std::vector<const Quad*> about(const Term& s) const {
    auto it = by_subject.find(key(s));
    return it == by_subject.end() ? std::vector<const Quad*>{} : it->second;
  }
  std::map<std::string, std::vector<const Quad*>> by_subject;
};

// Builds the reference-shape quads for one device.
class CapabilityWriter {
 public:
  explicit CapabilityWriter(const std::string& device)
      : device_(device), board_(Term::iri(device)) {}

  void add(const Term& s, const Term& p, const Term& o) { out_.push_back({s, p, o, {}}); }

  Term sensor(const std::string& kind_iri, std::optional<Term> id) {
    if (!id) {
      // Default name <device>/sensor/<kind>; a second sensor of one kind gets -2, -3…
      std::string base = device_ + "/sensor/" + slug(local_name(kind_iri));
      std::string name = base;
      for (int n = 2; used_.contains(name); ++n) name = base + "-" + std::to_string(n);
      id = Term::iri(name);
    }
    used_.insert(id->value);
    add(board_, v::term(v::kSsn, "hasSubSystem"), *id);
    add(*id, rdf_type(), Term::iri(kind_iri));
    add(*id, rdf_type(), v::term(v::kSosa, "Sensor"));
    kinds_[kind_iri] = *id;
    return *id;
  }
  std::optional<Term> sensor_of_kind(const std::string& kind_iri) const {
    auto it = kinds_.find(kind_iri);
    if (it == kinds_.end()) return std::nullopt;
    return it->second;
  }

  void memory(const Term& capability, std::string_view part, const Term& kb) {
    Term node = Term::iri(device_ + "/mcu/" + std::string(part == "RAM" ? "ram" : "flash"));
    add(capability, v::term(v::kSsnSystem, "hasSystemProperty"), node);
    add(node, rdf_type(), v::term(v::kS3nExtend, part));
    add(node, rdf_type(), v::term(v::kS3n, "Memory"));
    add(node, v::term(v::kSchema, "value"), kb);
    add(node, v::term(v::kSchema, "unitCode"), v::term(v::kOm, "kilobyte"));
  }

  std::vector<Quad> take() { return std::move(out_); }
  const Term& board() const { return board_; }
  const std::string& device() const { return device_; }

 private:
  std::string device_;
  Term board_;
  std::vector<Quad> out_;
  std::set<std::string> used_;
  std::map<std::string, Term> kinds_;
};

Result<Term> quantity(const Term& literal, QuantityKind kind) {
  return normalise_quantity(literal.value, kind);
}

// The raw extension nodes: everything reachable from the device through the
// extension's predicates, to be replaced by the reference shape.
std::set<std::string> extension_nodes(const QuadIndex& index, const Term& board) {
  std::set<std::string> nodes;
  for (std::string_view p : {"hasSensor", "hasMicroController", "supportsRuntime"}) {
    for (const Term& o : index.objects(board, tkg(p))) nodes.insert(QuadIndex::key(o));
  }
  return nodes;
}

// A literal as the JSON value the extension context turns back into it.
json literal_json(const Term& literal) {
  if (literal.effective_datatype() == rdf::xsd::kInteger) {
    try {
      size_t used = 0;
      long long v = std::stoll(literal.value, &used);
      if (used == literal.value.size() && std::to_string(v) == literal.value) return v;
    } catch (const std::exception&) {
    }
  }
  return literal.value;
}

}  // namespace

const std::vector<std::string>& sensor_kinds() {
  static const std::vector<std::string> kinds = {"Accelerometer", "Camera",     "Gyroscope",
                                                 "Magnetometer",  "Microphone", "Thermometer",
                                                 "OtherSensor"};
  return kinds;
}

bool is_sensor_kind(std::string_view kind) {
  return std::find(sensor_kinds().begin(), sensor_kinds().end(), kind) != sensor_kinds().end();
}

Result<std::vector<Quad>> derive_capabilities(const std::vector<Quad>& td_quads,
                                              const std::string& device) {
  const QuadIndex index(td_quads);
  CapabilityWriter w(device);
  const Term& board = w.board();
  const std::set<std::string> raw = extension_nodes(index, board);

  w.add(board, rdf_type(), v::term(v::kS3n, "SmartSensor"));
  w.add(board, rdf_type(), v::term(v::kTd, "Thing"));

  for (const Term& s : index.objects(board, tkg("hasSensor"))) {
    auto kind = index.object(s, tkg("sensorKind"));
    if (!kind || !kind->is_iri()) return fail("a sensor of <{}> has no kind", device);
    Term sensor = w.sensor(kind->value, s.is_iri() ? std::optional<Term>(s) : std::nullopt);
    if (auto part = index.object(s, tkg("partNumber"))) {
      w.add(sensor, tkg("partNumber"), *part);
    }
    if (auto label = index.object(s, v::term(v::kRdfs, "label"))) {
      w.add(sensor, v::term(v::kRdfs, "label"), *label);
    }
    if (auto rate = index.object(s, tkg("samplingRate"))) {
      auto hz = quantity(*rate, QuantityKind::Frequency);
      if (!hz.ok()) return fail("sensor samplingRate: {}", hz.error());
      Term node = Term::iri(sensor.value + "/sampling-rate");
      w.add(sensor, tkg("hasSamplingRate"), node);
      w.add(node, rdf_type(), tkg("SamplingRate"));
      w.add(node, v::term(v::kSchema, "value"), *hz);
      w.add(node, v::term(v::kSchema, "unitCode"), v::term(v::kOm, "hertz"));
    }
  }

  // Property affordances annotated with what they measure imply that sensor.
  for (const Term& affordance : index.objects(board, v::term(v::kTd, "hasPropertyAffordance"))) {
    for (const Term& type : index.objects(affordance, rdf_type())) {
      auto it = annotation_kinds().find(type.value);
      if (it == annotation_kinds().end()) continue;
      const std::string kind_iri = std::string(v::kSosaExtend) + it->second;
      auto sensor = w.sensor_of_kind(kind_iri);
      if (!sensor) sensor = w.sensor(kind_iri, std::nullopt);
      w.add(affordance, v::term(v::kRdfs, "seeAlso"), *sensor);
    }
  }

  if (auto mcu_node = index.object(board, tkg("hasMicroController"))) {
    Term mcu = Term::iri(device + "/mcu");
    Term capability = Term::iri(device + "/mcu/capability");
    w.add(board, v::term(v::kSsn, "hasSubSystem"), mcu);
    w.add(mcu, rdf_type(), v::term(v::kS3n, "MicroController"));
    // Processor facts (core, clock, kernel library) keep their tkg: terms,
    // which the match engine reads for latency estimates.
    for (const Quad* q : index.about(*mcu_node)) {
      const std::string& p = q->predicate.value;
      if (p == tkg("freeRam").value || p == tkg("freeFlash").value) continue;
      w.add(mcu, p == tkg("mcuName").value ? v::term(v::kSchema, "name") : q->predicate,
            q->object);
    }
    w.add(mcu, v::term(v::kS3n, "hasSystemCapability"), capability);
    w.add(capability, rdf_type(), v::term(v::kSsnSystem, "SystemCapability"));
    for (auto [term, part] : {std::pair{"freeRam", "RAM"}, std::pair{"freeFlash", "Flash"}}) {
      auto value = index.object(*mcu_node, tkg(term));
      if (!value) continue;
      auto kb = quantity(*value, QuantityKind::Memory);
      if (!kb.ok()) return fail("mcu {}: {}", term, kb.error());
      w.memory(capability, part, *kb);
    }
  }

  for (const Term& r : index.objects(board, tkg("supportsRuntime"))) {
    auto name = index.object(r, tkg("runtimeName"));
    if (!name) return fail("a runtime of <{}> has no name", device);
    auto version = index.object(r, tkg("runtimeVersion"));
    Term node = Term::iri(device + "/runtime/" + slug(name->value) +
                          (version ? "-" + slug(version->value) : ""));
    w.add(board, tkg("supportsRuntime"), node);
    // What the match engine compares with a model's schema:runtimePlatform.
    w.add(board, v::term(v::kSchema, "runtimePlatform"), *name);
    w.add(node, rdf_type(), tkg("Runtime"));
    w.add(node, v::term(v::kSchema, "name"), *name);
    if (version) w.add(node, v::term(v::kSchema, "softwareVersion"), *version);
  }

  // The TD's own triples, without the raw extension nodes they replace.
  std::vector<Quad> out;
  for (const Quad& q : td_quads) {
    if (raw.contains(QuadIndex::key(q.subject))) continue;
    if (q.subject == board && (q.predicate == tkg("hasSensor") ||
                               q.predicate == tkg("hasMicroController") ||
                               q.predicate == tkg("supportsRuntime"))) {
      continue;
    }
    out.push_back(q);
  }
  for (Quad& q : w.take()) {
    if (std::find(out.begin(), out.end(), q) == out.end()) out.push_back(std::move(q));
  }
  return out;
}

std::vector<Quad> without_capabilities(const std::vector<Quad>& quads,
                                       const std::string& device) {
  const Term board = Term::iri(device);
  const QuadIndex index(quads);
  std::set<std::string> parts;
  std::vector<Term> todo;
  for (std::string_view p : {"hasSubSystem"}) {
    for (const Term& o : index.objects(board, v::term(v::kSsn, p))) todo.push_back(o);
  }
  for (const Term& o : index.objects(board, tkg("supportsRuntime"))) todo.push_back(o);
  while (!todo.empty()) {
    Term node = todo.back();
    todo.pop_back();
    if (!parts.insert(QuadIndex::key(node)).second) continue;
    for (std::string_view p : {"hasSystemCapability"}) {
      for (const Term& o : index.objects(node, v::term(v::kS3n, p))) todo.push_back(o);
    }
    for (const Term& o : index.objects(node, v::term(v::kSsnSystem, "hasSystemProperty"))) {
      todo.push_back(o);
    }
    for (const Term& o : index.objects(node, tkg("hasSamplingRate"))) todo.push_back(o);
  }
  std::vector<Quad> out;
  for (const Quad& q : quads) {
    if (parts.contains(QuadIndex::key(q.subject))) continue;
    if (q.subject == board && (q.predicate == v::term(v::kSsn, "hasSubSystem") ||
                               q.predicate == tkg("supportsRuntime") ||
                               q.predicate == v::term(v::kSchema, "runtimePlatform"))) {
      continue;
    }
    out.push_back(q);
  }
  return out;
}

json capabilities_to_extension(const std::vector<Quad>& quads, const std::string& device) {
  const Term board = Term::iri(device);
  const QuadIndex index(quads);
  json ext = json::object();
  json sensors = json::array();
  for (const Term& part : index.objects(board, v::term(v::kSsn, "hasSubSystem"))) {
    std::vector<Term> types = index.objects(part, rdf_type());
    auto has_type = [&](const Term& t) {
      return std::find(types.begin(), types.end(), t) != types.end();
    };
    if (has_type(v::term(v::kS3n, "MicroController"))) {
      json mcu = json::object();
      if (auto name = index.object(part, v::term(v::kSchema, "name"))) mcu["name"] = name->value;
      for (auto [key, local] : {std::pair{"core", "cpuCore"}, std::pair{"clockMHz",
                                "clockFrequencyMHz"}, std::pair{"kernelLibrary", "kernelLibrary"}}) {
        if (auto value = index.object(part, tkg(local))) mcu[key] = literal_json(*value);
      }
      for (const Term& cap : index.objects(part, v::term(v::kS3n, "hasSystemCapability"))) {
        for (const Term& prop : index.objects(cap, v::term(v::kSsnSystem, "hasSystemProperty"))) {
          auto value = index.object(prop, v::term(v::kSchema, "value"));
          if (!value) continue;
          for (const Term& t : index.objects(prop, rdf_type())) {
            if (t == v::term(v::kS3nExtend, "RAM")) {
              mcu["freeRam"] = quantity_text(*value, QuantityKind::Memory);
            }
            if (t == v::term(v::kS3nExtend, "Flash")) {
              mcu["freeFlash"] = quantity_text(*value, QuantityKind::Memory);
            }
          }
        }
      }
      ext["mcu"] = mcu;
      continue;
    }
    for (const Term& t : types) {
      if (!t.value.starts_with(v::kSosaExtend)) continue;
      std::string kind = t.value.substr(v::kSosaExtend.size());
      json sensor = {{"id", part.value}, {"kind", is_sensor_kind(kind) ? kind : "sosa_extend:" + kind}};
      if (auto p = index.object(part, tkg("partNumber"))) sensor["part"] = p->value;
      if (auto l = index.object(part, v::term(v::kRdfs, "label")); l && l->lang.empty()) {
        sensor["label"] = l->value;
      }
      if (auto rate = index.object(part, tkg("hasSamplingRate"))) {
        if (auto hz = index.object(*rate, v::term(v::kSchema, "value"))) {
          sensor["samplingRate"] = quantity_text(*hz, QuantityKind::Frequency);
        }
      }
      sensors.push_back(sensor);
      break;
    }
  }
  if (!sensors.empty()) ext["sensors"] = sensors;
  json runtimes = json::array();
  for (const Term& r : index.objects(board, tkg("supportsRuntime"))) {
    json runtime = json::object();
    if (auto n = index.object(r, v::term(v::kSchema, "name"))) runtime["name"] = n->value;
    if (auto ver = index.object(r, v::term(v::kSchema, "softwareVersion"))) {
      runtime["version"] = ver->value;
    }
    if (!runtime.empty()) runtimes.push_back(runtime);
  }
  for (const Term& platform : index.objects(board, v::term(v::kSchema, "runtimePlatform"))) {
    bool listed = std::any_of(runtimes.begin(), runtimes.end(), [&](const json& r) {
      return r.value("name", "") == platform.value;
    });
    if (!listed) runtimes.push_back({{"name", platform.value}});
  }
  if (!runtimes.empty()) ext["runtimes"] = runtimes;
  return ext;
}

}  // namespace tinykg::kg::td
