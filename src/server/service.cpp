#include "server/service.h"

#include <charconv>
#include <cstdlib>

#include <httplib.h>

#include "server/problem.h"

namespace tinykg::server {
namespace {

// The token of an "Authorization: Bearer <token>" header; empty if none.
std::string_view bearer_token(const httplib::Request& req) {
  auto it = req.headers.find("Authorization");
  if (it == req.headers.end()) return {};
  std::string_view value = it->second;
  constexpr std::string_view kScheme = "Bearer ";
  if (value.size() <= kScheme.size()) return {};
  // The auth scheme is case-insensitive (RFC 9110 §11.1).
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(value[i])) !=
        std::tolower(static_cast<unsigned char>(kScheme[i]))) {
      return {};
    }
  }
  return value.substr(kScheme.size());
}

}  // namespace

bool Service::authorize(const httplib::Request& req, httplib::Response& res, Role needed) {
  std::string_view token = bearer_token(req);
  std::optional<Role> role = token.empty() ? std::nullopt : tokens.authenticate(token);
  if (!role) {
    send_problem(req, res, 401,
                 token.empty() ? "this operation needs a bearer token (tinykg token create)"
                               : "the bearer token is unknown or revoked");
    res.set_header("WWW-Authenticate", R"(Bearer realm="tinykg")");
    return false;
  }
  if (*role < needed) {
    send_problem(req, res, 403,
                 fmt::format("this operation needs the '{}' role; the token has '{}'",
                             role_name(needed), role_name(*role)));
    return false;
  }
  return true;
}

bool Service::authorize_read(const httplib::Request& req, httplib::Response& res) {
  return options.open_reads || authorize(req, res, Role::Read);
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  // Invalid UTF-8 from stored data or the request becomes U+FFFD, not an exception.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

std::optional<size_t> size_param(const httplib::Request& req, httplib::Response& res,
                                 const std::string& name, size_t fallback) {
  if (!req.has_param(name.c_str())) return fallback;
  std::string text = req.get_param_value(name.c_str());
  size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    send_problem(req, res, 400,
                 fmt::format("parameter '{}' must be a non-negative integer, not '{}'", name, text));
    return std::nullopt;
  }
  return value;
}

bool number_param(const httplib::Request& req, httplib::Response& res, const std::string& name,
                  std::optional<double>& out) {
  if (!req.has_param(name.c_str())) return true;
  std::string text = req.get_param_value(name.c_str());
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end == nullptr || *end != '\0') {
    send_problem(req, res, 400, fmt::format("parameter '{}' must be a number, not '{}'", name, text));
    return false;
  }
  out = value;
  return true;
}

std::optional<Page> page_params(const httplib::Request& req, httplib::Response& res) {
  constexpr size_t kMaxLimit = 1000;
  auto limit = size_param(req, res, "limit", Page{}.limit);
  if (!limit) return std::nullopt;
  auto offset = size_param(req, res, "offset", 0);
  if (!offset) return std::nullopt;
  if (*limit > kMaxLimit) {
    send_problem(req, res, 400, fmt::format("limit must be at most {}", kMaxLimit));
    return std::nullopt;
  }
  return Page{*limit, *offset};
}

nlohmann::json page_json(size_t total, const Page& page, nlohmann::json items) {
  return {{"total", total}, {"limit", page.limit}, {"offset", page.offset}, {"items", std::move(items)}};
}

RouteHandler with_service(Service& service, ServiceHandler handler) {
  return [&service, handler](const httplib::Request& req, httplib::Response& res) {
    handler(service, req, res);
  };
}

void send_removal(const httplib::Request& req, httplib::Response& res,
                  const Result<uint64_t>& removed, std::string_view what) {
  if (!removed.ok()) {
    send_problem(req, res, 500, removed.error());
  } else if (*removed == 0) {
    send_problem(req, res, 404, fmt::format("no {}", what));
  } else {
    res.status = 204;
  }
}

}  // namespace tinykg::server
