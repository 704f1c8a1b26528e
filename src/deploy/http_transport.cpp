#include "deploy/http_transport.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

namespace tinykg::deploy {
namespace {

struct Url {
  std::string origin;  // scheme://host:port
  std::string path;
};

std::optional<Url> split_url(const std::string& href) {
  auto scheme_end = href.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  auto path_start = href.find('/', scheme_end + 3);
  if (path_start == std::string::npos) return Url{href, "/"};
  return Url{href.substr(0, path_start), href.substr(path_start)};
}

httplib::Client client_for(const Url& url, std::chrono::milliseconds timeout) {
  httplib::Client client(url.origin);
  auto seconds = timeout.count() / 1000;
  auto micros = (timeout.count() % 1000) * 1000;
  client.set_connection_timeout(seconds, micros);
  client.set_read_timeout(seconds, micros);
  client.set_write_timeout(seconds, micros);
  client.set_tcp_nodelay(true);
  return client;
}

std::string answer_error(const httplib::Result& res) {
  auto body = nlohmann::json::parse(res->body, nullptr, false);
  if (body.is_object() && body.contains("error") && body["error"].is_string()) {
    return fmt::format("device answered {}: {}", res->status, body["error"].get<std::string>());
  }
  return fmt::format("device answered {}", res->status);
}

}  // namespace

DeliveryOutcome HttpTransport::deliver(const Delivery& d) {
  auto url = split_url(d.href);
  if (!url) return {DeliveryOutcome::Kind::Rejected, "deploy target is not a URL: " + d.href};
  auto client = client_for(*url, d.timeout);
  httplib::Headers headers = {{"X-Model-Sha256", d.sha256},
                              {"X-Model-Id", d.model_iri},
                              {"X-Model-Ram-Bytes", std::to_string(d.ram_bytes)}};
  auto res = client.Post(url->path, headers, d.bytes.data(), d.bytes.size(),
                         "application/octet-stream");
  if (!res) {
    return {DeliveryOutcome::Kind::Unreachable,
            fmt::format("no answer from {}: {}", d.href, httplib::to_string(res.error()))};
  }
  if (res->status != 200) return {DeliveryOutcome::Kind::Rejected, answer_error(res)};
  auto body = nlohmann::json::parse(res->body, nullptr, false);
  std::string verified = body.is_object() ? body.value("sha256", "") : "";
  if (verified != d.sha256) {
    return {DeliveryOutcome::Kind::Rejected,
            fmt::format("device verified hash {} instead of {}",
                        verified.empty() ? "(none)" : verified.substr(0, 12), d.sha256.substr(0, 12))};
  }
  return {DeliveryOutcome::Kind::Confirmed, ""};
}

std::optional<std::string> HttpTransport::running_hash(const std::string& href,
                                                       std::chrono::milliseconds timeout) {
  auto url = split_url(href);
  if (!url) return std::nullopt;
  auto client = client_for(*url, timeout);
  auto res = client.Get(url->path);
  if (!res || res->status != 200) return std::nullopt;
  auto body = nlohmann::json::parse(res->body, nullptr, false);
  if (!body.is_object() || !body.contains("sha256") || !body["sha256"].is_string()) {
    return std::nullopt;
  }
  return body["sha256"].get<std::string>();
}

}  // namespace tinykg::deploy
