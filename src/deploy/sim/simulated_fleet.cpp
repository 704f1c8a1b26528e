#include "deploy/sim/simulated_fleet.h"

#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>
#include <mosquitto.h>
#include <openssl/sha.h>

namespace tinykg::deploy::sim {
namespace {

using nlohmann::json;

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  std::string hex;
  for (unsigned char b : digest) hex += fmt::format("{:02x}", b);
  return hex;
}

// One simulated board: what it runs and what happened to it.
struct Device {
  mutable std::mutex mutex;
  Fault fault = Fault::None;
  std::string sha256;           // running model; empty: none
  std::string model;
  std::string previous_sha256;
  uint64_t receipts = 0;        // transfers received (any outcome)
  uint64_t installs = 0;
  uint64_t duplicates = 0;      // transfers of the model it already ran
  std::string last_error;
  bool rebooted = false;
};

// The answer to one transfer, whichever transport carried it.
struct Answer {
  int status = 200;
  json body;
  bool drop = false;  // say nothing (disconnect / hang)
  bool hang = false;
};

}  // namespace

struct SimulatedFleet::Impl {
  explicit Impl(FleetOptions o) : options(std::move(o)) {
    auto faults = plan_faults(options.count, options.fail_rate, options.flaky_rate, options.seed);
    for (size_t i = 0; i < options.count; ++i) {
      devices.push_back(std::make_unique<Device>());
      devices.back()->fault = faults[i];
    }
  }

  SimulatedFleet* owner = nullptr;
  FleetOptions options;
  std::vector<std::unique_ptr<Device>> devices;
  httplib::Server http;
  std::thread listener;
  int port = 0;
  int mqtt_port = 0;
  std::string mqtt_host;
  mosquitto* mqtt = nullptr;
  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stopping = false;
  std::thread state_writer;
  int mqtt_subscriptions = 0;  // acknowledged by the broker
  std::atomic<bool> state_dirty{true};

  bool uses_mqtt(size_t i) const {
    if (options.mqtt_broker.empty()) return false;
    return options.transport == DeviceTransport::Mqtt ||
           (options.transport == DeviceTransport::Mixed && i % 2 == 1);
  }
  std::string topic(size_t i) const { return fmt::format("tinykg/devsim/{}/dev-{}", port, i); }

  // Sleeps `ms` unless the fleet stops first.
  void pause_for(uint64_t ms) {
    std::unique_lock lock(stop_mutex);
    stop_cv.wait_for(lock, std::chrono::milliseconds(ms), [&] { return stopping; });
  }

  Answer accept(size_t i, std::string_view bytes, const std::string& sha256,
                const std::string& model, uint64_t ram_bytes) {
    if (options.delay_ms) pause_for(options.delay_ms);
    Device& d = *devices[i];
    std::lock_guard lock(d.mutex);
    state_dirty = true;
    ++d.receipts;
    if (!d.sha256.empty() && d.sha256 == sha256) ++d.duplicates;
    auto refuse = [&](int status, std::string why) {
      d.last_error = why;
      return Answer{status, {{"error", std::move(why)}}};
    };
    switch (d.fault) {
      case Fault::Timeout: d.last_error = "hung"; return Answer{0, {}, true, true};
      case Fault::Disconnect: d.last_error = "disconnected"; return Answer{0, {}, true};
      case Fault::Flash: return refuse(500, "flash write failed at offset 4096");
      case Fault::Reboot:
        if (!d.rebooted) {
          d.rebooted = true;
          return refuse(503, "device rebooting, try again");
        }
        break;
      default: break;
    }
    std::string received = d.fault == Fault::Corrupt
                               ? sha256_hex(std::string(bytes) + '\0')  // a damaged transfer
                               : sha256_hex(bytes);
    if (received != sha256) {
      return refuse(422, fmt::format("sha256 mismatch: received {}, announced {}",
                                     received.substr(0, 12), sha256.substr(0, 12)));
    }
    if (double(ram_bytes) > options.ram_kb * 1000) {
      return refuse(507, fmt::format("not enough RAM: model needs {} bytes, {} free", ram_bytes,
                                     uint64_t(options.ram_kb * 1000)));
    }
    if (double(bytes.size()) > options.flash_kb * 1000) {
      return refuse(507, fmt::format("not enough Flash: model has {} bytes, {} free",
                                     bytes.size(), uint64_t(options.flash_kb * 1000)));
    }
    if (d.sha256 != sha256) d.previous_sha256 = d.sha256;
    d.sha256 = sha256;
    d.model = model;
    ++d.installs;
    d.last_error.clear();
    return Answer{200, {{"sha256", sha256}}};
  }

  json running(size_t i) const {
    Device& d = *devices[i];
    std::lock_guard lock(d.mutex);
    return {{"sha256", d.sha256.empty() ? json() : json(d.sha256)}};
  }

  void add_http_routes();
  void start_mqtt();
  void on_mqtt(const mosquitto_message* m);
  void write_state_file();
};

namespace {

std::optional<size_t> device_index(const httplib::Request& req, size_t count) {
  size_t i = std::strtoull(req.matches[1].str().c_str(), nullptr, 10);
  if (i >= count) return std::nullopt;
  return i;
}

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

}  // namespace

void SimulatedFleet::Impl::add_http_routes() {
  http.Post(R"(/devices/(\d+)/deploy)", [this](const httplib::Request& req, httplib::Response& res) {
    auto i = device_index(req, devices.size());
    if (!i) return send_json(res, 404, {{"error", "no such device"}});
    const std::string declared = options.content_type.empty() ? "application/json"
                                                               : options.content_type;
    if (req.get_header_value("Content-Type") != declared) {
      return send_json(res, 415, {{"error", fmt::format("expected Content-Type {}, got {}", declared,
                                                        req.get_header_value("Content-Type"))}});
    }
    uint64_t ram = std::strtoull(req.get_header_value("X-Model-Ram-Bytes").c_str(), nullptr, 10);
    Answer a = accept(*i, req.body, req.get_header_value("X-Model-Sha256"),
                      req.get_header_value("X-Model-Id"), ram);
    if (a.hang) pause_for(options.hang_ms);
    if (a.drop) {
      // Announce a body, send part of it, then drop the connection.
      res.set_content_provider(64, "application/json", [](size_t, size_t, httplib::DataSink& sink) {
        sink.write("{\"sha", 5);
        return false;
      });
      return;
    }
    send_json(res, a.status, a.body);
  });
  http.Get(R"(/devices/(\d+)/deploy)", [this](const httplib::Request& req, httplib::Response& res) {
    auto i = device_index(req, devices.size());
    if (!i) return send_json(res, 404, {{"error", "no such device"}});
    send_json(res, 200, running(*i));
  });
  http.Get(R"(/devices/(\d+)/description.ttl)",
           [this](const httplib::Request& req, httplib::Response& res) {
    auto i = device_index(req, devices.size());
    if (!i) return send_json(res, 404, {{"error", "no such device"}});
    res.set_content(owner->device_turtle(*i), "text/turtle");
  });
  http.Get("/fleet.ttl", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(owner->fleet_turtle(), "text/turtle");
  });
  http.Get("/state", [this](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, owner->state());
  });
}

void SimulatedFleet::Impl::on_mqtt(const mosquitto_message* m) {
  // tinykg/devsim/{port}/dev-{i}/deploy  or  …/dev-{i}/state/get
  std::string_view topic(m->topic);
  const std::string prefix = fmt::format("tinykg/devsim/{}/dev-", port);
  if (!topic.starts_with(prefix)) return;
  topic.remove_prefix(prefix.size());
  size_t i = std::strtoull(std::string(topic).c_str(), nullptr, 10);
  if (i >= devices.size()) return;
  std::string_view payload(static_cast<const char*>(m->payload), m->payloadlen);
  size_t newline = payload.find('\n');
  auto header = json::parse(payload.substr(0, newline), nullptr, false);
  if (!header.is_object() || !header.contains("reply_to") || !header["reply_to"].is_string()) return;
  json reply = {{"request", header.value("request", json())}};
  if (topic.ends_with("/state/get")) {
    reply["sha256"] = running(i)["sha256"];
  } else if (topic.ends_with("/deploy")) {
    std::string_view bytes = newline == std::string_view::npos ? std::string_view()
                                                               : payload.substr(newline + 1);
    Answer a = accept(i, bytes, header.value("sha256", ""), header.value("model", ""),
                      header.value("ram_bytes", uint64_t{0}));
    if (a.drop) return;  // over MQTT a hang and a disconnect look the same: no reply
    if (a.status == 200) {
      reply["sha256"] = a.body["sha256"];
    } else {
      reply["error"] = a.body["error"];
    }
  } else {
    return;
  }
  const std::string reply_to = header["reply_to"].get<std::string>();
  const std::string text = reply.dump();
  mosquitto_publish(mqtt, nullptr, reply_to.c_str(), static_cast<int>(text.size()), text.data(), 1,
                    false);
}

void SimulatedFleet::Impl::start_mqtt() {
  auto colon = options.mqtt_broker.rfind(':');
  mqtt_host = options.mqtt_broker.substr(0, colon);
  mqtt_port = colon == std::string::npos ? 1883 : std::atoi(options.mqtt_broker.c_str() + colon + 1);
}

void SimulatedFleet::Impl::write_state_file() {
  if (options.state_file.empty() || !state_dirty.exchange(false)) return;
  const std::string tmp = options.state_file + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << owner->state().dump(1) << "\n";
  }
  std::error_code ec;
  std::filesystem::rename(tmp, options.state_file, ec);
}

SimulatedFleet::SimulatedFleet(FleetOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->owner = this;
}

SimulatedFleet::~SimulatedFleet() { stop(); }

Result<int> SimulatedFleet::start() {
  Impl& s = *impl_;
  const int threads = s.options.threads;
  s.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.http.set_payload_max_length(64 * 1024 * 1024);
  s.http.set_tcp_nodelay(true);
  s.http.set_keep_alive_max_count(100'000);
  s.add_http_routes();
  s.port = s.options.http_port == 0 ? s.http.bind_to_any_port(s.options.host)
                                    : (s.http.bind_to_port(s.options.host, s.options.http_port)
                                           ? s.options.http_port
                                           : -1);
  if (s.port < 0) return fail("cannot listen on {}:{}", s.options.host, s.options.http_port);
  s.listener = std::thread([&s] { s.http.listen_after_bind(); });
  while (!s.http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  if (!s.options.mqtt_broker.empty()) {
    s.start_mqtt();
    static std::once_flag init;
    std::call_once(init, [] { mosquitto_lib_init(); });
    s.mqtt = mosquitto_new(fmt::format("tinykg-devsim-{}", s.port).c_str(), true, &s);
    mosquitto_message_callback_set(s.mqtt, [](mosquitto*, void* self, const mosquitto_message* m) {
      static_cast<Impl*>(self)->on_mqtt(m);
    });
    mosquitto_subscribe_callback_set(s.mqtt, [](mosquitto*, void* self, int, int, const int*) {
      auto* impl = static_cast<Impl*>(self);
      std::lock_guard lock(impl->stop_mutex);
      ++impl->mqtt_subscriptions;
      impl->stop_cv.notify_all();
    });
    int rc = mosquitto_connect(s.mqtt, s.mqtt_host.c_str(), s.mqtt_port, 30);
    if (rc != MOSQ_ERR_SUCCESS) {
      return fail("cannot connect to MQTT broker {}: {}", s.options.mqtt_broker, mosquitto_strerror(rc));
    }
    const std::string base = fmt::format("tinykg/devsim/{}/+/", s.port);
    mosquitto_subscribe(s.mqtt, nullptr, (base + "deploy").c_str(), 1);
    mosquitto_subscribe(s.mqtt, nullptr, (base + "state/get").c_str(), 1);
    mosquitto_loop_start(s.mqtt);
    // Ready means reachable: wait until the broker routes the devices' topics.
    std::unique_lock lock(s.stop_mutex);
    if (!s.stop_cv.wait_for(lock, std::chrono::seconds(10),
                            [&] { return s.mqtt_subscriptions == 2; })) {
      return fail("MQTT broker {} did not confirm the subscriptions", s.options.mqtt_broker);
    }
  }
  s.state_writer = std::thread([&s] {
    std::unique_lock lock(s.stop_mutex);
    while (!s.stopping) {
      s.stop_cv.wait_for(lock, std::chrono::milliseconds(100));
      lock.unlock();
      s.write_state_file();
      lock.lock();
    }
  });
  return s.port;
}

void SimulatedFleet::stop() {
  Impl& s = *impl_;
  {
    std::lock_guard lock(s.stop_mutex);
    if (s.stopping) return;
    s.stopping = true;
  }
  s.stop_cv.notify_all();
  if (s.mqtt) {
    mosquitto_disconnect(s.mqtt);
    mosquitto_loop_stop(s.mqtt, true);
    mosquitto_destroy(s.mqtt);
    s.mqtt = nullptr;
  }
  s.http.stop();
  if (s.listener.joinable()) s.listener.join();
  if (s.state_writer.joinable()) s.state_writer.join();
  s.state_dirty = true;
  s.write_state_file();
}

int SimulatedFleet::port() const { return impl_->port; }

std::string SimulatedFleet::device_iri(size_t i) const {
  return fmt::format("http://tinykg.dev/devsim/{}/dev-{}", impl_->port, i);
}

std::string SimulatedFleet::deploy_href(size_t i) const {
  const Impl& s = *impl_;
  if (s.uses_mqtt(i)) return fmt::format("mqtt://{}/{}", s.options.mqtt_broker, s.topic(i));
  return fmt::format("http://{}:{}/devices/{}/deploy", s.options.host, s.port, i);
}

Fault SimulatedFleet::fault(size_t i) const { return impl_->devices.at(i)->fault; }

std::string SimulatedFleet::device_turtle(size_t i) const {
  const FleetOptions& o = impl_->options;
  const std::string dev = device_iri(i);
  std::string t = fmt::format(
      "<{0}> a <http://w3id.org/s3n/SmartSensor>, <https://www.w3.org/2019/wot/td#Thing> ;\n"
      "  <https://www.w3.org/2019/wot/td#title> \"devsim-{1}\" ;\n"
      "  <https://www.w3.org/2019/wot/td#description> \"tinykg simulated device {1}\" ;\n"
      "  <http://www.w3.org/ns/ssn/hasSubSystem> <{0}/mcu>",
      dev, i);
  for (const std::string& kind : o.sensor_kinds) t += fmt::format(", <{}/sensor/{}>", dev, kind);
  t += fmt::format(" ;\n  <https://www.w3.org/2019/wot/td#hasActionAffordance> <{}/action/deploy>", dev);
  for (const std::string& r : o.runtimes) t += fmt::format(" ;\n  <https://schema.org/runtimePlatform> \"{}\"", r);
  t += " .\n";
  for (const std::string& kind : o.sensor_kinds) {
    t += fmt::format("<{0}/sensor/{1}> a <http://tinyml-schema.org/sosa_extend/{1}>, "
                     "<http://www.w3.org/ns/sosa/Sensor> .\n", dev, kind);
  }
  t += fmt::format(
      "<{0}/mcu> a <http://w3id.org/s3n/MicroController> ;\n"
      "  <http://w3id.org/s3n/hasSystemCapability> <{0}/mcu/capability> .\n"
      "<{0}/mcu/capability> a <http://www.w3.org/ns/ssn/systems/SystemCapability> ;\n"
      "  <http://www.w3.org/ns/ssn/systems/hasSystemProperty> <{0}/mcu/ram>, <{0}/mcu/flash> .\n"
      "<{0}/mcu/ram> a <http://tinyml-schema.org/s3n_extend/RAM>, <http://w3id.org/s3n/Memory> ;\n"
      "  <https://schema.org/value> {1} ;\n"
      "  <https://schema.org/unitCode> <http://www.ontology-of-units-of-measure.org/resource/om-2/kilobyte> .\n"
      "<{0}/mcu/flash> a <http://tinyml-schema.org/s3n_extend/Flash>, <http://w3id.org/s3n/Memory> ;\n"
      "  <https://schema.org/value> {2} ;\n"
      "  <https://schema.org/unitCode> <http://www.ontology-of-units-of-measure.org/resource/om-2/kilobyte> .\n"
      "<{0}/action/deploy> a <https://www.w3.org/2019/wot/td#ActionAffordance> ;\n"
      "  <https://www.w3.org/2019/wot/td#name> \"deploy\" ;\n"
      "  <https://www.w3.org/2019/wot/td#hasForm> <{0}/form/deploy> .\n"
      "<{0}/form/deploy> <https://www.w3.org/2019/wot/hypermedia#hasTarget> <{3}> ;\n",
      dev, fmt::format("{:g}", o.ram_kb), fmt::format("{:g}", o.flash_kb), deploy_href(i));
  if (!o.content_type.empty()) {
    t += fmt::format("  <https://www.w3.org/2019/wot/hypermedia#forContentType> \"{}\" ;\n",
                     o.content_type);
  }
  t += "  <https://www.w3.org/2019/wot/hypermedia#hasOperationType> "
       "<https://www.w3.org/2019/wot/td#invokeAction> .\n";
  return t;
}

std::string SimulatedFleet::fleet_turtle() const {
  std::string t;
  for (size_t i = 0; i < impl_->devices.size(); ++i) t += device_turtle(i);
  return t;
}

nlohmann::json SimulatedFleet::state() const {
  json devices = json::array();
  for (size_t i = 0; i < impl_->devices.size(); ++i) {
    const Device& d = *impl_->devices[i];
    std::lock_guard lock(d.mutex);
    devices.push_back({{"index", i},
                       {"iri", device_iri(i)},
                       {"title", fmt::format("devsim-{}", i)},
                       {"href", deploy_href(i)},
                       {"fault", to_string(d.fault)},
                       {"sha256", d.sha256.empty() ? json() : json(d.sha256)},
                       {"model", d.model.empty() ? json() : json(d.model)},
                       {"previous_sha256", d.previous_sha256.empty() ? json() : json(d.previous_sha256)},
                       {"receipts", d.receipts},
                       {"installs", d.installs},
                       {"duplicates", d.duplicates},
                       {"last_error", d.last_error.empty() ? json() : json(d.last_error)}});
  }
  return {{"port", impl_->port}, {"devices", std::move(devices)}};
}

}  // namespace tinykg::deploy::sim
