#include "match/matcher.h"

#include <algorithm>

#include "match/graph_reader.h"

namespace tinykg::match {

namespace {

bool wanted(FitVerdict v, const MatchOptions& options) {
  switch (options.include) {
    case MatchOptions::Include::Fits: return v == FitVerdict::Fits;
    case MatchOptions::Include::FitsAndUnknown: return v != FitVerdict::DoesNotFit;
    case MatchOptions::Include::All: return true;
  }
  return false;
}

}  // namespace

Result<ModelEntry> Matcher::model(std::string_view id) const {
  auto iri = resolve_model(source_, id);
  if (!iri) return iri.failure();
  auto models = read_models(source_, templates::Scope{*iri});
  if (!models) return models.failure();
  return std::move(models->front());
}

Result<DeviceCapabilities> Matcher::device(std::string_view id) const {
  // A loaded fleet resolves ids without a query (tails would scan every IRI).
  auto iri = fleet_ ? resolve_device(fleet_->devices(), id) : resolve_device(source_, id);
  if (!iri) return iri.failure();
  auto devices = read_devices(source_, templates::Scope{*iri});
  if (!devices) return devices.failure();
  return std::move(devices->front());
}

Result<const ModelEntry*> Matcher::loaded_model(std::string_view id) const {
  if (!zoo_) return fail("internal error: the zoo is not loaded");
  auto iri = resolve_model(*zoo_, id);
  if (!iri) return iri.failure();
  const ModelEntry* entry = find_model_iri(*zoo_, *iri);
  if (entry == nullptr) return fail("internal error: <{}> left the zoo", *iri);
  return entry;
}

Result<const DeviceCapabilities*> Matcher::loaded_device(std::string_view id) const {
  if (!fleet_) return fail("internal error: the fleet is not loaded");
  const auto& devices = fleet_->devices();
  auto iri = resolve_device(devices, id);
  if (!iri) return iri.failure();
  const DeviceCapabilities* device = find_device_iri(devices, *iri);
  if (device == nullptr) return fail("internal error: <{}> left the fleet", *iri);
  return device;
}

Result<const FleetIndex*> Matcher::fleet() {
  if (!fleet_) {
    auto devices = read_devices(source_);
    if (!devices) return devices.failure();
    fleet_ = std::make_shared<const FleetIndex>(std::move(devices).value());
  }
  return fleet_.get();
}

Result<const std::vector<ModelEntry>*> Matcher::zoo() {
  if (!zoo_) {
    auto models = read_models(source_);
    if (!models) return models.failure();
    zoo_ = std::make_shared<const std::vector<ModelEntry>>(std::move(models).value());
  }
  return zoo_.get();
}

Result<std::vector<DeviceMatch>> Matcher::devices_for_model(std::string_view model_id,
                                                            const MatchOptions& options) {
  auto entry = model(model_id);
  if (!entry) return entry.failure();
  return devices_for(entry->requirements, options);
}

Result<std::vector<DeviceMatch>> Matcher::devices_for(const ModelRequirements& requirements,
                                                      const MatchOptions& options) {
  auto index = fleet();
  if (!index) return index.failure();
  const auto& devices = (*index)->devices();
  std::vector<FitVerdict> verdicts = (*index)->verdicts(requirements);
  std::vector<DeviceMatch> out;
  for (size_t i = 0; i < devices.size(); ++i) {
    if (!wanted(verdicts[i], options)) continue;
    DeviceMatch& m = out.emplace_back();
    m.device = &devices[i];
    m.verdict = verdicts[i];
    if (options.explain) m.explanation = evaluate(requirements, devices[i]);
  }
  return out;
}

Result<std::vector<ModelMatch>> Matcher::models_for_device(std::string_view device_id,
                                                           const MatchOptions& options) {
  auto caps = device(device_id);
  if (!caps) return caps.failure();
  return models_for(*caps, options);
}

Result<std::vector<ModelMatch>> Matcher::models_for(const DeviceCapabilities& capabilities,
                                                    const MatchOptions& options) {
  auto models = zoo();
  if (!models) return models.failure();
  std::vector<ModelMatch> out;
  for (const ModelEntry& m : **models) {
    FitVerdict v = judge(m.requirements, capabilities);
    if (!wanted(v, options)) continue;
    ModelMatch& match = out.emplace_back();
    match.model = &m;
    match.verdict = v;
    if (options.explain) match.explanation = evaluate(m.requirements, capabilities);
  }
  std::stable_sort(out.begin(), out.end(), [](const ModelMatch& a, const ModelMatch& b) {
    double ma = a.model->facts.macs.value_or(-1), mb = b.model->facts.macs.value_or(-1);
    if (ma != mb) return ma > mb;
    return a.model->requirements.label() < b.model->requirements.label();
  });
  return out;
}

Result<FitMatrix> Matcher::fit_matrix(size_t max_cells) {
  auto index = fleet();
  if (!index) return index.failure();
  auto models = zoo();
  if (!models) return models.failure();
  const auto& devices = (*index)->devices();
  size_t cells = (*models)->size() * devices.size();
  if (cells > max_cells) {
    return fail("the fit matrix would have {} cells ({} models × {} boards); ask for fit counts "
                "or for one model or board instead",
                cells, (*models)->size(), devices.size());
  }
  FitMatrix matrix;
  for (const ModelEntry& m : **models) matrix.models.push_back(&m);
  std::stable_sort(matrix.models.begin(), matrix.models.end(), [](const auto* a, const auto* b) {
    return a->requirements.label() < b->requirements.label();
  });
  for (const DeviceCapabilities& d : devices) matrix.devices.push_back(&d);
  matrix.cells.reserve(cells);
  for (const ModelEntry* m : matrix.models) {
    std::vector<FitVerdict> row = (*index)->verdicts(m->requirements);
    matrix.cells.insert(matrix.cells.end(), row.begin(), row.end());
  }
  return matrix;
}

Result<std::vector<ModelFitCount>> Matcher::fit_counts() {
  auto index = fleet();
  if (!index) return index.failure();
  auto models = zoo();
  if (!models) return models.failure();
  std::vector<ModelFitCount> out;
  out.reserve((*models)->size());
  for (const ModelEntry& m : **models) out.push_back({&m, (*index)->count(m.requirements)});
  return out;
}

Result<std::vector<RankedModel>> Matcher::rank(const TaskFilter& filter, RankOrder order,
                                               const DeviceCapabilities* must_fit) {
  auto models = zoo();
  if (!models) return models.failure();
  std::vector<RankedModel> ranked = match::rank(
      **models, filter, order, must_fit ? must_fit->hardware : reference_platform());
  if (must_fit) {
    std::erase_if(ranked, [&](const RankedModel& r) {
      return judge(r.model->requirements, *must_fit) != FitVerdict::Fits;
    });
  }
  return ranked;
}

Result<std::vector<SimilarModel>> Matcher::similar(const ModelEntry& model,
                                                   const DeviceCapabilities* must_fit) {
  auto models = zoo();
  if (!models) return models.failure();
  std::vector<SimilarModel> out = similar_models(model, **models);
  if (must_fit) {
    std::erase_if(out, [&](const SimilarModel& s) {
      return judge(s.model->requirements, *must_fit) != FitVerdict::Fits;
    });
  }
  return out;
}

Matcher Matcher::with_source(const SparqlSource& source) const {
  Matcher m(source);
  m.fleet_ = fleet_;
  m.zoo_ = zoo_;
  return m;
}

}  // namespace tinykg::match
