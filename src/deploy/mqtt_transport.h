// MQTT delivery through a broker (libmosquitto). The deploy form target is
// mqtt://HOST:PORT/TOPIC; with R = the client's reply topic
// (tinykg/replies/<client id>, subscribed once per broker connection):
//   publish TOPIC/deploy      payload = one JSON header line, "\n", the .tflite bytes
//       header {"request": id, "reply_to": R, "model": iri, "sha256": hex,
//               "size": bytes, "ram_bytes": arena}
//   device publishes on R     {"request": id, "sha256": verified hex} or {"request": id, "error": …}
//   publish TOPIC/state/get   {"request": id, "reply_to": R} -> on R {"request": id, "sha256": hex|null}
// All at QoS 1. docs/deploy.md has the full description.
#pragma once

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <variant>
#include <string>

#include <nlohmann/json.hpp>

#include "deploy/transport.h"

struct mosquitto;

namespace tinykg::deploy {

class MqttTransport final : public Transport {
 public:
  MqttTransport();
  ~MqttTransport() override;
  DeliveryOutcome deliver(const Delivery& delivery) override;
  std::optional<std::string> running_hash(const std::string& href,
                                          std::chrono::milliseconds timeout) override;

 private:
  struct Broker;
  struct Target {
    Broker* broker = nullptr;
    std::string topic;
  };
  // The connected broker of an href, or an error message.
  std::variant<Target, std::string> target_of(const std::string& href,
                                              std::chrono::milliseconds timeout);
  // Publishes and waits for the reply with the request's id.
  std::optional<nlohmann::json> request(Broker& broker, const std::string& topic,
                                        const std::string& payload, uint64_t id,
                                        std::chrono::milliseconds timeout);
  void on_message(const std::string& topic, std::string_view payload);
  friend struct MqttCallbacks;

  std::mutex mutex_;
  std::condition_variable replied_;
  std::map<std::string, std::unique_ptr<Broker>> brokers_;  // by host:port
  std::map<uint64_t, nlohmann::json> replies_;
  uint64_t next_request_ = 1;
};

}  // namespace tinykg::deploy
