#include "server/problem.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace tinykg::server {

std::string_view status_title(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

void send_problem(const httplib::Request& req, httplib::Response& res, int status,
                  std::string_view detail) {
  // "about:blank": the status code says it all, the title is its phrase (RFC 9457 §4.2.1).
  nlohmann::json body = {{"type", "about:blank"},
                         {"title", status_title(status)},
                         {"status", status},
                         {"detail", detail},
                         {"instance", req.path}};
  res.status = status;
  // Paths and details may echo invalid UTF-8 from the request; dump() would
  // throw from the error handler and end the process (fuzz/http_api_fuzz).
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  std::string(kProblemJson).c_str());
}

}  // namespace tinykg::server
