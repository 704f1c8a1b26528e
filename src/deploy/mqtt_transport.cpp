#include "deploy/mqtt_transport.h"

#include <mosquitto.h>
#include <unistd.h>

#include <fmt/format.h>

namespace tinykg::deploy {

struct MqttTransport::Broker {
  mosquitto* client = nullptr;
  std::string reply_topic;
  int subscribe_mid = -1;  // the SUBSCRIBE whose acknowledgement makes it usable
  bool subscribed = false;
  ~Broker() {
    if (!client) return;
    mosquitto_disconnect(client);
    mosquitto_loop_stop(client, true);
    mosquitto_destroy(client);
  }
};

struct MqttCallbacks {
  static void on_message(mosquitto*, void* self, const mosquitto_message* m) {
    static_cast<MqttTransport*>(self)->on_message(
        m->topic, std::string_view(static_cast<const char*>(m->payload), m->payloadlen));
  }
  static void on_subscribe(mosquitto* client, void* self, int mid, int, const int*) {
    auto* t = static_cast<MqttTransport*>(self);
    std::lock_guard lock(t->mutex_);
    // Only the broker connection that subscribed (one transport may talk to several).
    for (auto& [key, broker] : t->brokers_) {
      if (broker && broker->client == client && broker->subscribe_mid == mid) broker->subscribed = true;
    }
    t->replied_.notify_all();
  }
};

MqttTransport::MqttTransport() {
  static std::once_flag init;
  std::call_once(init, [] { mosquitto_lib_init(); });
}

MqttTransport::~MqttTransport() {
  std::map<std::string, std::unique_ptr<Broker>> brokers;
  {
    std::lock_guard lock(mutex_);
    brokers.swap(brokers_);
  }
}

void MqttTransport::on_message(const std::string&, std::string_view payload) {
  // Anything may be published on the reply topic: ignore what is not a reply.
  auto reply = nlohmann::json::parse(payload, nullptr, false);
  if (!reply.is_object() || !reply.contains("request") || !reply["request"].is_number_unsigned()) {
    return;
  }
  // Read the id first: json's assignment takes its argument by value, and
  // C++17 evaluates the right side of `=` first, which would move `reply`
  // out before the key is read from it.
  const auto id = reply["request"].get<uint64_t>();
  std::lock_guard lock(mutex_);
  replies_[id] = std::move(reply);
  replied_.notify_all();
}

std::variant<MqttTransport::Target, std::string> MqttTransport::target_of(
    const std::string& href, std::chrono::milliseconds timeout) {
  // mqtt://HOST:PORT/TOPIC
  std::string_view rest = std::string_view(href).substr(7);
  auto slash = rest.find('/');
  if (slash == std::string_view::npos || slash + 1 == rest.size()) {
    return "deploy target has no topic: " + href;
  }
  std::string authority(rest.substr(0, slash));
  std::string topic(rest.substr(slash + 1));
  auto colon = authority.rfind(':');
  std::string host = authority.substr(0, colon);
  int port = colon == std::string::npos ? 1883 : std::atoi(authority.c_str() + colon + 1);

  std::unique_lock lock(mutex_);
  auto& broker = brokers_[authority];
  if (!broker) {
    auto fresh = std::make_unique<Broker>();
    const std::string id = fmt::format("tinykg-{}-{}", getpid(), static_cast<void*>(this));
    fresh->reply_topic = "tinykg/replies/" + id;
    fresh->client = mosquitto_new(id.c_str(), true, this);
    if (!fresh->client) return std::string("cannot create an MQTT client");
    mosquitto_message_callback_set(fresh->client, MqttCallbacks::on_message);
    mosquitto_subscribe_callback_set(fresh->client, MqttCallbacks::on_subscribe);
    int rc = mosquitto_connect(fresh->client, host.c_str(), port, 30);
    if (rc != MOSQ_ERR_SUCCESS) {
      brokers_.erase(authority);
      return fmt::format("cannot connect to MQTT broker {}: {}", authority, mosquitto_strerror(rc));
    }
    // Subscribe before the network loop runs, so the acknowledgement cannot
    // arrive before subscribe_mid is known.
    mosquitto_subscribe(fresh->client, &fresh->subscribe_mid, fresh->reply_topic.c_str(), 1);
    mosquitto_loop_start(fresh->client);
    broker = std::move(fresh);
  }
  Broker* b = broker.get();
  if (!replied_.wait_for(lock, timeout, [&] { return b->subscribed; })) {
    return fmt::format("MQTT broker {} did not confirm the subscription", authority);
  }
  return Target{b, topic};
}

std::optional<nlohmann::json> MqttTransport::request(Broker& broker, const std::string& topic,
                                                     const std::string& payload, uint64_t id,
                                                     std::chrono::milliseconds timeout) {
  int rc = mosquitto_publish(broker.client, nullptr, topic.c_str(), static_cast<int>(payload.size()),
                             payload.data(), 1, false);
  if (rc != MOSQ_ERR_SUCCESS) return std::nullopt;
  std::unique_lock lock(mutex_);
  if (!replied_.wait_for(lock, timeout, [&] { return replies_.count(id) > 0; })) {
    return std::nullopt;
  }
  auto reply = std::move(replies_[id]);
  replies_.erase(id);
  return reply;
}

DeliveryOutcome MqttTransport::deliver(const Delivery& d) {
  auto target = target_of(d.href, d.timeout);
  if (auto* error = std::get_if<std::string>(&target)) {
    return {DeliveryOutcome::Kind::Unreachable, *error};
  }
  auto& [broker, topic] = std::get<Target>(target);
  uint64_t id;
  {
    std::lock_guard lock(mutex_);
    id = next_request_++;
  }
  nlohmann::json header = {{"request", id},           {"reply_to", broker->reply_topic},
                           {"model", d.model_iri},    {"sha256", d.sha256},
                           {"size", d.bytes.size()},  {"ram_bytes", d.ram_bytes}};
  std::string payload = header.dump() + "\n";
  payload.append(d.bytes);
  auto reply = request(*broker, topic + "/deploy", payload, id, d.timeout);
  if (!reply) {
    return {DeliveryOutcome::Kind::Unreachable,
            fmt::format("no answer on MQTT from {} within {} ms", d.href, d.timeout.count())};
  }
  if (reply->contains("error") && (*reply)["error"].is_string()) {
    return {DeliveryOutcome::Kind::Rejected,
            "device answered: " + (*reply)["error"].get<std::string>()};
  }
  std::string verified = reply->value("sha256", "");
  if (verified != d.sha256) {
    return {DeliveryOutcome::Kind::Rejected, "device verified another hash"};
  }
  return {DeliveryOutcome::Kind::Confirmed, ""};
}

std::optional<std::string> MqttTransport::running_hash(const std::string& href,
                                                       std::chrono::milliseconds timeout) {
  auto target = target_of(href, timeout);
  auto* t = std::get_if<Target>(&target);
  if (!t) return std::nullopt;
  uint64_t id;
  {
    std::lock_guard lock(mutex_);
    id = next_request_++;
  }
  nlohmann::json ask = {{"request", id}, {"reply_to", t->broker->reply_topic}};
  auto reply = request(*t->broker, t->topic + "/state/get", ask.dump(), id, timeout);
  if (!reply || !reply->contains("sha256") || !(*reply)["sha256"].is_string()) return std::nullopt;
  return (*reply)["sha256"].get<std::string>();
}

}  // namespace tinykg::deploy
