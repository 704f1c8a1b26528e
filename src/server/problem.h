// RFC 9457 problem details: every error response of the server is an
// `application/problem+json` document {type, title, status, detail, instance},
// so clients parse one shape whatever went wrong.
#pragma once

#include <string_view>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace tinykg::server {

inline constexpr std::string_view kProblemJson = "application/problem+json";

// The reason phrase of an HTTP status ("Not Acceptable"); "Error" if unknown.
std::string_view status_title(int status);

// Sets `res` to a problem document; `detail` is the one-line, user-facing why.
void send_problem(const httplib::Request& req, httplib::Response& res, int status,
                  std::string_view detail);

}  // namespace tinykg::server
