#include "server/thing_directory.h"

#include <ctime>

#include <fmt/format.h>

#include "kg/td/thing_description.h"
#include "kg/vocabulary.h"

namespace tinykg::server {
namespace {

using nlohmann::json;
using Clock = std::chrono::system_clock;

constexpr size_t kKeptEvents = 1000;
constexpr std::string_view kTkgPrefix = "PREFIX tkg: <https://tinykg.dev/ns#>\n";

std::string format_time(Clock::time_point t) {
  std::time_t tt = Clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// An xsd:dateTime in UTC ("Z" or "+00:00"; fractional seconds ignored).
std::optional<std::time_t> parse_time(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  if (end == nullptr) return std::nullopt;
  if (*end == '.') {
    ++end;
    while (std::isdigit(static_cast<unsigned char>(*end))) ++end;
  }
  std::string_view zone(end);
  if (zone != "Z" && zone != "+00:00") return std::nullopt;
  return timegm(&tm);
}

// IRIs go into SPARQL as <…>; these characters cannot appear there.
bool safe_iri(std::string_view iri) {
  return !iri.empty() && std::none_of(iri.begin(), iri.end(), [](unsigned char c) {
    return c <= 0x20 || std::string_view("<>\"{}|^`\\").find(char(c)) != std::string_view::npos;
  });
}

std::string literal(const std::string& text) { return rdf::Term::literal(text).to_ntriples(); }
std::string date_time(const std::string& text) {
  return rdf::Term::literal(text, std::string(rdf::xsd::kDateTime)).to_ntriples();
}

// Takes the directory's own members off a TD: the registration information
// (returned) and the discovery context (added again when serving).
json take_registration(json& td) {
  json registration;
  if (auto it = td.find("registration"); it != td.end()) {
    registration = *it;
    td.erase(it);
  }
  if (auto ctx = td.find("@context"); ctx != td.end() && ctx->is_array()) {
    json kept = json::array();
    for (const json& c : *ctx) {
      if (c != kDiscoveryContext) kept.push_back(c);
    }
    *ctx = kept.size() == 1 && kept[0].is_string() ? kept[0] : kept;
  }
  return registration;
}

bool is_device(const std::vector<rdf::Quad>& about) {
  const rdf::Term type = rdf::Term::iri(std::string(rdf::kRdfType));
  const rdf::Term sensor = kg::vocab::term(kg::vocab::kS3n, "SmartSensor");
  const rdf::Term thing = kg::vocab::term(kg::vocab::kTd, "Thing");
  return std::any_of(about.begin(), about.end(), [&](const rdf::Quad& q) {
    return q.predicate == type && (q.object == sensor || q.object == thing);
  });
}

}  // namespace

json merge_diff(const json& from, const json& to) {
  if (!from.is_object() || !to.is_object()) return to;
  json out = json::object();
  for (const auto& [key, value] : from.items()) {
    if (!to.contains(key)) out[key] = nullptr;
  }
  for (const auto& [key, value] : to.items()) {
    auto old = from.find(key);
    if (old == from.end()) {
      out[key] = value;
    } else if (*old != value) {
      out[key] = merge_diff(*old, value);
    }
  }
  return out;
}

Result<std::optional<ThingRecord>> ThingDirectory::registered(const std::string& id) {
  if (!safe_iri(id)) return std::optional<ThingRecord>{};
  const std::string query = fmt::format(
      "{}SELECT ?doc ?created ?modified ?expires ?ttl WHERE {{ GRAPH <{}> {{ ?r tkg:registers <{}> ; "
      "tkg:tdDocument ?doc ; tkg:created ?created ; tkg:modified ?modified . "
      "OPTIONAL {{ ?r tkg:expires ?expires }} OPTIONAL {{ ?r tkg:ttl ?ttl }} }} }}",
      kTkgPrefix, kDirectoryGraph, id);
  auto table = graph_.query(query);
  if (!table.ok()) return table.failure();
  if (table->rows.empty()) return std::optional<ThingRecord>{};
  const auto& row = table->rows.front();
  ThingRecord record;
  record.id = id;
  record.td = json::parse(row[0] ? row[0]->value : "null", nullptr, false);
  if (!record.td.is_object()) return fail("the stored TD of <{}> is not a JSON object", id);
  record.registration.created = row[1] ? row[1]->value : "";
  record.registration.modified = row[2] ? row[2]->value : "";
  record.registration.expires = row[3] ? row[3]->value : "";
  if (row[4]) record.registration.ttl = std::stoll(row[4]->value);
  return std::optional<ThingRecord>(std::move(record));
}

Result<std::optional<ThingRecord>> ThingDirectory::get(const std::string& id) {
  std::vector<rdf::Quad> about = graph_.describe(id);
  if (!is_device(about)) return std::optional<ThingRecord>{};
  auto record = registered(id);
  if (!record.ok() || *record) return record;
  // Stored some other way: the TD the graph describes.
  auto td = kg::td::export_td(graph_, id);
  if (!td.ok()) return td.failure();
  return std::optional<ThingRecord>(ThingRecord{id, std::move(td).value(), {}});
}

Result<std::vector<std::string>> ThingDirectory::ids() {
  auto table = graph_.query(
      "SELECT DISTINCT ?d WHERE { { ?d a <http://w3id.org/s3n/SmartSensor> } UNION "
      "{ ?d a <https://www.w3.org/2019/wot/td#Thing> } FILTER(isIRI(?d)) } ORDER BY STR(?d)");
  if (!table.ok()) return table.failure();
  std::vector<std::string> out;
  for (const auto& row : table->rows) {
    if (row[0]) out.push_back(row[0]->value);
  }
  return out;
}

Result<ThingWrite> ThingDirectory::put(const std::string& id, json td) {
  std::lock_guard lock(write_mutex_);
  auto before = get(id);
  if (!before.ok()) return before.failure();
  return store(id, std::move(td), std::move(before).value());
}

Result<std::optional<ThingWrite>> ThingDirectory::patch(const std::string& id,
                                                        const json& merge_patch) {
  std::lock_guard lock(write_mutex_);
  auto before = get(id);
  if (!before.ok()) return before.failure();
  if (!*before) return std::optional<ThingWrite>{};
  json td = (*before)->td;
  td.merge_patch(merge_patch);
  // A patch that does not touch the registration keeps the owner's TTL.
  if (!td.contains("registration") && (*before)->registration.ttl) {
    td["registration"] = {{"ttl", *(*before)->registration.ttl}};
  }
  auto written = store(id, std::move(td), std::move(before).value());
  if (!written.ok()) return written.failure();
  return std::optional<ThingWrite>(std::move(written).value());
}

Result<ThingWrite> ThingDirectory::store(const std::string& id, json td,
                                         std::optional<ThingRecord> before) {
  ThingWrite out;
  out.id = id;
  out.created = !before;
  if (before) out.previous = before->td;
  if (!td.is_object()) {
    out.problems.push_back({"", "a Thing Description must be a JSON object"});
    return out;
  }
  const json registration = take_registration(td);
  if (!safe_iri(id)) out.problems.push_back({"/id", fmt::format("'{}' is not a usable IRI", id)});
  if (td.contains("id") && td["id"] != id) {
    out.problems.push_back({"/id", fmt::format("the TD's id differs from the id in the URL ({})", id)});
  }
  td["id"] = id;

  // The expiry: registration.ttl (seconds from now) or registration.expires.
  const auto now = Clock::now();
  Registration reg;
  reg.created = before && !before->registration.created.empty() ? before->registration.created
                                                               : format_time(now);
  reg.modified = format_time(now);
  if (!registration.is_null() && !registration.is_object()) {
    out.problems.push_back({"/registration", "registration must be an object"});
  } else if (registration.is_object()) {
    if (auto ttl = registration.find("ttl"); ttl != registration.end()) {
      if (!ttl->is_number_integer() || ttl->get<int64_t>() <= 0) {
        out.problems.push_back({"/registration/ttl", "ttl must be a positive number of seconds"});
      } else {
        reg.ttl = ttl->get<int64_t>();
        reg.expires = format_time(now + std::chrono::seconds(*reg.ttl));
      }
    } else if (auto expires = registration.find("expires"); expires != registration.end()) {
      auto when = expires->is_string() ? parse_time(*expires) : std::nullopt;
      if (!when) {
        out.problems.push_back(
            {"/registration/expires", "expires must be a UTC date-time like 2030-01-01T00:00:00Z"});
      } else {
        reg.expires = format_time(Clock::from_time_t(*when));
      }
    }
  }
  std::vector<kg::td::TdProblem> td_problems = kg::td::validate_td(td);
  out.problems.insert(out.problems.end(), td_problems.begin(), td_problems.end());
  if (!out.problems.empty()) return out;
  // Conversion faults (an unreadable quantity, say) are the TD's too.
  if (auto converted = kg::td::td_to_graph(td); !converted.ok()) {
    out.problems.push_back({"", converted.error()});
    return out;
  }

  auto imported = kg::td::import_td_document(graph_, td);
  if (!imported.ok()) return imported.failure();
  std::string record = fmt::format(
      "<{}> tkg:registers <{}> ; tkg:tdDocument {} ; tkg:created {} ; tkg:modified {}",
      std::string(kDirectoryGraph) + ":" + kg::td::fresh_thing_id(), id, literal(td.dump()),
      date_time(reg.created), date_time(reg.modified));
  if (!reg.expires.empty()) record += " ; tkg:expires " + date_time(reg.expires);
  if (reg.ttl) record += fmt::format(" ; tkg:ttl {}", *reg.ttl);
  Status saved = graph_.update(fmt::format(
      "{0}DELETE {{ GRAPH <{1}> {{ ?r ?p ?o }} }} WHERE {{ GRAPH <{1}> {{ ?r tkg:registers <{2}> ; "
      "?p ?o }} }} ;\nINSERT DATA {{ GRAPH <{1}> {{ {3} . }} }}",
      kTkgPrefix, kDirectoryGraph, id, record));
  if (!saved.ok()) return saved.failure();
  out.current = td;

  if (out.created) {
    publish("thing_created", id, enriched(ThingRecord{id, td, reg}));
  } else {
    json diff = merge_diff(out.previous, td);
    diff["id"] = id;
    publish("thing_updated", id, std::move(diff));
  }
  return out;
}

Status ThingDirectory::remove_locked(const std::string& id) {
  auto removed = graph_.delete_device(id);
  if (!removed.ok()) return removed.failure();
  if (!safe_iri(id)) return Status::Ok();
  return graph_.update(fmt::format(
      "{0}DELETE {{ GRAPH <{1}> {{ ?r ?p ?o }} }} WHERE {{ GRAPH <{1}> {{ ?r tkg:registers <{2}> ; "
      "?p ?o }} }}",
      kTkgPrefix, kDirectoryGraph, id));
}

Result<bool> ThingDirectory::remove(const std::string& id) {
  std::lock_guard lock(write_mutex_);
  if (!is_device(graph_.describe(id))) return false;
  Status removed = remove_locked(id);
  if (!removed.ok()) return removed.failure();
  publish("thing_deleted", id, json{{"id", id}});
  return true;
}

Result<size_t> ThingDirectory::purge_expired() {
  std::lock_guard lock(write_mutex_);
  auto table = graph_.query(fmt::format(
      "{}SELECT ?id ?expires WHERE {{ GRAPH <{}> {{ ?r tkg:registers ?id ; tkg:expires ?expires }} }}",
      kTkgPrefix, kDirectoryGraph));
  if (!table.ok()) return table.failure();
  const std::time_t now = Clock::to_time_t(Clock::now());
  size_t purged = 0;
  for (const auto& row : table->rows) {
    if (!row[0] || !row[1]) continue;
    auto expires = parse_time(row[1]->value);
    // Whole seconds: a TD stays until the second after its expiry has begun.
    if (!expires || *expires >= now) continue;
    Status removed = remove_locked(row[0]->value);
    if (!removed.ok()) return removed.failure();
    publish("thing_deleted", row[0]->value, json{{"id", row[0]->value}});
    ++purged;
  }
  return purged;
}

json ThingDirectory::enriched(const ThingRecord& record) {
  json td = record.td;
  json registration = {{"retrieved", format_time(Clock::now())}};
  const Registration& r = record.registration;
  if (!r.created.empty()) {
    registration["created"] = r.created;
    registration["modified"] = r.modified;
  }
  if (!r.expires.empty()) registration["expires"] = r.expires;
  if (r.ttl) registration["ttl"] = *r.ttl;
  td["registration"] = registration;
  json& ctx = td["@context"];
  if (!ctx.is_array()) ctx = ctx.is_null() ? json::array() : json::array({ctx});
  ctx.push_back(kDiscoveryContext);
  return td;
}

void ThingDirectory::publish(std::string type, const std::string& thing, json diff) {
  {
    std::lock_guard lock(events_mutex_);
    events_.push_back({next_event_++, std::move(type), thing, std::move(diff)});
    if (events_.size() > kKeptEvents) events_.pop_front();
  }
  events_cv_.notify_all();
}

std::vector<ThingEvent> ThingDirectory::events_after(uint64_t last_id) const {
  std::lock_guard lock(events_mutex_);
  std::vector<ThingEvent> out;
  for (const ThingEvent& e : events_) {
    if (e.id > last_id) out.push_back(e);
  }
  return out;
}

void ThingDirectory::wait_for_event(uint64_t last_id, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(events_mutex_);
  events_cv_.wait_for(lock, timeout, [&] {
    return closed_ || (!events_.empty() && events_.back().id > last_id);
  });
}

void ThingDirectory::close() {
  {
    std::lock_guard lock(events_mutex_);
    closed_ = true;
  }
  events_cv_.notify_all();
}

bool ThingDirectory::closed() const {
  std::lock_guard lock(events_mutex_);
  return closed_;
}

}  // namespace tinykg::server
