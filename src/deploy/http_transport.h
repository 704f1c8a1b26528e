// HTTP delivery (TD action affordance "deploy", op invokeaction):
//   POST <href>   Content-Type: application/octet-stream, body = .tflite bytes
//     X-Model-Sha256: <hex>   X-Model-Id: <model IRI>   X-Model-Ram-Bytes: <arena>
//   200 {"sha256": "<hash the device computed>"}    installed
//   4xx/5xx {"error": "..."}                          rejected
//   GET <href>  -> 200 {"sha256": "<running model hash>" | null}
//
// The body is the raw model, so the form's contentType must be
// application/octet-stream (parameters allowed); a device whose form asks for
// anything else (including the TD default application/json) is refused
// rather than sent bytes it would misread.
#pragma once

#include "deploy/transport.h"

namespace tinykg::deploy {

class HttpTransport final : public Transport {
 public:
  std::string refusal(const Delivery& delivery) const override;
  DeliveryOutcome deliver(const Delivery& delivery) override;
  std::optional<std::string> running_hash(const std::string& href,
                                          std::chrono::milliseconds timeout) override;
};

}  // namespace tinykg::deploy
