// JSON API of the match engine (contracts §4; reads):
//   GET /api/match/models?device=ID[&reasons=true][&include=fits|all]   models for a board
//   GET /api/match/devices?model=ID[&reasons=true][&include=fits|all]   boards for a model
//   GET /api/match/similar?model=ID[&limit=10][&fits=DEVICE]            swap candidates
//   GET /api/match/fit?model=ID&device=ID                               one pair, and why
// IDs as the CLI takes them (match/graph_reader.h). The fleet and the zoo
// are read once per graph state and shared by all requests (MatchCatalog).
// A request whose snapshot has the catalog's version (an embedded store
// whose default graph has not changed since) takes the named model and board
// from the catalog; otherwise (a write since, or a remote store) it reads
// them fresh.
#include <chrono>
#include <mutex>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "match/matcher.h"
#include "server/problem.h"
#include "server/service.h"

namespace tinykg::server {

// The loaded fleet and zoo, rebuilt when the store's fingerprint changes.
struct MatchCatalog {
  struct Fingerprint {
    // An embedded store's default graph version (what the match engine
    // reads: deployment records in named graphs do not count); a remote
    // store tells only its size.
    uint64_t quads = 0, version = 0;
    friend bool operator==(const Fingerprint&, const Fingerprint&) = default;
  };
  struct Loaded {
    Fingerprint fingerprint;
    match::Matcher matcher;  // over `closed`; only ever copied with_source()
  };
  std::mutex mutex;
  std::shared_ptr<const Loaded> loaded;
};

namespace {

using nlohmann::json;

// The source of the catalog's own Matcher once the fleet and zoo are read:
// every lookup goes through a request's snapshot instead.
class ClosedSource final : public match::SparqlSource {
 public:
  Result<sparql::ResultTable> select(std::string_view) const override {
    return fail("internal error: the match catalog has no snapshot of its own");
  }
};
const ClosedSource kClosed;

Result<MatchCatalog::Fingerprint> fingerprint(kg::KnowledgeGraph& graph) {
  if (graph.is_remote()) {  // a remote store tells only its size
    auto quads = graph.remote_store()->count_quads();
    if (!quads) return quads.failure();
    return MatchCatalog::Fingerprint{*quads, 0};
  }
  store::ReadTxn txn = graph.store().read();
  return MatchCatalog::Fingerprint{0, txn.default_graph_version()};
}

Result<std::shared_ptr<const MatchCatalog::Loaded>> catalog(Service& service) {
  MatchCatalog& c = *service.match_catalog;
  std::lock_guard lock(c.mutex);
  auto now = fingerprint(service.graph);
  if (!now) return now.failure();
  if (c.loaded && c.loaded->fingerprint == *now) return c.loaded;
  const auto started = std::chrono::steady_clock::now();
  auto snapshot = match::source_for(service.graph);
  match::Matcher reader(*snapshot);
  auto fleet = reader.fleet();
  if (!fleet) return fleet.failure();
  auto zoo = reader.zoo();
  if (!zoo) return zoo.failure();
  spdlog::info("match: read {} boards and {} models in {:.0f} ms", (*fleet)->devices().size(),
               (*zoo)->size(),
               std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                   .count());
  // Keyed by what was read: a write between the check and the read
  // must not leave newer data under the older version.
  MatchCatalog::Fingerprint read = *now;
  if (auto version = snapshot->version()) read.version = *version;
  c.loaded = std::make_shared<const MatchCatalog::Loaded>(
      MatchCatalog::Loaded{read, reader.with_source(kClosed)});
  return c.loaded;
}

// Unknown ids are 404, ambiguous ones 400 (the message lists the candidates).
void send_lookup_problem(const httplib::Request& req, httplib::Response& res,
                         const std::string& error) {
  send_problem(req, res, error.starts_with("no ") ? 404 : 400, error);
}

std::optional<std::string> required_param(const httplib::Request& req, httplib::Response& res,
                                          const std::string& name) {
  std::string value = req.get_param_value(name);
  if (value.empty()) {
    send_problem(req, res, 400, "give the query parameter '" + name + "'");
    return std::nullopt;
  }
  return value;
}

struct ListOptions {
  match::MatchOptions match;
  bool reasons = false;
};

std::optional<ListOptions> list_options(const httplib::Request& req, httplib::Response& res) {
  ListOptions o;
  std::string include = req.has_param("include") ? req.get_param_value("include") : "fits";
  if (include == "all") {
    o.match.include = match::MatchOptions::Include::All;
  } else if (include != "fits") {
    send_problem(req, res, 400, "include must be 'fits' or 'all', not '" + include + "'");
    return std::nullopt;
  }
  std::string reasons = req.get_param_value("reasons");
  if (!reasons.empty() && reasons != "true" && reasons != "false") {
    send_problem(req, res, 400, "reasons must be 'true' or 'false', not '" + reasons + "'");
    return std::nullopt;
  }
  o.reasons = reasons == "true";
  o.match.explain = o.reasons;
  return o;
}

json kb_or_null(const match::MemoryFigure& f) { return f.known() ? json(f.kilobytes) : json(); }

json optional_number(std::optional<double> v) { return v ? json(*v) : json(); }

json fits_json(match::FitVerdict v) {
  return v == match::FitVerdict::Unknown ? json() : json(v == match::FitVerdict::Fits);
}

// The reasons behind the verdict (FitResult::summary's selection), one per item.
json reasons_json(const match::FitResult& r) {
  using Outcome = match::FitReason::Outcome;
  Outcome shown = r.verdict == match::FitVerdict::DoesNotFit ? Outcome::Refused
                  : r.verdict == match::FitVerdict::Unknown  ? Outcome::Unknown
                                                             : Outcome::Satisfied;
  json out = json::array();
  for (const auto& reason : r.reasons) {
    if (reason.outcome == shown) out.push_back(reason.text);
  }
  return out;
}

// How an answer names the model it is about: its UUID, else its IRI.
const std::string& model_ref(const match::ModelRequirements& r) {
  return r.identifier.empty() ? r.iri : r.identifier;
}

json model_json(const match::ModelEntry& m) {
  const auto& r = m.requirements;
  return {{"uuid", r.identifier.empty() ? json() : json(r.identifier)},
          {"name", r.label()},
          {"iri", r.iri},
          {"category", m.facts.category.empty() ? json() : json(m.facts.category)},
          {"accuracy", optional_number(m.facts.accuracy)},
          {"macs", optional_number(m.facts.macs)},
          {"ram_kb", kb_or_null(r.ram)},
          {"flash_kb", kb_or_null(r.flash)}};
}

void add_estimate(json& item, const match::ModelEntry& m, const match::DeviceCapabilities& d) {
  auto e = match::estimate(m.facts.workload, d.hardware);
  item["latency_ms"] = e ? json(e->latency_ms) : json();
  item["energy_mj"] = e ? json(e->energy_mj) : json();
}

// The catalog's matcher reading the graph's current backend. The source must
// outlive the matcher, so both travel together. nullopt: the problem is sent.
struct BoundMatcher {
  std::unique_ptr<match::SparqlSource> source;
  match::Matcher matcher;
  bool current = false;  // the source's snapshot is the catalog's version

  Result<match::ModelEntry> model(std::string_view id) const {
    if (!current) return matcher.model(id);
    auto loaded = matcher.loaded_model(id);
    if (!loaded) return loaded.failure();
    return **loaded;
  }
  Result<match::DeviceCapabilities> device(std::string_view id) const {
    if (!current) return matcher.device(id);
    auto loaded = matcher.loaded_device(id);
    if (!loaded) return loaded.failure();
    return **loaded;
  }
};

std::optional<BoundMatcher> bind_matcher(Service& service, const httplib::Request& req,
                                         httplib::Response& res) {
  auto loaded = catalog(service);
  if (!loaded) {
    send_problem(req, res, 500, loaded.error());
    return std::nullopt;
  }
  auto source = match::source_for(service.graph);
  match::Matcher matcher = (*loaded)->matcher.with_source(*source);
  const auto version = source->version();
  const bool current = version && *version == (*loaded)->fingerprint.version;
  return BoundMatcher{std::move(source), std::move(matcher), current};
}

void models_for_device(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  auto id = required_param(req, res, "device");
  auto options = id ? list_options(req, res) : std::nullopt;
  if (!options) return;
  auto bound = bind_matcher(service, req, res);
  if (!bound) return;
  match::Matcher& matcher = bound->matcher;
  auto board = bound->device(*id);
  if (!board) return send_lookup_problem(req, res, board.error());
  auto matches = matcher.models_for(*board, options->match);
  if (!matches) return send_problem(req, res, 500, matches.error());
  json items = json::array();
  for (const auto& m : *matches) {
    json item = model_json(*m.model);
    add_estimate(item, *m.model, *board);
    item["fits"] = fits_json(m.verdict);
    if (options->reasons) item["reasons"] = reasons_json(m.explanation);
    items.push_back(std::move(item));
  }
  send_json(res, 200, {{"device", board->iri}, {"items", std::move(items)}});
}

void devices_for_model(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  auto id = required_param(req, res, "model");
  auto options = id ? list_options(req, res) : std::nullopt;
  if (!options) return;
  auto bound = bind_matcher(service, req, res);
  if (!bound) return;
  match::Matcher& matcher = bound->matcher;
  auto model = bound->model(*id);
  if (!model) return send_lookup_problem(req, res, model.error());
  auto matches = matcher.devices_for(model->requirements, options->match);
  if (!matches) return send_problem(req, res, 500, matches.error());
  json items = json::array();
  for (const auto& m : *matches) {
    const match::DeviceCapabilities& d = *m.device;
    json sensors = json::array();
    for (const auto& kind : d.sensors.kinds) sensors.push_back(match::local_name(kind));
    json item = {{"iri", d.iri},
                 {"name", d.title.empty() ? json() : json(d.title)},
                 {"ram_kb", kb_or_null(d.ram)},
                 {"flash_kb", kb_or_null(d.flash)},
                 {"sensors", std::move(sensors)},
                 {"core", d.hardware.core ? json(match::to_string(*d.hardware.core)) : json()},
                 {"clock_mhz", optional_number(d.hardware.clock_mhz)}};
    add_estimate(item, *model, d);
    item["fits"] = fits_json(m.verdict);
    if (options->reasons) item["reasons"] = reasons_json(m.explanation);
    items.push_back(std::move(item));
  }
  send_json(res, 200, {{"model", model_ref(model->requirements)}, {"items", std::move(items)}});
}

void similar_models(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  auto id = required_param(req, res, "model");
  if (!id) return;
  auto limit = size_param(req, res, "limit", 10);
  if (!limit) return;
  auto bound = bind_matcher(service, req, res);
  if (!bound) return;
  match::Matcher& matcher = bound->matcher;
  auto model = bound->model(*id);
  if (!model) return send_lookup_problem(req, res, model.error());
  std::optional<match::DeviceCapabilities> board;
  if (std::string fits = req.get_param_value("fits"); !fits.empty()) {
    auto found = bound->device(fits);
    if (!found) return send_lookup_problem(req, res, found.error());
    board = std::move(found).value();
  }
  auto similar = matcher.similar(*model, board ? &*board : nullptr);
  if (!similar) return send_problem(req, res, 500, similar.error());
  json items = json::array();
  for (const auto& s : *similar) {
    if (items.size() >= *limit) break;
    json item = model_json(*s.model);
    item["score"] = s.similarity.score;
    const auto& p = s.similarity.parts;
    item["distance"] = {{"task", p[0]}, {"input", p[1]}, {"operators", p[2]}, {"cost", p[3]}};
    if (board) add_estimate(item, *s.model, *board);
    items.push_back(std::move(item));
  }
  json body = {{"model", model_ref(model->requirements)}, {"items", std::move(items)}};
  if (board) body["fits"] = board->iri;
  send_json(res, 200, body);
}

// One model on one board: the verdict and the reasons behind it (what
// refuses it, what is unknown, or what was checked when it fits).
void fit_pair(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.authorize_read(req, res)) return;
  auto model_id = required_param(req, res, "model");
  auto device_id = model_id ? required_param(req, res, "device") : std::nullopt;
  if (!device_id) return;
  auto bound = bind_matcher(service, req, res);
  if (!bound) return;
  auto model = bound->model(*model_id);
  if (!model) return send_lookup_problem(req, res, model.error());
  auto board = bound->device(*device_id);
  if (!board) return send_lookup_problem(req, res, board.error());
  match::FitResult result = match::evaluate(model->requirements, *board);
  json body = {{"model", model_ref(model->requirements)},
               {"device", board->iri},
               {"fits", fits_json(result.verdict)},
               {"reasons", reasons_json(result)}};
  add_estimate(body, *model, *board);
  send_json(res, 200, body);
}

}  // namespace

void add_match_routes(httplib::Server& http, Service& service) {
  service.match_catalog = std::make_shared<MatchCatalog>();
  http.Get("/api/match/models", with_service(service, models_for_device));
  http.Get("/api/match/devices", with_service(service, devices_for_model));
  http.Get("/api/match/similar", with_service(service, similar_models));
  http.Get("/api/match/fit", with_service(service, fit_pair));
}

}  // namespace tinykg::server
