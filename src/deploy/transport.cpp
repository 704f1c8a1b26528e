#include "deploy/transport.h"

#include "deploy/http_transport.h"
#include "deploy/mqtt_transport.h"

namespace tinykg::deploy {

TransportSet::TransportSet() = default;
TransportSet::~TransportSet() = default;

Transport* TransportSet::for_href(std::string_view href) {
  std::lock_guard lock(mutex_);
  if (href.starts_with("http://") || href.starts_with("https://")) {
    if (!http_) http_ = std::make_unique<HttpTransport>();
    return http_.get();
  }
  if (href.starts_with("mqtt://")) {
    if (!mqtt_) mqtt_ = std::make_unique<MqttTransport>();
    return mqtt_.get();
  }
  return nullptr;
}

}  // namespace tinykg::deploy
