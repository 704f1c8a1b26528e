// tinykg-devsim: N simulated TinyML devices on loopback (contracts.md §2).
// Prints "devsim: N devices on http://127.0.0.1:PORT" when ready and serves
// until SIGTERM or SIGINT.
#include <csignal>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "deploy/sim/simulated_fleet.h"

namespace {

using tinykg::deploy::sim::FleetOptions;
using tinykg::deploy::sim::SimulatedFleet;

// SELECT over the tinykg server's SPARQL endpoint; rows of strings.
std::vector<std::vector<std::string>> select(httplib::Client& client, const std::string& query) {
  auto res = client.Post("/sparql", {{"Accept", "application/sparql-results+json"}}, query,
                         "application/sparql-query");
  if (!res || res->status != 200) {
    throw std::runtime_error(fmt::format("SPARQL query to the tinykg server failed ({})",
                                         res ? std::to_string(res->status) : httplib::to_string(res.error())));
  }
  auto j = nlohmann::json::parse(res->body);
  std::vector<std::vector<std::string>> rows;
  for (const auto& b : j["results"]["bindings"]) {
    std::vector<std::string> row;
    for (const auto& var : j["head"]["vars"]) {
      row.push_back(b.contains(var) ? b[var.get<std::string>()]["value"].get<std::string>() : "");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// --like: sensors, RAM and Flash (kB) of a board stored in the tinykg server.
void copy_board(httplib::Client& client, const std::string& board, FleetOptions& o) {
  auto sensors = select(client, fmt::format(
      "SELECT DISTINCT ?k WHERE {{ <{}> <http://www.w3.org/ns/ssn/hasSubSystem> ?s . ?s a ?k . "
      "FILTER(STRSTARTS(STR(?k), \"http://tinyml-schema.org/sosa_extend/\")) }}", board));
  o.sensor_kinds.clear();
  for (auto& row : sensors) o.sensor_kinds.push_back(row[0].substr(row[0].rfind('/') + 1));
  auto memory = select(client, fmt::format(
      "SELECT ?t ?v WHERE {{ <{}> <http://www.w3.org/ns/ssn/hasSubSystem> ?m . "
      "?m <http://w3id.org/s3n/hasSystemCapability> ?c . "
      "?c <http://www.w3.org/ns/ssn/systems/hasSystemProperty> ?p . ?p a ?t ; <https://schema.org/value> ?v }}",
      board));
  bool found = false;
  for (auto& row : memory) {
    if (row[0].ends_with("/RAM")) o.ram_kb = std::stod(row[1]), found = true;
    if (row[0].ends_with("/Flash")) o.flash_kb = std::stod(row[1]), found = true;
  }
  if (!found && sensors.empty()) throw std::runtime_error("board " + board + " is not in the graph");
}

void register_devices(const SimulatedFleet& fleet, size_t count, httplib::Client& client,
                      const std::string& token) {
  for (size_t i = 0; i < count; ++i) {
    auto res = client.Post("/api/devices", {{"Authorization", "Bearer " + token}},
                           fleet.device_turtle(i), "text/turtle");
    if (!res || res->status >= 300) {
      throw std::runtime_error(fmt::format("registering devsim-{} failed: {}", i,
                                           res ? res->body : httplib::to_string(res.error())));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  FleetOptions o;
  std::string register_url, token, like, transport = "auto";
  CLI::App app{"tinykg-devsim: simulated TinyML devices that accept model deployments"};
  app.add_option("--count", o.count, "Number of devices")->required();
  app.add_option("--http-port", o.http_port, "HTTP port (0: any free port)");
  app.add_option("--mqtt-broker", o.mqtt_broker, "MQTT broker HOST:PORT (devices listen there too)");
  app.add_option("--transport", transport, "Deploy form of the devices: http, mqtt, mixed "
                 "(default: mqtt with a broker, else http)")
      ->check(CLI::IsMember({"auto", "http", "mqtt", "mixed"}));
  app.add_option("--like", like, "Copy sensors, RAM and Flash of this board IRI (needs --register)");
  app.add_option("--ram-kb", o.ram_kb, "Free RAM of each device, kB");
  app.add_option("--flash-kb", o.flash_kb, "Free Flash of each device, kB");
  app.add_option("--content-type", o.content_type,
                 "contentType of the deploy form (\"\": none, i.e. the TD default application/json)");
  app.add_option("--fail-rate", o.fail_rate, "Share of devices with a persistent fault")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--flaky-rate", o.flaky_rate, "Share of devices that reboot on the first transfer")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--delay-ms", o.delay_ms, "Delay before every answer");
  app.add_option("--hang-ms", o.hang_ms, "How long a device with the timeout fault hangs");
  app.add_option("--register", register_url, "tinykg server URL to register the devices with");
  app.add_option("--token", token, "Write token for --register");
  app.add_option("--seed", o.seed, "Seed of the fault plan");
  app.add_option("--state-file", o.state_file, "Write the devices' state (JSON) here on change");
  CLI11_PARSE(app, argc, argv);
  if (o.count == 0) {
    std::cerr << "tinykg-devsim: error: --count must be at least 1\n";
    return 1;
  }
  if (transport == "mqtt" || transport == "mixed") {
    if (o.mqtt_broker.empty()) {
      std::cerr << "tinykg-devsim: error: --transport " << transport << " needs --mqtt-broker\n";
      return 1;
    }
  }
  o.transport = transport == "mixed" ? tinykg::deploy::sim::DeviceTransport::Mixed
                : transport == "http" || o.mqtt_broker.empty()
                    ? tinykg::deploy::sim::DeviceTransport::Http
                    : tinykg::deploy::sim::DeviceTransport::Mqtt;

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    std::unique_ptr<httplib::Client> server;
    if (!register_url.empty()) server = std::make_unique<httplib::Client>(register_url);
    if (!like.empty()) {
      if (!server) throw std::runtime_error("--like needs --register (the server to read the board from)");
      copy_board(*server, like, o);
    }
    SimulatedFleet fleet(o);
    auto port = fleet.start();
    if (!port.ok()) throw std::runtime_error(port.error());
    if (server) register_devices(fleet, o.count, *server, token);
    std::cout << fmt::format("devsim: {} devices on http://127.0.0.1:{}", o.count, *port)
              << std::endl;
    int signal = 0;
    sigwait(&signals, &signal);
    fleet.stop();
  } catch (const std::exception& e) {
    std::cerr << "tinykg-devsim: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
