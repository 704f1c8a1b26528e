#include "kg/model_card.h"

#include <cmath>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include <nlohmann/json.hpp>

namespace tinykg::kg {
namespace {

using nlohmann::json;

// Namespace-scope initializer_list: its array lives as long as the list.
const std::initializer_list<std::string_view> kCardFields = {
    "name",    "identifier", "description",  "category", "metric",          "dataset",
    "input",   "output",     "creator",      "date_created", "citation",  "code_repository",
    "runtime_platform", "tags", "source", "training_run", "parent"};

// Text from the card in an error message, with JSON string escapes (and
// invalid UTF-8 replaced): a newline or other control character in it must
// not break the one-line error.
std::string escaped(std::string_view text) {
  std::string quoted = json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
  return quoted.substr(1, quoted.size() - 2);
}

// A card's value in an error message, as a JSON string.
std::string json_quoted(std::string_view value) { return '"' + escaped(value) + '"'; }

std::string join(std::initializer_list<std::string_view> names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

// Collects the first error while a card is read; every message names the card
// and the field ("card X: field 'metric.value' must be a number, got string").
class CardReader {
 public:
  explicit CardReader(std::string_view source) : source_(source) {}

  bool ok() const { return !failure_; }
  Failure failure() const { return *failure_; }

  void field_error(std::string_view field, std::string_view message) {
    if (!failure_) failure_ = fail("card {}: field '{}' {}", source_, field, message);
  }

  // An object holding only `known` keys; null/absent is allowed unless required.
  bool check_object(const json& v, std::string_view field,
                    std::initializer_list<std::string_view> known) {
    if (!v.is_object()) {
      field_error(field, fmt::format("must be an object, got {}", v.type_name()));
      return false;
    }
    for (const auto& [key, _] : v.items()) {
      bool is_known = false;
      for (std::string_view k : known) is_known = is_known || key == k;
      if (!is_known) {
        // The key is the card's own text (the field path above it is ours).
        std::string where = field.empty() ? escaped(key) : fmt::format("{}.{}", field, escaped(key));
        if (!failure_)
          failure_ = fail("card {}: unknown field '{}' (known: {})", source_, where, join(known));
        return false;
      }
    }
    return true;
  }

  // A string member; absent or null reads as "".
  std::string text(const json& obj, std::string_view key, std::string_view field) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return {};
    if (!it->is_string()) {
      field_error(field, fmt::format("must be a string, got {}", it->type_name()));
      return {};
    }
    return it->get<std::string>();
  }

 private:
  std::string_view source_;
  std::optional<Failure> failure_;
};

std::optional<MetricCard> read_metric(CardReader& r, const json& card) {
  auto it = card.find("metric");
  if (it == card.end() || it->is_null()) return std::nullopt;
  if (!r.check_object(*it, "metric", {"type", "value"})) return std::nullopt;
  MetricCard metric;
  metric.type = r.text(*it, "type", "metric.type");
  auto value = it->find("value");
  if (value != it->end() && !value->is_null()) {
    if (!value->is_number()) {
      r.field_error("metric.value", fmt::format("must be a number, got {}", value->type_name()));
    } else {
      metric.value = value->get<double>();
    }
  }
  return metric;
}

SensorCard read_sensor(CardReader& r, const json& v, const std::string& field) {
  SensorCard sensor;
  if (!r.check_object(v, field, {"type", "info"})) return sensor;
  const std::string type_field = field + ".type";
  auto type = v.find("type");
  if (type == v.end() || type->is_null()) {
    r.field_error(type_field, "is required (a sosa_extend sensor class such as \"Microphone\")");
  } else if (type->is_string()) {
    sensor.types.push_back(type->get<std::string>());
  } else if (type->is_array()) {
    for (const json& t : *type) {
      if (!t.is_string()) {
        r.field_error(type_field, fmt::format("must hold strings, got {}", t.type_name()));
        break;
      }
      sensor.types.push_back(t.get<std::string>());
    }
  } else {
    r.field_error(type_field,
                  fmt::format("must be a string or an array of strings, got {}", type->type_name()));
  }
  sensor.info = r.text(v, "info", field + ".info");
  return sensor;
}

InputCard read_input(CardReader& r, const json& card) {
  InputCard input;
  auto it = card.find("input");
  if (it == card.end() || it->is_null()) return input;
  if (!r.check_object(*it, "input", {"info", "sensors"})) return input;
  input.info = r.text(*it, "info", "input.info");
  auto sensors = it->find("sensors");
  if (sensors == it->end() || sensors->is_null()) return input;
  if (!sensors->is_array()) {
    r.field_error("input.sensors", fmt::format("must be an array, got {}", sensors->type_name()));
    return input;
  }
  for (size_t i = 0; i < sensors->size() && r.ok(); ++i) {
    input.sensors.push_back(read_sensor(r, (*sensors)[i], fmt::format("input.sensors[{}]", i)));
  }
  return input;
}

OutputCard read_output(CardReader& r, const json& card) {
  OutputCard output;
  auto it = card.find("output");
  if (it == card.end() || it->is_null()) return output;
  if (!r.check_object(*it, "output", {"info"})) return output;
  output.info = r.text(*it, "info", "output.info");
  return output;
}

std::vector<std::string> read_tags(CardReader& r, const json& card) {
  std::vector<std::string> tags;
  auto it = card.find("tags");
  if (it == card.end() || it->is_null()) return tags;
  if (!it->is_array()) {
    r.field_error("tags", fmt::format("must be an array of strings, got {}", it->type_name()));
    return tags;
  }
  for (const json& t : *it) {
    if (!t.is_string()) {
      r.field_error("tags", fmt::format("must hold strings, got {}", t.type_name()));
      break;
    }
    tags.push_back(t.get<std::string>());
  }
  return tags;
}

// --- checks ---------------------------------------------------------------

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// 8-4-4-4-12 lower-case hex digits.
bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !is_hex(s[i])) return false;
  }
  return true;
}

// Names that become the local part of an IRI (nnet:Classification).
bool is_local_name(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return false;
  for (char c : s) {
    if (!is_alpha(c) && !is_digit(c) && c != '_') return false;
  }
  return true;
}

// An absolute IRI that can be written between <> in N-Triples.
bool is_absolute_iri(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(s[0])) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = s[i];
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= 0x20) return false;
    if (std::string_view("<>\"{}|\\^`").find(c) != std::string_view::npos) return false;
  }
  return true;
}

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(s[i])) return false;
  }
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Output uses ordered_json so that files keep the order of the format description.
using ordered_json = nlohmann::ordered_json;
ordered_json text_or_null(const std::string& s) {
  return s.empty() ? ordered_json(nullptr) : ordered_json(s);
}

}  // namespace

bool is_model_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return false;
  for (char c : tag) {
    if (!is_alpha(c) && !is_digit(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

bool is_accuracy_metric(std::string_view metric_type) {
  return metric_type == "Top_1_accuracy" || metric_type == "Top_5_accuracy";
}

Status validate_model_card(const ModelCard& card, std::string_view source) {
  auto field_error = [&](std::string_view field, std::string_view message) {
    return fail("card {}: field '{}' {}", source, field, message);
  };
  if (card.name.empty()) return field_error("name", "is required (the model's name, by convention the .tflite file stem)");
  if (card.identifier.empty()) return field_error("identifier", "is required (a UUID such as \"02ed1b17-de4f-4239-8812-392917a954dc\")");
  if (!is_uuid(card.identifier))
    return field_error("identifier", fmt::format("must be a lower-case UUID such as \"02ed1b17-de4f-4239-8812-392917a954dc\", got {}", json_quoted(card.identifier)));
  if (!card.category.empty() && !is_local_name(card.category))
    return field_error("category", fmt::format("must be a category name such as \"Classification\" (letters, digits, '_'), got {}", json_quoted(card.category)));
  if (card.metric) {
    const MetricCard& m = *card.metric;
    if (m.type.empty()) return field_error("metric.type", "is required (\"Top_1_accuracy\", \"Other_metric\", ...)");
    if (!is_local_name(m.type))
      return field_error("metric.type", fmt::format("must be a metric name such as \"Top_1_accuracy\", got {}", json_quoted(m.type)));
    if (m.value && !std::isfinite(*m.value)) return field_error("metric.value", "must be a finite number");
    if (m.value && is_accuracy_metric(m.type) && (*m.value < 0.0 || *m.value > 1.0)) {
      return field_error("metric.value",
                         fmt::format("is {} but {} is a fraction 0..1; convert percent (92.1 % -> 0.921)",
                                     *m.value, m.type));
    }
  }
  struct IriField { std::string_view name; const std::string& value; };
  for (const IriField& f : {IriField{"dataset", card.dataset}, IriField{"citation", card.citation},
                            IriField{"code_repository", card.code_repository},
                            IriField{"source", card.source}}) {
    if (!f.value.empty() && !is_absolute_iri(f.value))
      return field_error(f.name, fmt::format("must be an absolute IRI such as \"https://...\", got {}", json_quoted(f.value)));
  }
  if (!card.date_created.empty() && !is_date(card.date_created))
    return field_error("date_created", fmt::format("must be a date YYYY-MM-DD, got {}", json_quoted(card.date_created)));
  for (const std::string& tag : card.tags) {
    if (!is_model_tag(tag))
      return field_error("tags", fmt::format("holds {}; a tag is 1..64 letters, digits, '.', '_' or '-'", json_quoted(tag)));
  }
  if (!card.parent.empty() && !is_uuid(card.parent))
    return field_error("parent", fmt::format("must be the lower-case UUID identifier of the parent model, got {}", json_quoted(card.parent)));
  for (size_t i = 0; i < card.input.sensors.size(); ++i) {
    const SensorCard& s = card.input.sensors[i];
    std::string field = fmt::format("input.sensors[{}].type", i);
    if (s.types.empty()) return field_error(field, "is required (a sosa_extend sensor class such as \"Microphone\")");
    for (const std::string& t : s.types) {
      if (!is_local_name(t))
        return field_error(field, fmt::format("must be a sensor class name such as \"Microphone\", got {}", json_quoted(t)));
    }
  }
  return Status::Ok();
}

Result<ModelCard> parse_model_card(std::string_view text, std::string_view source) {
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    // parse_error, and out_of_range for a number too large for a double
    // (found by fuzz/model_card_fuzz). e.what() reads
    // "[json.exception.parse_error.101] parse error at line 3, column 5: ...".
    std::string_view what = e.what();
    if (size_t close = what.find("] "); close != std::string_view::npos) what.remove_prefix(close + 2);
    return fail("card {}: not valid JSON: {}", source, what);
  }
  CardReader r(source);
  if (!r.check_object(doc, "", kCardFields)) {
    if (!doc.is_object()) return fail("card {}: must be a JSON object, got {}", source, doc.type_name());
    return r.failure();
  }
  ModelCard card;
  card.name = r.text(doc, "name", "name");
  card.identifier = r.text(doc, "identifier", "identifier");
  card.description = r.text(doc, "description", "description");
  card.category = r.text(doc, "category", "category");
  card.metric = read_metric(r, doc);
  card.dataset = r.text(doc, "dataset", "dataset");
  card.input = read_input(r, doc);
  card.output = read_output(r, doc);
  card.creator = r.text(doc, "creator", "creator");
  card.date_created = r.text(doc, "date_created", "date_created");
  card.citation = r.text(doc, "citation", "citation");
  card.code_repository = r.text(doc, "code_repository", "code_repository");
  card.runtime_platform = r.text(doc, "runtime_platform", "runtime_platform");
  card.tags = read_tags(r, doc);
  card.source = r.text(doc, "source", "source");
  card.training_run = r.text(doc, "training_run", "training_run");
  card.parent = r.text(doc, "parent", "parent");
  if (!r.ok()) return r.failure();
  if (Status s = validate_model_card(card, source); !s.ok()) return s.failure();
  return card;
}

Result<ModelCard> read_model_card(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("card {}: cannot open the file", path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return fail("card {}: cannot read the file", path);
  return parse_model_card(text.str(), path);
}

std::string model_card_to_json(const ModelCard& card) {
  ordered_json metric = nullptr;
  if (card.metric) {
    metric = ordered_json::object();
    metric["type"] = card.metric->type;
    metric["value"] = card.metric->value ? ordered_json(*card.metric->value) : ordered_json(nullptr);
  }
  ordered_json sensors = ordered_json::array();
  for (const SensorCard& s : card.input.sensors) {
    ordered_json sensor = ordered_json::object();
    sensor["type"] = s.types.size() == 1 ? ordered_json(s.types[0]) : ordered_json(s.types);
    sensor["info"] = text_or_null(s.info);
    sensors.push_back(std::move(sensor));
  }
  ordered_json out;
  out["name"] = card.name;
  out["identifier"] = card.identifier;
  out["description"] = text_or_null(card.description);
  out["category"] = text_or_null(card.category);
  out["metric"] = metric;
  out["dataset"] = text_or_null(card.dataset);
  out["input"]["info"] = text_or_null(card.input.info);
  out["input"]["sensors"] = sensors;
  out["output"]["info"] = text_or_null(card.output.info);
  out["creator"] = text_or_null(card.creator);
  out["date_created"] = text_or_null(card.date_created);
  out["citation"] = text_or_null(card.citation);
  out["code_repository"] = text_or_null(card.code_repository);
  out["runtime_platform"] = text_or_null(card.runtime_platform);
  out["tags"] = card.tags;
  out["source"] = text_or_null(card.source);
  out["training_run"] = text_or_null(card.training_run);
  out["parent"] = text_or_null(card.parent);
  return out.dump(2) + "\n";
}

}  // namespace tinykg::kg
