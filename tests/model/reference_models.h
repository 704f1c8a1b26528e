// The 23 reference models of ../shared/reference and the facts recorded about
// them (measured TFLM 2.4 arena, MACs in the reference graph), read from the
// shared files at test time so expectations never drift from the source.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "test_support.h"

namespace tinykg::testing {

inline std::string reference_dir() { return shared_dir() + "/reference"; }
inline std::string model_path(const std::string& name) {
  return reference_dir() + "/models/" + name + ".tflite";
}

struct MeasuredArena {
  uint64_t arena_bytes = 0;
  uint64_t file_bytes = 0;
};

// arena-tflm-2.4.tsv: model, arena_bytes_tflm_2_4, file_bytes.
inline std::map<std::string, MeasuredArena> measured_arenas() {
  std::map<std::string, MeasuredArena> out;
  std::ifstream in(reference_dir() + "/arena-tflm-2.4.tsv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string name;
    MeasuredArena m;
    if (fields >> name >> m.arena_bytes >> m.file_bytes) out[name] = m;
  }
  return out;
}

// nnet:hasMultiplyAccumulateOps per schema:name, from the reference Turtle.
// Each subject block ends with " ." at the end of a line.
inline std::map<std::string, uint64_t> reference_macs() {
  std::map<std::string, uint64_t> out;
  std::ifstream in(reference_dir() + "/paper-kg/tflite_models.ttl");
  const std::regex macs_re(R"(nnet:hasMultiplyAccumulateOps\s+([0-9.eE+]+))");
  const std::regex name_re(R"re(schema:name\s+"([^"]+)")re");
  std::string line, block;
  while (std::getline(in, line)) {
    block += line + "\n";
    if (line.size() < 2 || line.substr(line.size() - 2) != " .") continue;
    std::smatch macs, name;
    if (std::regex_search(block, macs, macs_re) && std::regex_search(block, name, name_re))
      out[name[1]] = static_cast<uint64_t>(std::stod(macs[1]) + 0.5);
    block.clear();
  }
  return out;
}

}  // namespace tinykg::testing
