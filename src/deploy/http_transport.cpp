#include "deploy/http_transport.h"

#include <algorithm>
#include <cctype>

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

constexpr std::string_view kRawBytes = "application/octet-stream";

// "Application/Octet-Stream; charset=x" -> "application/octet-stream"
std::string media_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

}  // namespace

std::string HttpTransport::refusal(const Delivery& d) const {
  if (d.content_type.empty() || media_type(d.content_type) == kRawBytes) return "";
  return fmt::format(
      "the device's deploy form asks for contentType {}, which the HTTP transport cannot "
      "produce: it sends the model as raw bytes; declare contentType {} in the TD's deploy form{}",
      d.content_type, kRawBytes,
      d.content_type == "application/json" ? " (a form without contentType means application/json)"
                                           : "");
}

DeliveryOutcome HttpTransport::deliver(const Delivery& d) {
  if (std::string why = refusal(d); !why.empty()) return {DeliveryOutcome::Kind::Rejected, why};
  auto url = split_url(d.href);
  if (!url) return {DeliveryOutcome::Kind::Rejected, "deploy target is not a URL: " + d.href};
  auto client = client_for(*url, d.timeout);
  httplib::Headers headers = {{"X-Model-Sha256", d.sha256},
                              {"X-Model-Id", d.model_iri},
                              {"X-Model-Ram-Bytes", std::to_string(d.ram_bytes)}};
  // The form's own spelling (with any parameters) is what the device declared.
  const std::string content_type = d.content_type.empty() ? std::string(kRawBytes) : d.content_type;
  auto res = client.Post(url->path, headers, d.bytes.data(), d.bytes.size(), content_type);
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
