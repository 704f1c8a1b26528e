// A fleet of simulated TinyML devices on loopback, for tests, benchmarks and
// demos (`tinykg-devsim`, contracts.md §2). One HTTP server serves every
// device; with an MQTT broker the devices also listen on their topics.
//
//   POST /devices/{i}/deploy     the .tflite (HttpTransport's protocol, http_transport.h)
//   GET  /devices/{i}/deploy     {"sha256": running model hash or null}
//   GET  /devices/{i}/description.ttl   the device as Turtle (TD + s3n, with its deploy form)
//   GET  /fleet.ttl              every device
//   GET  /state                  the simulator's own record of every device (JSON)
//
// A device installs a model only if the SHA-256 of the bytes it received is
// the one announced and the model fits its free RAM (announced arena) and
// Flash (bytes); otherwise it answers with the reason. Over HTTP it also
// checks that the request's Content-Type is the one its TD form declares.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "deploy/sim/fault_plan.h"

namespace tinykg::deploy::sim {

enum class DeviceTransport { Http, Mqtt, Mixed };  // Mixed: even devices HTTP, odd MQTT

struct FleetOptions {
  size_t count = 10;
  std::string host = "127.0.0.1";
  int http_port = 0;          // 0: any free port
  std::string mqtt_broker;    // HOST:PORT; empty: HTTP only
  DeviceTransport transport = DeviceTransport::Http;
  double ram_kb = 256;        // free RAM of every device (1 kB = 1000 bytes)
  double flash_kb = 1024;     // free Flash
  std::vector<std::string> sensor_kinds = {"Microphone", "Accelerometer", "Camera"};
  std::vector<std::string> runtimes;  // schema:runtimePlatform, optional
  // The deploy form's contentType; empty: the TD declares none (TD default
  // application/json). An HTTP transfer with another Content-Type gets 415.
  std::string content_type = "application/octet-stream";
  double fail_rate = 0;       // persistent faults
  double flaky_rate = 0;      // transient faults (reboot)
  uint64_t delay_ms = 0;      // added before every answer
  uint64_t hang_ms = 5000;    // how long a "timeout" device hangs
  uint64_t seed = 1;
  std::string state_file;     // JSON state, rewritten on change
  int threads = 64;
};

class SimulatedFleet {
 public:
  explicit SimulatedFleet(FleetOptions options);
  ~SimulatedFleet();  // stops
  SimulatedFleet(const SimulatedFleet&) = delete;
  SimulatedFleet& operator=(const SimulatedFleet&) = delete;

  // Binds and serves on background threads; returns the HTTP port.
  Result<int> start();
  void stop();

  int port() const;
  std::string device_iri(size_t i) const;  // http://tinykg.dev/devsim/{PORT}/dev-{i}
  std::string deploy_href(size_t i) const;
  std::string device_turtle(size_t i) const;
  std::string fleet_turtle() const;
  Fault fault(size_t i) const;
  nlohmann::json state() const;  // {"port", "devices": [{"index","iri","fault","sha256",...}]}

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tinykg::deploy::sim
