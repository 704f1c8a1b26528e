// The W3C WoT Discovery Thing Description Directory behind /things
// (api_things.cpp): TDs validated and stored in the graph (kg/td/), their
// registration information (created, modified, expires, ttl) and the TD as
// registered kept in the named graph <urn:tinykg:directory>, expired TDs
// purged, and a log of created/updated/deleted notifications.
//
// The TD text is kept beside its triples so that GET returns what the owner
// registered (member order, prefixes, every JSON detail); devices stored
// otherwise (Turtle boards, `tinykg demo`) are exported from the graph.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "kg/knowledge_graph.h"
#include "kg/td/validation.h"

namespace tinykg::server {

inline constexpr std::string_view kDirectoryGraph = "urn:tinykg:directory";
inline constexpr std::string_view kDiscoveryContext = "https://www.w3.org/2022/wot/discovery";

struct Registration {
  std::string created;   // xsd:dateTime, UTC ("2026-12-07T01:02:03Z"); empty: not registered here
  std::string modified;
  std::string expires;   // empty: never
  std::optional<int64_t> ttl;  // seconds, as the owner asked
};

struct ThingRecord {
  std::string id;
  nlohmann::json td;  // as registered (without "registration"), or exported from the graph
  Registration registration;
};

// The outcome of a create or update.
struct ThingWrite {
  std::vector<kg::td::TdProblem> problems;  // non-empty: invalid TD, nothing stored
  std::string id;
  bool created = false;
  nlohmann::json previous;  // the TD before an update (null when created)
  nlohmann::json current;   // the TD as stored
};

// One notification (WoT Discovery §7.3.2.3). `diff` is what `?diff=true`
// subscribers get: the whole TD (created), a merge patch of the change
// (updated) or just the id (deleted).
struct ThingEvent {
  uint64_t id = 0;
  std::string type;  // thing_created | thing_updated | thing_deleted
  std::string thing;
  nlohmann::json diff;
};

class ThingDirectory {
 public:
  explicit ThingDirectory(kg::KnowledgeGraph& graph) : graph_(graph) {}

  // Validates and stores `td` under `id` (the TD's own "id" must agree or be
  // absent). A "registration" member and the discovery context are the
  // directory's and are taken off; registration.ttl / registration.expires
  // set the expiry.
  Result<ThingWrite> put(const std::string& id, nlohmann::json td);
  // Applies a JSON merge patch (RFC 7396) to the registered TD and stores the
  // result like put(); nullopt when there is no such thing.
  Result<std::optional<ThingWrite>> patch(const std::string& id, const nlohmann::json& merge_patch);
  // False when there is no such thing.
  Result<bool> remove(const std::string& id);

  Result<std::optional<ThingRecord>> get(const std::string& id);
  // The ids of every thing (registered TDs and other stored devices), sorted.
  Result<std::vector<std::string>> ids();

  // Removes the things whose registration expired; returns how many.
  Result<size_t> purge_expired();

  // The TD with its registration information, as the directory serves it.
  static nlohmann::json enriched(const ThingRecord& record);

  // Notifications after event `last_id`, oldest first (at most the last 1000 are kept).
  std::vector<ThingEvent> events_after(uint64_t last_id) const;
  // Waits until an event after `last_id` exists, close() was called or `timeout` passed.
  void wait_for_event(uint64_t last_id, std::chrono::milliseconds timeout) const;
  // Ends every open event stream (server shutdown).
  void close();
  bool closed() const;

 private:
  Result<std::optional<ThingRecord>> registered(const std::string& id);
  Result<ThingWrite> store(const std::string& id, nlohmann::json td,
                           std::optional<ThingRecord> before);
  Status remove_locked(const std::string& id);
  void publish(std::string type, const std::string& thing, nlohmann::json diff);

  kg::KnowledgeGraph& graph_;
  std::mutex write_mutex_;  // one create/update/delete at a time

  mutable std::mutex events_mutex_;
  mutable std::condition_variable events_cv_;
  std::deque<ThingEvent> events_;
  uint64_t next_event_ = 1;
  bool closed_ = false;
};

// The merge patch (RFC 7396) that turns `from` into `to`.
nlohmann::json merge_diff(const nlohmann::json& from, const nlohmann::json& to);

}  // namespace tinykg::server
