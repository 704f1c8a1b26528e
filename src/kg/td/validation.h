// Validation of W3C WoT Thing Descriptions (TD 1.1): the W3C TD JSON Schema
// (bundled, checked with valijson) plus the rules the schema cannot express
// (semantic_checks.cpp). Every problem names the JSON pointer of the fault
// and says in one sentence what is wrong; broken JSON gives line and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace tinykg::kg::td {

struct TdProblem {
  std::string pointer;  // RFC 6901 JSON pointer of the offending value ("" = the document)
  std::string message;  // one human sentence
};

struct TdValidation {
  nlohmann::json document;          // the parsed TD (null when the JSON is broken)
  std::vector<TdProblem> problems;  // empty: the TD is valid
  bool ok() const { return problems.empty(); }
  // "title: missing required property (at /)" lines joined by "; ".
  std::string summary() const;
};

// Parses and validates TD text.
TdValidation validate_td_text(std::string_view text);
// Validates an already parsed TD.
std::vector<TdProblem> validate_td(const nlohmann::json& td);

// The checks of the JSON Schema alone / of the rules beyond it.
std::vector<TdProblem> schema_problems(const nlohmann::json& td);
std::vector<TdProblem> semantic_problems(const nlohmann::json& td);

// The bundled W3C TD 1.1 JSON Schema (td-json-schema-validation.json).
const nlohmann::json& td_json_schema();

}  // namespace tinykg::kg::td
