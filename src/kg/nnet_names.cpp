#include "kg/nnet_names.h"

#include <cctype>

namespace tinykg::kg {
namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Custom codes are free text ("TFLite_Detection_PostProcess"); keep their
// spelling but make them safe as an IRI local name.
std::string sanitize(std::string_view code) {
  std::string out;
  for (char c : code) out.push_back(is_name_char(c) ? c : '_');
  return out;
}

}  // namespace

std::string camel_case(std::string_view upper_snake) {
  std::string out;
  bool part_start = true;
  bool part_is_number = false;
  for (char c : upper_snake) {
    if (c == '_' || !is_name_char(c)) {
      part_start = true;
      continue;
    }
    auto uc = static_cast<unsigned char>(c);
    if (part_start) {
      part_is_number = std::isdigit(uc);
      out.push_back(static_cast<char>(std::toupper(uc)));
      part_start = false;
    } else {
      out.push_back(static_cast<char>(part_is_number ? std::toupper(uc) : std::tolower(uc)));
    }
  }
  return out;
}

std::string layer_type_name(const model::OperatorInfo& op) {
  if (op.is_custom) return "Custom_" + sanitize(op.type);
  // The reference graph writes AvgPool2D (its ontology text says AveragePool2D;
  // data/ontology/nnet.ttl makes the two the same).
  if (op.type == "AVERAGE_POOL_2D") return "AvgPool2D";
  std::string name = camel_case(op.type);
  if (name.empty()) return "UnknownOperator";
  if (!std::isalpha(static_cast<unsigned char>(name[0]))) name.insert(0, "Op");
  return name;
}

std::string data_type_name(std::string_view tflite_type) { return camel_case(tflite_type); }

std::string activation_name(std::string_view tflite_activation) {
  if (tflite_activation.empty() || tflite_activation == "NONE") return {};
  return camel_case(tflite_activation);
}

}  // namespace tinykg::kg
