// The one-line message for a libserd error, "SOURCE:LINE:COL: message",
// shared by the readers built on serd (rdf/serd_io, store/quad_parser).
#pragma once

#include <serd/serd.h>

#include <cstdarg>
#include <cstdio>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace tinykg::rdf {

inline std::string format_serd_error(std::string_view source_name, const SerdError* error) {
  char buf[512];
  va_list args;
  va_copy(args, *error->args);
  std::vsnprintf(buf, sizeof buf, error->fmt, args);
  va_end(args);
  std::string msg(buf);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  return fmt::format("{}:{}:{}: {}", source_name, error->line, error->col, msg);
}

}  // namespace tinykg::rdf
