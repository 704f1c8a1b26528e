#include "common/error.h"

#include <cstdio>
#include <cstdlib>

namespace tinykg {

void assertion_failed(const char* condition, const char* message, const char* file,
                      int line) {
  std::fprintf(stderr, "tinykg: internal error: %s (%s) at %s:%d\n", message, condition,
               file, line);
  std::abort();
}

}  // namespace tinykg
