// How model bytes reach a device. One interface, one implementation per
// protocol; the campaign runner picks one by the scheme of the device's
// deploy form target (http:// -> HttpTransport, mqtt:// -> MqttTransport).
// BLE or CoAP plug in as further implementations.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace tinykg::deploy {

struct Delivery {
  std::string href;        // the device's deploy form target
  std::string content_type;  // the form's contentType (empty: application/octet-stream)
  std::string model_iri;
  std::string sha256;      // hex; the device must answer with the hash it verified
  std::string_view bytes;  // the .tflite
  uint64_t ram_bytes = 0;  // tensor arena the model needs (device checks its free RAM)
  std::chrono::milliseconds timeout{10'000};
};

struct DeliveryOutcome {
  enum class Kind {
    Confirmed,  // the device verified and installed the model
    Rejected,   // the device answered no (hash mismatch, no memory): retrying may help
    Unreachable,  // no answer: connect error, timeout, connection dropped
  };
  Kind kind = Kind::Unreachable;
  std::string error;  // one line for the record
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Why this transport cannot send `delivery` as its form asks (e.g. a
  // contentType it cannot produce); empty when it can. Checked before the
  // first attempt: such a device is refused, not retried.
  virtual std::string refusal(const Delivery& delivery) const { return ""; }
  virtual DeliveryOutcome deliver(const Delivery& delivery) = 0;
  // The hash of the model the device runs now, if it can say. Asked before
  // sending again after an interruption, so a device that already confirmed
  // (but whose confirmation was not yet recorded) is not sent the model twice.
  virtual std::optional<std::string> running_hash(const std::string& href,
                                                  std::chrono::milliseconds timeout) = 0;
};

// Dispatches on the href scheme; owns one transport per scheme, made on
// first use. Thread-safe: the workers of a wave share one set.
class TransportSet {
 public:
  TransportSet();
  ~TransportSet();
  Transport* for_href(std::string_view href);  // nullptr for an unknown scheme

 private:
  std::mutex mutex_;
  std::unique_ptr<Transport> http_;
  std::unique_ptr<Transport> mqtt_;
};

}  // namespace tinykg::deploy
