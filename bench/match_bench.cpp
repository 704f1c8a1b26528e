// match_bench: the match engine on a fleet database (bench/match.cmake).
//
// TINYKG_MATCH_DB names a store loaded with a bench/gen_fleet.py fleet; the
// benchmarks skip when it is unset. Measured:
//   LoadFleet / LoadZoo   reading every board / model with the template
//                         queries (+ building the FleetIndex): the one-off cost
//                         a Matcher pays on first use;
//   DevicesForModel       one model read fresh by IRI + verdicts for the fleet;
//   ModelsForDevice       one board read fresh (by IRI, and by IRI tail) +
//                         every model of the zoo judged;
//   FitCounts             fit counts of every model against every board,
//                         on a loaded fleet and zoo, and cold (loading included).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "match/graph_reader.h"
#include "match/matcher.h"

using namespace tinykg;

namespace {

const char* db_path() { return std::getenv("TINYKG_MATCH_DB"); }

// One store for the whole run.
store::Store* fleet_store() {
  static std::unique_ptr<store::Store> store = [] {
    std::unique_ptr<store::Store> s;
    if (const char* path = db_path()) {
      auto opened = store::Store::open(path, {.read_only = true});
      if (opened) s = std::move(opened).value();
      else std::cerr << "match_bench: " << opened.error() << "\n";
    }
    return s;
  }();
  return store.get();
}

#define REQUIRE_FLEET(state)                                                     \
  if (!fleet_store()) {                                                          \
    state.SkipWithError("set TINYKG_MATCH_DB to a gen_fleet.py store");          \
    return;                                                                      \
  }

// A Matcher with fleet and zoo loaded, shared by the per-question benchmarks.
match::Matcher& warm_matcher() {
  static match::StoreSource source(*fleet_store());
  static match::Matcher matcher = [] {
    match::Matcher m(source);
    auto fleet = m.fleet();
    auto zoo = m.zoo();
    if (!fleet || !zoo) std::cerr << "match_bench: loading failed\n";
    return m;
  }();
  return matcher;
}

void LoadFleet(benchmark::State& state) {
  REQUIRE_FLEET(state);
  size_t devices = 0, classes = 0;
  for (auto _ : state) {
    match::StoreSource source(*fleet_store());
    match::Matcher matcher(source);
    auto fleet = matcher.fleet();
    if (!fleet) return state.SkipWithError(fleet.error().c_str());
    devices = (*fleet)->devices().size();
    classes = (*fleet)->class_count();
  }
  state.counters["devices"] = double(devices);
  state.counters["classes"] = double(classes);
}

void LoadZoo(benchmark::State& state) {
  REQUIRE_FLEET(state);
  size_t models = 0;
  for (auto _ : state) {
    match::StoreSource source(*fleet_store());
    auto zoo = match::read_models(source);
    if (!zoo) return state.SkipWithError(zoo.error().c_str());
    models = zoo->size();
  }
  state.counters["models"] = double(models);
}

void DevicesForModel(benchmark::State& state) {
  REQUIRE_FLEET(state);
  match::Matcher& matcher = warm_matcher();
  size_t models = (*matcher.zoo())->size(), i = 0, fits = 0;
  for (auto _ : state) {
    std::string iri = fmt::format("http://example.org/fleet/model/{}", (i++ * 7919) % models);
    auto boards = matcher.devices_for_model(iri);
    if (!boards) return state.SkipWithError(boards.error().c_str());
    fits += boards->size();
  }
  state.counters["fitting_boards"] = double(fits) / double(i);
}

void ModelsForDevice(benchmark::State& state) {
  REQUIRE_FLEET(state);
  match::Matcher& matcher = warm_matcher();
  bool by_tail = state.range(0) == 1;
  size_t devices = (*matcher.fleet())->devices().size(), i = 0, fits = 0;
  for (auto _ : state) {
    size_t n = (i++ * 7919) % devices;
    std::string id = by_tail ? std::to_string(n)
                             : fmt::format("http://example.org/fleet/device/{}", n);
    auto models = matcher.models_for_device(id);
    if (!models) return state.SkipWithError(models.error().c_str());
    fits += models->size();
  }
  state.SetLabel(by_tail ? "by IRI tail" : "by IRI");
  state.counters["fitting_models"] = double(fits) / double(i);
}

void FitCounts(benchmark::State& state) {
  REQUIRE_FLEET(state);
  match::Matcher& matcher = warm_matcher();
  uint64_t fits = 0;
  for (auto _ : state) {
    auto counts = matcher.fit_counts();
    if (!counts) return state.SkipWithError(counts.error().c_str());
    fits = 0;
    for (const auto& c : *counts) fits += c.count.fits;
  }
  state.counters["models"] = double((*matcher.zoo())->size());
  state.counters["boards"] = double((*matcher.fleet())->devices().size());
  state.counters["fitting_pairs"] = double(fits);
}

void FitCountsCold(benchmark::State& state) {
  REQUIRE_FLEET(state);
  for (auto _ : state) {
    match::StoreSource source(*fleet_store());
    match::Matcher matcher(source);
    auto counts = matcher.fit_counts();
    if (!counts) return state.SkipWithError(counts.error().c_str());
    benchmark::DoNotOptimize(counts->size());
  }
}

}  // namespace

BENCHMARK(LoadFleet)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(LoadZoo)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(DevicesForModel)->Unit(benchmark::kMillisecond);
BENCHMARK(ModelsForDevice)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(FitCounts)->Unit(benchmark::kMillisecond);
BENCHMARK(FitCountsCold)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
