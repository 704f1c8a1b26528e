// Runs the tinykg binary as a user would and captures what it prints.
#pragma once

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace tinykg::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `args` is a shell word list; it is appended to the binary's path.
inline RunResult run_tinykg(const std::string& args) {
  TempDir tmp;
  std::string err_file = tmp / "stderr";
  std::string cmd = std::string(TINYKG_BIN) + " " + args + " 2>" + err_file;
  RunResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  return r;
}

// Runs a query and returns the SPARQL JSON results document.
inline nlohmann::json query_json(const std::string& db, const std::string& query_args) {
  RunResult r = run_tinykg("--db " + db + " query " + query_args + " --format json");
  if (r.exit_code != 0) return nlohmann::json{{"error", r.err}};
  return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
}

inline std::string data_dir() { return source_dir() + "/data"; }

}  // namespace tinykg::testing
