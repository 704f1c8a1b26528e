#include "match/graph_reader.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "kg/vocabulary.h"

namespace tinykg::match {

namespace {

using sparql::ResultTable;
using templates::Scope;
namespace vocab = kg::vocab;

// The column of `var` in a table (npos when absent).
size_t column(const ResultTable& t, std::string_view var) {
  auto at = std::find(t.variables.begin(), t.variables.end(), var);
  return at == t.variables.end() ? std::string::npos : size_t(at - t.variables.begin());
}

// Terms of query results -> V, looked up without building a key per row
// (the bulk reads look up about a million cells on a 100k-board fleet).
// IRIs and blank nodes of the same spelling stay apart.
template <typename V>
class TermMap {
 public:
  void emplace(const rdf::Term& t, V v) { map(t).emplace(t.value, std::move(v)); }
  const V* find(const rdf::Term& t) const {
    const Map& m = t.is_blank() ? blanks_ : others_;
    auto at = m.find(std::string_view(t.value));
    return at == m.end() ? nullptr : &at->second;
  }
  bool contains(const rdf::Term& t) const { return find(t) != nullptr; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;
  Map& map(const rdf::Term& t) { return t.is_blank() ? blanks_ : others_; }
  Map blanks_, others_;
};

std::string iri_of(std::string_view ns, std::string_view local) {
  return std::string(ns) + std::string(local);
}

// Keeps the smaller (board) or larger (model) of two stated figures.
void merge_figure(MemoryFigure& into, MemoryFigure next, bool keep_larger) {
  if (into.state != MemoryFigure::State::Value) {
    if (next.state == MemoryFigure::State::Value || into.state == MemoryFigure::State::NotStated) {
      into = std::move(next);
    }
    return;
  }
  if (next.state != MemoryFigure::State::Value) return;
  into.kilobytes = keep_larger ? std::max(into.kilobytes, next.kilobytes)
                               : std::min(into.kilobytes, next.kilobytes);
}

// One streamed result row: its terms by variable name (null: unbound).
class Cells {
 public:
  Cells(const std::vector<std::string>& variables, std::span<const rdf::Term* const> terms)
      : variables_(variables), terms_(terms) {}
  const rdf::Term* operator[](std::string_view var) const {
    auto at = std::find(variables_.begin(), variables_.end(), var);
    return at == variables_.end() ? nullptr : terms_[size_t(at - variables_.begin())];
  }

 private:
  const std::vector<std::string>& variables_;
  std::span<const rdf::Term* const> terms_;
};

// Runs `query` and calls `row(subject_index, cells)` for each row whose
// subject is one of `index` (rows about other subjects are ignored). Queries
// of one-item scopes lack the subject column; their rows are about item 0.
class Combiner {
 public:
  Combiner(const SparqlSource& source, std::string_view subject_var)
      : source_(source), var_(subject_var) {}

  // Registers the subjects; returns the index of each.
  void add_subject(const rdf::Term& t, size_t index) { index_.emplace(t, index); }

  template <typename RowFn>
  Status each(const std::string& query, RowFn&& row) {
    Status st = source_.each(query, [&](const std::vector<std::string>& variables,
                                        std::span<const rdf::Term* const> terms) {
      Cells cells(variables, terms);
      size_t index = 0;
      if (std::find(variables.begin(), variables.end(), var_) != variables.end()) {
        const rdf::Term* subject = cells[var_];
        if (!subject) return;
        const size_t* at = index_.find(*subject);
        if (!at) return;
        index = *at;
      }
      row(index, cells);
    });
    if (!st) return fail("match query failed: {}", st.error());
    return {};
  }

 private:
  const SparqlSource& source_;
  std::string var_;
  TermMap<size_t> index_;
};

// Reads RAM/Flash rows (with and without unit) into per-subject figures.
template <typename FigureOf>
Status read_memory(Combiner& combiner, const std::string& plain, const std::string& with_unit,
                   std::string_view node_var, bool keep_larger, FigureOf&& figure_of) {
  // Units first, keyed by the property/condition node.
  TermMap<rdf::Term> units;
  Status st = combiner.each(with_unit, [&](size_t, const Cells& c) {
    const rdf::Term* node = c[node_var];
    const rdf::Term* unit = c["unit"];
    if (node && unit) units.emplace(*node, *unit);
  });
  if (!st) return st;
  const std::string ram = iri_of(vocab::kS3nExtend, "RAM");
  return combiner.each(plain, [&](size_t i, const Cells& c) {
    const rdf::Term* node = c[node_var];
    const rdf::Term* kind = c["kind"];
    const rdf::Term* value = c["value"];
    if (!node || !kind || !value) return;
    MemoryFigure f = memory_figure(*value, units.find(*node));
    merge_figure(figure_of(i, kind->value == ram), std::move(f), keep_larger);
  });
}

std::string text_of(const rdf::Term& t) { return t.value; }

// Core, clock, kernels and power (match/hardware.h), stated on the board
// node or on one of its sub-systems (the MCU); the first value read wins.
Status read_hardware(Combiner& combiner, const Scope& scope,
                     std::vector<DeviceCapabilities>& devices) {
  struct Fact {
    std::string_view local;
    void (*store)(BoardHardware&, const rdf::Term&);
  };
  static const Fact kFacts[] = {
      {"cpuCore", [](BoardHardware& h, const rdf::Term& v) {
         if (!h.core_text.empty()) return;
         h.core_text = v.is_literal() ? v.value : local_name(v.value);
         h.core = parse_cpu_core(h.core_text);
       }},
      {"clockFrequencyMHz", [](BoardHardware& h, const rdf::Term& v) {
         if (!h.clock_mhz) h.clock_mhz = numeric_value(v);
       }},
      {"kernelLibrary", [](BoardHardware& h, const rdf::Term& v) {
         if (!h.kernels) h.kernels = parse_kernel_library(v.is_literal() ? v.value : local_name(v.value));
       }},
      {"activePowerMilliwatts", [](BoardHardware& h, const rdf::Term& v) {
         if (!h.active_power_mw) h.active_power_mw = numeric_value(v);
       }},
  };
  for (const Fact& f : kFacts) {
    const std::string predicate = iri_of(kTkg, f.local);
    for (const std::string& query : {templates::device_attribute(scope, predicate),
                                     templates::device_part_attribute(scope, predicate)}) {
      Status st = combiner.each(query, [&](size_t i, const Cells& c) {
        if (const rdf::Term* v = c["value"]) f.store(devices[i].hardware, *v);
      });
      if (!st) return st;
    }
  }
  return {};
}

// Per-class MACs of every layer; a model whose layers state none keeps its
// total MACs, unattributed.
Status read_workloads(Combiner& combiner, const Scope& scope, std::vector<ModelEntry>& models) {
  TermMap<bool> float_layers;
  Status st = combiner.each(templates::model_float_layers(scope),
                            [&](size_t, const Cells& c) {
    if (const rdf::Term* layer = c["layer"]) float_layers.emplace(*layer, true);
  });
  if (!st) return st;
  st = combiner.each(templates::model_layers(scope),
                     [&](size_t i, const Cells& c) {
    const rdf::Term* layer = c["layer"];
    const rdf::Term* code = c["code"];
    const rdf::Term* macs = c["macs"];
    if (!layer || !code || !macs) return;
    models[i].facts.workload.add_layer(code->value, numeric_value(*macs).value_or(0),
                                       float_layers.contains(*layer));
  });
  if (!st) return st;
  for (ModelEntry& m : models) {
    if (m.facts.workload.empty() && m.facts.macs) m.facts.workload.add_unattributed(*m.facts.macs);
  }
  return {};
}

}  // namespace

Result<std::vector<DeviceCapabilities>> read_devices(const SparqlSource& source,
                                                     const Scope& scope) {
  std::vector<DeviceCapabilities> devices;
  Combiner combiner(source, "device");
  auto listed = source.select(templates::devices(scope));
  if (!listed) return fail("match query failed: {}", listed.error());
  if (scope.all()) {
    size_t col = column(*listed, "device");
    devices.reserve(listed->rows.size());
    for (const auto& row : listed->rows) {
      if (row[col]) devices.push_back(DeviceCapabilities{.iri = row[col]->value});
    }
    std::sort(devices.begin(), devices.end(),
              [](const auto& a, const auto& b) { return a.iri < b.iri; });
    for (size_t i = 0; i < devices.size(); ++i) {
      combiner.add_subject(rdf::Term::iri(devices[i].iri), i);
    }
  } else {
    if (listed->rows.empty()) return fail("<{}> is not a board (no s3n:SmartSensor)", scope.iri);
    devices.push_back(DeviceCapabilities{.iri = scope.iri});
  }

  // Sub-systems: MCUs first, so that an MCU's other classes are not sensors.
  std::vector<std::pair<size_t, rdf::Term>> typed_parts;  // (board, part) for each kind
  std::vector<std::string> part_kinds;
  TermMap<bool> mcu_parts;
  const std::string mcu_class = iri_of(vocab::kS3n, "MicroController");
  Status st = combiner.each(templates::device_parts(scope),
                            [&](size_t i, const Cells& c) {
    const rdf::Term* part = c["part"];
    const rdf::Term* type = c["type"];
    if (!part || !type || !type->is_iri()) return;
    if (type->value == mcu_class) {
      devices[i].mcu = part->value;
      mcu_parts.emplace(*part, true);
    } else if (!is_generic_class(type->value)) {
      typed_parts.emplace_back(i, *part);
      part_kinds.push_back(type->value);
    }
  });
  if (!st) return st.failure();
  for (size_t k = 0; k < typed_parts.size(); ++k) {
    const auto& [i, part] = typed_parts[k];
    if (!mcu_parts.contains(part)) devices[i].sensors.add(std::move(part_kinds[k]));
  }

  st = read_memory(combiner, templates::device_memory(scope, false),
                   templates::device_memory(scope, true), "property", /*keep_larger=*/false,
                   [&](size_t i, bool ram) -> MemoryFigure& {
                     return ram ? devices[i].ram : devices[i].flash;
                   });
  if (!st) return st.failure();
  st = combiner.each(templates::device_attribute(scope, iri_of(vocab::kTd, "title")),
                     [&](size_t i, const Cells& c) {
    if (const rdf::Term* v = c["value"]; v && devices[i].title.empty()) {
      devices[i].title = text_of(*v);
    }
  });
  if (!st) return st.failure();
  st = combiner.each(templates::device_attribute(scope, iri_of(vocab::kSchema, "runtimePlatform")),
                     [&](size_t i, const Cells& c) {
    if (const rdf::Term* v = c["value"]) devices[i].runtimes.push_back(text_of(*v));
  });
  if (!st) return st.failure();
  st = read_hardware(combiner, scope, devices);
  if (!st) return st.failure();
  return devices;
}

Result<std::vector<ModelEntry>> read_models(const SparqlSource& source, const Scope& scope,
                                            bool with_operators) {
  std::vector<ModelEntry> models;
  Combiner combiner(source, "model");
  auto listed = source.select(templates::models(scope));
  if (!listed) return fail("match query failed: {}", listed.error());
  if (scope.all()) {
    size_t col = column(*listed, "model");
    models.reserve(listed->rows.size());
    for (const auto& row : listed->rows) {
      if (row[col]) models.emplace_back().requirements.iri = row[col]->value;
    }
    std::sort(models.begin(), models.end(), [](const auto& a, const auto& b) {
      return a.requirements.iri < b.requirements.iri;
    });
    for (size_t i = 0; i < models.size(); ++i) {
      combiner.add_subject(rdf::Term::iri(models[i].requirements.iri), i);
    }
  } else {
    if (listed->rows.empty()) return fail("<{}> is not a model (no nnet:NeuralNetwork)", scope.iri);
    models.emplace_back().requirements.iri = scope.iri;
  }

  // Text and number facts, one predicate per query.
  struct Attribute {
    std::string_view ns, local;
    void (*store)(ModelEntry&, const rdf::Term&);
  };
  static const Attribute kAttributes[] = {
      {vocab::kSchema, "identifier", [](ModelEntry& m, const rdf::Term& v) { m.requirements.identifier = v.value; }},
      {vocab::kSchema, "name", [](ModelEntry& m, const rdf::Term& v) { m.requirements.name = v.value; }},
      {vocab::kSchema, "runtimePlatform", [](ModelEntry& m, const rdf::Term& v) { m.requirements.runtime = v.value; }},
      {vocab::kNnet, "hasUnsupportedOperator", [](ModelEntry& m, const rdf::Term& v) { m.requirements.unsupported_operators.push_back(v.value); }},
      {vocab::kSchema, "description", [](ModelEntry& m, const rdf::Term& v) { m.facts.description = v.value; }},
      {vocab::kNnet, "hasCategory", [](ModelEntry& m, const rdf::Term& v) { m.facts.category = v.is_literal() ? v.value : local_name(v.value); }},
      {vocab::kNnet, "trainingDataset", [](ModelEntry& m, const rdf::Term& v) { m.facts.dataset = v.value; }},
      {vocab::kNnet, "hasMultiplyAccumulateOps", [](ModelEntry& m, const rdf::Term& v) { m.facts.macs = numeric_value(v); }},
  };
  for (const Attribute& a : kAttributes) {
    Status st = combiner.each(templates::model_attribute(scope, iri_of(a.ns, a.local)),
                              [&](size_t i, const Cells& c) {
      if (const rdf::Term* v = c["value"]) a.store(models[i], *v);
    });
    if (!st) return st.failure();
  }
  Status st = read_memory(combiner, templates::model_memory(scope, false),
                          templates::model_memory(scope, true), "condition", /*keep_larger=*/true,
                          [&](size_t i, bool ram) -> MemoryFigure& {
                            auto& r = models[i].requirements;
                            return ram ? r.ram : r.flash;
                          });
  if (!st) return st.failure();
  st = combiner.each(templates::model_sensors(scope),
                     [&](size_t i, const Cells& c) {
    const rdf::Term* type = c["type"];
    if (!type || !type->is_iri() || is_generic_class(type->value)) return;
    auto& kinds = models[i].requirements.sensor_kinds;
    if (std::find(kinds.begin(), kinds.end(), type->value) == kinds.end()) {
      kinds.push_back(type->value);
    }
  });
  if (!st) return st.failure();
  st = combiner.each(templates::model_accuracy(scope),
                     [&](size_t i, const Cells& c) {
    if (const rdf::Term* v = c["value"]) models[i].facts.accuracy = numeric_value(*v);
  });
  if (!st) return st.failure();
  if (with_operators) {
    for (std::string_view link : {"inputLayer", "middleLayer", "outputLayer"}) {
      st = combiner.each(templates::model_operators(scope, iri_of(vocab::kNnet, link)),
                         [&](size_t i, const Cells& c) {
        const rdf::Term* op = c["op"];
        if (!op) return;
        auto& ops = models[i].requirements.operators;
        std::string name = local_name(op->value);
        if (std::find(ops.begin(), ops.end(), name) == ops.end()) ops.push_back(std::move(name));
      });
      if (!st) return st.failure();
    }
  }
  if (with_operators) {
    st = read_workloads(combiner, scope, models);
    if (!st) return st.failure();
    for (bool custom : {false, true}) {
      st = combiner.each(templates::model_operator_codes(scope, custom),
                         [&](size_t i, const Cells& c) {
        const rdf::Term* code = c["code"];
        if (!code) return;
        auto& r = models[i].requirements;
        (custom ? r.custom_operator_codes : r.operator_codes).push_back(code->value);
      });
      if (!st) return st.failure();
    }
  }
  auto sort_unique = [](std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  for (ModelEntry& m : models) {
    sort_unique(m.requirements.sensor_kinds);
    sort_unique(m.requirements.operators);
    sort_unique(m.requirements.operator_codes);
    sort_unique(m.requirements.custom_operator_codes);
  }
  return models;
}

namespace {

std::vector<std::string> first_column(const ResultTable& t) {
  std::vector<std::string> out;
  for (const auto& row : t.rows) {
    if (!row.empty() && row[0]) out.push_back(row[0]->value);
  }
  return out;
}

std::string listing(const std::vector<std::string>& items) {
  constexpr size_t kShown = 5;
  std::vector<std::string> shown(items.begin(), items.begin() + std::min(items.size(), kShown));
  std::string text = fmt::format("{}", fmt::join(shown, ", "));
  if (items.size() > kShown) text += fmt::format(" and {} more", items.size() - kShown);
  return text;
}

bool could_be_iri(std::string_view id) {
  return id.find(':') != std::string_view::npos && templates::checked_iri(id).ok();
}

}  // namespace

Result<std::string> resolve_model(const SparqlSource& source, std::string_view id) {
  if (id.empty()) return fail("empty model id");
  if (could_be_iri(id)) {
    auto found = source.select(templates::models(Scope{std::string(id)}));
    if (!found) return fail("match query failed: {}", found.error());
    if (!found->rows.empty()) return std::string(id);
  }
  for (std::string_view local : {"identifier", "name"}) {
    auto found = source.select(templates::models_with(iri_of(vocab::kSchema, local), id));
    if (!found) return fail("match query failed: {}", found.error());
    std::vector<std::string> iris = first_column(*found);
    if (iris.size() == 1) return iris.front();
    if (iris.size() > 1) {
      return fail("{} models have the {} '{}' ({}); give the identifier or the IRI", iris.size(),
                  local, id, listing(iris));
    }
  }
  return fail("no model with IRI, identifier or name '{}' (see `tinykg model list`)", id);
}

const ModelEntry* find_model_iri(const std::vector<ModelEntry>& zoo, std::string_view iri) {
  auto at = std::lower_bound(zoo.begin(), zoo.end(), iri, [](const ModelEntry& m, std::string_view i) {
    return m.requirements.iri < i;
  });
  return at != zoo.end() && at->requirements.iri == iri ? &*at : nullptr;
}

const DeviceCapabilities* find_device_iri(const std::vector<DeviceCapabilities>& fleet,
                                          std::string_view iri) {
  auto at = std::lower_bound(fleet.begin(), fleet.end(), iri,
                             [](const DeviceCapabilities& d, std::string_view i) { return d.iri < i; });
  return at != fleet.end() && at->iri == iri ? &*at : nullptr;
}

Result<std::string> resolve_model(const std::vector<ModelEntry>& zoo, std::string_view id) {
  if (id.empty()) return fail("empty model id");
  if (const ModelEntry* exact = find_model_iri(zoo, id)) return exact->requirements.iri;
  std::vector<std::string> identified, named;
  for (const ModelEntry& m : zoo) {
    const ModelRequirements& r = m.requirements;
    if (r.identifier == id) identified.push_back(r.iri);
    if (r.name == id) named.push_back(r.iri);
  }
  for (const auto& [iris, local] : {std::pair{&identified, "identifier"}, std::pair{&named, "name"}}) {
    if (iris->size() == 1) return iris->front();
    if (iris->size() > 1) {
      return fail("{} models have the {} '{}' ({}); give the identifier or the IRI", iris->size(),
                  local, id, listing(*iris));
    }
  }
  return fail("no model with IRI, identifier or name '{}' (see `tinykg model list`)", id);
}

Result<std::string> resolve_device(const SparqlSource& source, std::string_view id) {
  if (id.empty()) return fail("empty board id");
  if (could_be_iri(id)) {
    auto found = source.select(templates::devices(Scope{std::string(id)}));
    if (!found) return fail("match query failed: {}", found.error());
    if (!found->rows.empty()) return std::string(id);
  }
  auto titled = source.select(templates::devices_with_title(id));
  if (!titled) return fail("match query failed: {}", titled.error());
  std::vector<std::string> iris = first_column(*titled);
  if (iris.size() == 1) return iris.front();
  if (iris.size() > 1) {
    return fail("{} boards have the title '{}' ({}); give the IRI", iris.size(), id, listing(iris));
  }
  auto tails = source.select(templates::devices_ending_with(id));
  if (!tails) return fail("match query failed: {}", tails.error());
  iris = first_column(*tails);
  if (iris.size() == 1) return iris.front();
  if (iris.size() > 1) {
    return fail("'{}' is the end of {} board IRIs ({}); give more of the IRI", id, iris.size(),
                listing(iris));
  }
  return fail("no board with IRI, title or IRI tail '{}' (see `tinykg device list`)", id);
}

Result<std::string> resolve_device(const std::vector<DeviceCapabilities>& fleet,
                                   std::string_view id) {
  if (id.empty()) return fail("empty board id");
  if (const DeviceCapabilities* exact = find_device_iri(fleet, id)) return exact->iri;  // the common case
  std::vector<std::string> titled, tails;
  for (const DeviceCapabilities& d : fleet) {
    if (d.title == id) titled.push_back(d.iri);
    std::string_view iri = d.iri;
    if (iri.size() > id.size() && iri.substr(iri.size() - id.size()) == id &&
        std::string_view("/-#").find(iri[iri.size() - id.size() - 1]) != std::string_view::npos) {
      tails.push_back(d.iri);
    }
  }
  if (titled.size() == 1) return titled.front();
  if (titled.size() > 1) {
    return fail("{} boards have the title '{}' ({}); give the IRI", titled.size(), id,
                listing(titled));
  }
  if (tails.size() == 1) return tails.front();
  if (tails.size() > 1) {
    return fail("'{}' is the end of {} board IRIs ({}); give more of the IRI", id, tails.size(),
                listing(tails));
  }
  return fail("no board with IRI, title or IRI tail '{}' (see `tinykg device list`)", id);
}

}  // namespace tinykg::match
