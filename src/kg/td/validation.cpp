#include "kg/td/validation.h"

#include <algorithm>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace tinykg::kg::td {

extern const char* const kTdJsonSchemaText;  // generated from td-json-schema-validation.json

namespace {

using nlohmann::json;

// The schema is parsed once: building valijson's constraint tree costs far
// more than validating one TD.
const valijson::Schema& compiled_schema() {
  static const std::unique_ptr<valijson::Schema> schema = [] {
    auto s = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(td_json_schema());
    parser.populateSchema(adapter, *s);
    return s;
  }();
  return *schema;
}

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// valijson's context ["<root>", "[properties]", "[temp]"] -> "/properties/temp".
std::string pointer_of(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& part : context) {
    if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
      pointer += "/" + escape_pointer_token(std::string_view(part).substr(1, part.size() - 2));
    }
  }
  return pointer;
}

std::string parse_error_text(const json::parse_error& e, std::string_view text) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
    if (text[i] == '\n') { ++line; column = 1; } else { ++column; }
  }
  std::string what = e.what();
  if (size_t colon = what.rfind(": "); colon != std::string::npos) what = what.substr(colon + 2);
  return fmt::format("invalid JSON at line {}, column {}: {}", line, column, what);
}

}  // namespace

const json& td_json_schema() {
  static const json schema = json::parse(kTdJsonSchemaText);
  return schema;
}

std::vector<TdProblem> schema_problems(const json& td) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(td);
  if (validator.validate(compiled_schema(), adapter, &results)) return {};
  // The TD schema nests oneOf/anyOf, so one fault yields a cascade of
  // messages from the enclosing alternatives. The deepest ones name the
  // fault; the shallower ones only repeat that "no alternative matched".
  std::vector<valijson::ValidationResults::Error> errors;
  for (const auto& e : results) {
    // "Failed to validate against child schema #2" only says that an
    // alternative did not match; the alternative's own errors say why.
    if (!e.description.starts_with("Failed to validate against")) errors.push_back(e);
  }
  if (errors.empty()) errors.assign(results.begin(), results.end());
  std::vector<TdProblem> problems;
  std::set<std::string> seen;
  for (const auto& e : errors) {
    std::string pointer = pointer_of(e.context);
    bool shadowed = std::any_of(errors.begin(), errors.end(), [&](const auto& other) {
      return other.context.size() > e.context.size() &&
             pointer_of(other.context).starts_with(pointer + "/");
    });
    if (shadowed) continue;
    std::string message = e.description;
    if (!message.empty() && message.back() == '.') message.pop_back();
    if (seen.insert(pointer + "\n" + message).second) problems.push_back({pointer, message});
  }
  // A value may fail each alternative of a oneOf in its own way; keep the
  // report short but never empty.
  if (problems.size() > 8) problems.resize(8);
  return problems;
}

std::vector<TdProblem> validate_td(const json& td) {
  if (!td.is_object()) return {{"", "a Thing Description must be a JSON object"}};
  std::vector<TdProblem> problems = schema_problems(td);
  std::vector<TdProblem> semantic = semantic_problems(td);
  for (TdProblem& p : semantic) {
    bool duplicate = std::any_of(problems.begin(), problems.end(),
                                 [&](const TdProblem& q) { return q.pointer == p.pointer; });
    if (!duplicate) problems.push_back(std::move(p));
  }
  return problems;
}

TdValidation validate_td_text(std::string_view text) {
  TdValidation result;
  try {
    result.document = json::parse(text);
  } catch (const json::parse_error& e) {
    result.problems.push_back({"", parse_error_text(e, text)});
    return result;
  }
  result.problems = validate_td(result.document);
  return result;
}

std::string TdValidation::summary() const {
  std::string out;
  for (const TdProblem& p : problems) {
    if (!out.empty()) out += "; ";
    out += p.message + " (at " + (p.pointer.empty() ? "/" : p.pointer) + ")";
  }
  return out;
}

}  // namespace tinykg::kg::td
