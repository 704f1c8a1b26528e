// The rules of TD 1.1 that its JSON Schema cannot express: names that must
// refer to something defined elsewhere in the document, operations that
// contradict a property's readOnly/writeOnly, relative hrefs without a base,
// URI template variables without a schema, and the values of the tinykg TD
// extension (docs/thing-descriptions.md).
#include <set>

#include <fmt/format.h>

#include "kg/td/capabilities.h"
#include "kg/td/quantity.h"
#include "kg/td/validation.h"
#include "rdf/jsonld/error.h"

namespace tinykg::kg::td {
namespace {

using nlohmann::json;
using rdf::jsonld::pointer_child;

std::vector<std::string> strings_of(const json& v) {
  std::vector<std::string> out;
  if (v.is_string()) out.push_back(v.get<std::string>());
  if (v.is_array()) {
    for (const json& item : v) {
      if (item.is_string()) out.push_back(item.get<std::string>());
    }
  }
  return out;
}

bool has_scheme(std::string_view iri) {
  size_t colon = iri.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = iri[i];
    bool ok = std::isalpha(static_cast<unsigned char>(c)) ||
              (i > 0 && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' ||
                         c == '.'));
    if (!ok) return false;
  }
  return true;
}

class Checker {
 public:
  explicit Checker(const json& td) : td_(td) {
    if (const json* defs = member("securityDefinitions"); defs && defs->is_object()) {
      for (const auto& [name, _] : defs->items()) security_names_.insert(name);
    }
    if (const json* vars = member("uriVariables"); vars && vars->is_object()) {
      for (const auto& [name, _] : vars->items()) thing_variables_.insert(name);
    }
    has_base_ = td.contains("base") && td["base"].is_string();
  }

  std::vector<TdProblem> run() {
    check_id();
    check_security_names(td_.value("security", json()), "/security");
    check_combo_schemes();
    if (const json* forms = member("forms"); forms && forms->is_array()) {
      check_forms(*forms, "/forms", json::object());
    }
    for (std::string_view kind : {"properties", "actions", "events"}) {
      const json* affordances = member(kind);
      if (!affordances || !affordances->is_object()) continue;
      for (const auto& [name, affordance] : affordances->items()) {
        std::string pointer = pointer_child("/" + std::string(kind), name);
        if (!affordance.is_object()) continue;
        if (kind == "properties") check_range(affordance, pointer);
        if (const json* forms = find(affordance, "forms"); forms && forms->is_array()) {
          check_forms(*forms, pointer + "/forms", affordance);
        }
      }
    }
    check_links();
    check_extension();
    return std::move(problems_);
  }

 private:
  const json* member(std::string_view key) const { return find(td_, key); }
  static const json* find(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(std::string(key));
    return it == object.end() ? nullptr : &*it;
  }
  void problem(std::string pointer, std::string message) {
    problems_.push_back({std::move(pointer), std::move(message)});
  }

  void check_id() {
    const json* id = member("id");
    if (id && id->is_string() && !has_scheme(id->get<std::string>())) {
      problem("/id", fmt::format("id '{}' is not an absolute IRI (use e.g. urn:uuid:… or "
                                 "https://…)", id->get<std::string>()));
    }
  }

  void check_security_names(const json& value, const std::string& pointer) {
    if (value.is_string()) {
      check_security_name(value.get<std::string>(), pointer);
    } else if (value.is_array()) {
      for (size_t i = 0; i < value.size(); ++i) {
        if (value[i].is_string()) {
          check_security_name(value[i].get<std::string>(), pointer + "/" + std::to_string(i));
        }
      }
    }
  }
  void check_security_name(const std::string& name, const std::string& pointer) {
    if (security_names_.contains(name)) return;
    problem(pointer, fmt::format("security scheme '{}' is not defined in securityDefinitions{}",
                                 name, security_names_.empty()
                                           ? std::string()
                                           : " (defined: " + fmt::format("{}", fmt::join(
                                                 security_names_, ", ")) + ")"));
  }

  void check_combo_schemes() {
    const json* defs = member("securityDefinitions");
    if (!defs || !defs->is_object()) return;
    for (const auto& [name, scheme] : defs->items()) {
      if (!scheme.is_object() || !scheme.contains("scheme") || scheme["scheme"] != "combo") continue;
      std::string pointer = pointer_child("/securityDefinitions", name);
      for (std::string_view key : {"oneOf", "allOf"}) {
        const json* members = find(scheme, key);
        if (!members) continue;
        std::vector<std::string> names = strings_of(*members);
        for (size_t i = 0; i < names.size(); ++i) {
          std::string at = pointer + "/" + std::string(key) + "/" + std::to_string(i);
          if (names[i] == name) {
            problem(at, fmt::format("combo scheme '{}' cannot contain itself", name));
          } else {
            check_security_name(names[i], at);
          }
        }
      }
    }
  }

  void check_forms(const json& forms, const std::string& pointer, const json& affordance) {
    const json* ro = find(affordance, "readOnly");
    const json* wo = find(affordance, "writeOnly");
    const bool read_only = ro && ro->is_boolean() && ro->get<bool>();
    const bool write_only = wo && wo->is_boolean() && wo->get<bool>();
    std::set<std::string> variables = thing_variables_;
    if (const json* vars = find(affordance, "uriVariables"); vars && vars->is_object()) {
      for (const auto& [name, _] : vars->items()) variables.insert(name);
    }
    for (size_t i = 0; i < forms.size(); ++i) {
      const json& form = forms[i];
      std::string at = pointer + "/" + std::to_string(i);
      if (!form.is_object()) continue;
      if (const json* sec = find(form, "security")) check_security_names(*sec, at + "/security");
      for (const std::string& op : strings_of(form.value("op", json()))) {
        if (read_only && op == "writeproperty") {
          problem(at + "/op", "a readOnly property cannot offer the writeproperty operation");
        }
        if (write_only && op == "readproperty") {
          problem(at + "/op", "a writeOnly property cannot offer the readproperty operation");
        }
      }
      const json* href = find(form, "href");
      if (href && href->is_string()) check_href(href->get<std::string>(), at + "/href", variables);
    }
  }

  void check_href(const std::string& href, const std::string& pointer,
                  const std::set<std::string>& variables) {
    if (!has_base_ && !has_scheme(href)) {
      problem(pointer, fmt::format("relative href '{}' needs a 'base' in the Thing Description",
                                   href));
    }
    // RFC 6570 expressions {x} / {?x,y}: every variable needs a uriVariables schema.
    for (size_t open = href.find('{'); open != std::string::npos; open = href.find('{', open + 1)) {
      size_t close = href.find('}', open);
      if (close == std::string::npos) {
        problem(pointer, fmt::format("href '{}' has an unclosed URI template expression", href));
        return;
      }
      std::string expression = href.substr(open + 1, close - open - 1);
      if (!expression.empty() && std::string_view("+#./;?&").find(expression[0]) !=
                                     std::string_view::npos) {
        expression.erase(0, 1);
      }
      size_t start = 0;
      while (start <= expression.size()) {
        size_t comma = expression.find(',', start);
        std::string name = expression.substr(start, comma - start);
        if (size_t mod = name.find_first_of(":*"); mod != std::string::npos) name.resize(mod);
        if (!name.empty() && !variables.contains(name)) {
          problem(pointer, fmt::format("URI template variable '{}' in href has no uriVariables "
                                       "schema",
                                       name));
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
  }

  void check_range(const json& schema, const std::string& pointer) {
    const json* min = find(schema, "minimum");
    const json* max = find(schema, "maximum");
    if (min && max && min->is_number() && max->is_number() &&
        min->get<double>() > max->get<double>()) {
      problem(pointer + "/minimum", fmt::format("minimum {} is greater than maximum {}",
                                                min->dump(), max->dump()));
    }
  }

  void check_links() {
    const json* links = member("links");
    if (!links || !links->is_array()) return;
    for (size_t i = 0; i < links->size(); ++i) {
      const json& link = (*links)[i];
      if (!link.is_object() || !link.contains("href") || !link["href"].is_string()) continue;
      const std::string href = link["href"].get<std::string>();
      if (href.empty()) {
        problem("/links/" + std::to_string(i) + "/href", "a link needs a non-empty href");
      }
    }
  }

  // tinykg TD extension (context https://tinykg.dev/td-ext/v1).
  void check_extension() {
    if (const json* mcu = member("mcu")) {
      if (!mcu->is_object()) {
        problem("/mcu", "mcu must be an object (name, core, freeRam, freeFlash)");
      } else {
        for (std::string_view key : {"freeRam", "freeFlash"}) {
          check_quantity(find(*mcu, key), "/mcu/" + std::string(key), QuantityKind::Memory);
        }
      }
    }
    if (const json* sensors = member("sensors")) {
      if (!sensors->is_array()) {
        problem("/sensors", "sensors must be an array of {\"kind\": …} objects");
        return;
      }
      for (size_t i = 0; i < sensors->size(); ++i) {
        const json& s = (*sensors)[i];
        std::string at = "/sensors/" + std::to_string(i);
        if (!s.is_object() || !s.contains("kind") || !s["kind"].is_string()) {
          problem(at, "a sensor needs a 'kind' (e.g. \"Accelerometer\")");
          continue;
        }
        const std::string kind = s["kind"].get<std::string>();
        if (kind.find(':') == std::string::npos && !is_sensor_kind(kind)) {
          problem(at + "/kind", fmt::format("unknown sensor kind '{}' (use {} or a prefixed "
                                            "class IRI)",
                                            kind, fmt::join(sensor_kinds(), ", ")));
        }
        check_quantity(find(s, "samplingRate"), at + "/samplingRate", QuantityKind::Frequency);
      }
    }
    if (const json* runtimes = member("runtimes")) {
      bool ok = runtimes->is_array();
      for (size_t i = 0; ok && i < runtimes->size(); ++i) {
        if (!(*runtimes)[i].is_object() || !(*runtimes)[i].contains("name")) {
          problem("/runtimes/" + std::to_string(i), "a runtime needs a 'name'");
        }
      }
      if (!ok) problem("/runtimes", "runtimes must be an array of {\"name\", \"version\"}");
    }
  }

  void check_quantity(const json* value, const std::string& pointer, QuantityKind kind) {
    if (!value) return;
    std::string text = value->is_string() ? value->get<std::string>()
                       : value->is_number() ? value->dump()
                                            : std::string();
    if (text.empty()) {
      problem(pointer, "must be a number or a string such as \"256 KiB\"");
      return;
    }
    auto normalised = normalise_quantity(text, kind);
    if (!normalised.ok()) problem(pointer, normalised.error());
  }

  const json& td_;
  std::set<std::string> security_names_;
  std::set<std::string> thing_variables_;
  bool has_base_ = false;
  std::vector<TdProblem> problems_;
};

}  // namespace

std::vector<TdProblem> semantic_problems(const json& td) {
  if (!td.is_object()) return {};
  return Checker(td).run();
}

}  // namespace tinykg::kg::td
