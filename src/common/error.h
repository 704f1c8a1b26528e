// Error policy (see docs/errors.md):
//  * Expected failures (bad input, missing files) are returned as Result<T> /
//    Status holding a Failure with a one-line, user-facing message.
//  * tinykg::Error is thrown only when a request must stop across layers
//    (e.g. an LMDB failure in the middle of query execution).
//  * TINYKG_ASSERT checks internal invariants in every build type;
//    TINYKG_DEBUG_ASSERT is for expensive checks compiled out of Release.
#pragma once

#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace tinykg {

struct Failure {
  std::string message;
};

// Builds a Failure with fmt-style formatting: return fail("no such file: {}", p);
template <typename... Args>
Failure fail(fmt::format_string<Args...> format, Args&&... args) {
  return Failure{fmt::format(format, std::forward<Args>(args)...)};
}

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

[[noreturn]] void assertion_failed(const char* condition, const char* message,
                                   const char* file, int line);

}  // namespace tinykg

#define TINYKG_ASSERT(cond, msg)                                        \
  do {                                                                  \
    if (!(cond)) ::tinykg::assertion_failed(#cond, msg, __FILE__, __LINE__); \
  } while (0)

#ifdef NDEBUG
#define TINYKG_DEBUG_ASSERT(cond, msg) ((void)0)
#else
#define TINYKG_DEBUG_ASSERT(cond, msg) TINYKG_ASSERT(cond, msg)
#endif
