#include "kg/remote/sparql_http.h"

#include <httplib.h>

#include <chrono>
#include <thread>

namespace tinykg::kg::remote {
namespace {

struct SplitUrl {
  std::string origin;  // scheme://host[:port]
  std::string path;    // /path?query
};

SplitUrl split_url(const std::string& url) {
  size_t scheme_end = url.find("://");
  size_t path_start = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  if (path_start == std::string::npos) return {url, "/"};
  return {url.substr(0, path_start), url.substr(path_start)};
}

bool transient_status(int status) {
  return status == 408 || status == 429 || status >= 500;
}

// The first line of an error body: Virtuoso, Fuseki and GraphDB put the
// reason there ("Virtuoso 37000 Error SP030: ...").
std::string first_line(const std::string& body) {
  size_t start = body.find_first_not_of(" \r\n\t");
  if (start == std::string::npos) return "(empty answer)";
  size_t end = body.find('\n', start);
  std::string line = body.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line.size() > 300 ? line.substr(0, 300) + "..." : line;
}

}  // namespace

std::string url_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Result<HttpAnswer> SparqlHttp::post_form(const std::string& url, const FormFields& fields,
                                         std::string_view accept) const {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += name;
    body += '=';
    body += url_encode(value);
  }
  return post(url, body, "application/x-www-form-urlencoded", accept);
}

Result<HttpAnswer> SparqlHttp::post_body(const std::string& url, std::string_view body,
                                         std::string_view content_type) const {
  return post(url, body, content_type, "*/*");
}

Result<HttpAnswer> SparqlHttp::post(const std::string& url, std::string_view body,
                                    std::string_view content_type,
                                    std::string_view accept) const {
  const SplitUrl target = split_url(url);
  httplib::Client client(target.origin);
  client.set_connection_timeout(10);
  client.set_read_timeout(config_.timeout_s);
  client.set_write_timeout(config_.timeout_s);
  if (config_.auth_scheme == "basic") client.set_basic_auth(config_.auth_user, config_.auth_secret);
  if (config_.auth_scheme == "bearer") client.set_bearer_token_auth(config_.auth_secret);
  const httplib::Headers headers{{"Accept", std::string(accept)}};

  std::string last_problem;
  int delay_ms = config_.first_backoff_ms;
  for (int attempt = 1; attempt <= config_.max_attempts; ++attempt) {
    if (attempt > 1) {
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      delay_ms *= 2;
    }
    auto res = client.Post(target.path, headers, body.data(), body.size(),
                           std::string(content_type));
    if (!res) {
      last_problem = "no answer (" + httplib::to_string(res.error()) + ")";
      continue;
    }
    if (res->status >= 200 && res->status < 300) {
      return HttpAnswer{std::move(res->body), res->get_header_value("Content-Type"),
                        res->get_header_value("X-SPARQL-MaxRows")};
    }
    last_problem = "HTTP " + std::to_string(res->status) + ": " + first_line(res->body);
    if (res->status == 401 || res->status == 403) {
      return fail("remote store {}: {} (set credentials with TINYKG_REMOTE_AUTH or "
                  "auth-file=PATH: basic:USER:PASSWORD or bearer:TOKEN)", url, last_problem);
    }
    if (!transient_status(res->status)) break;
  }
  return fail("remote store {}: {}", url, last_problem);
}

}  // namespace tinykg::kg::remote
