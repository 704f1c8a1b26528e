#include "match/fit.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace tinykg::match {

namespace {

using Outcome = FitReason::Outcome;
using Kind = FitReason::Kind;

std::string article(std::string_view noun) {
  bool vowel = !noun.empty() && std::string_view("AEIOUaeiou").find(noun[0]) != std::string_view::npos;
  return vowel ? "an" : "a";
}

// Lower-case letters and digits only.
std::string squeezed(std::string_view name) {
  std::string key;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return key;
}

// The spellings of TensorFlow Lite Micro, squeezed.
constexpr std::string_view kTflmSpellings[] = {
    "tflm", "tensorflowlitemicro", "tflitemicro", "tensorflowlitemicrocontrollers",
    "tflitemicrocontrollers"};

// A TFLite Micro version named by a runtime ("tflm-2.4" -> tflm24 ->
// kTflm24), or nullopt for a platform name without a known version.
std::optional<model::Runtime> tflm_version(std::string_view name) {
  if (auto exact = model::parse_runtime(name)) return exact;
  const std::string key = squeezed(name);
  for (std::string_view spelling : kTflmSpellings) {
    if (!key.starts_with(spelling)) continue;
    std::string_view version = std::string_view(key).substr(spelling.size());
    if (version == "24") return model::Runtime::kTflm24;
    if (version == "current") return model::Runtime::kTflmCurrent;
  }
  return std::nullopt;
}

}  // namespace

std::string runtime_key(std::string_view name) {
  const std::string key = squeezed(name);
  if (tflm_version(name)) return "tflitemicro";
  for (std::string_view spelling : kTflmSpellings) {
    if (key == spelling) return "tflitemicro";
  }
  return key;
}

std::vector<model::Runtime> tflm_versions(const std::vector<std::string>& runtimes) {
  std::vector<model::Runtime> out;
  for (const std::string& r : runtimes) {
    auto v = tflm_version(r);
    if (v && std::find(out.begin(), out.end(), *v) == out.end()) out.push_back(*v);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> missing_kernels(const ModelRequirements& model, model::Runtime version) {
  std::vector<std::string> out;
  const auto& custom = model.custom_operator_codes;
  for (const std::string& code : model.operator_codes) {
    bool is_custom = std::find(custom.begin(), custom.end(), code) != custom.end();
    bool has = is_custom ? !model::custom_op_resolver_method(version, code).empty()
                         : model::runtime_has_kernel(version, code);
    if (!has) out.push_back(code);
  }
  return out;
}

namespace {

// Why a figure is not usable, phrased for the explanation.
std::string unknown_text(std::string_view what, std::string_view side, const MemoryFigure& f) {
  if (f.state == MemoryFigure::State::NotUnderstood) {
    return fmt::format("{} of the {} is not understood: {}", what, side, f.problem);
  }
  return fmt::format("{} of the {} is not stated", what, side);
}

void check_memory(std::string_view what, Kind kind, const MemoryFigure& need,
                  const MemoryFigure& have, std::vector<FitReason>& out) {
  Outcome outcome = memory_outcome(need, have);
  if (need.state == MemoryFigure::State::Any) return;  // the question does not ask
  std::string text;
  if (need.state != MemoryFigure::State::Value) {
    text = unknown_text(what == "RAM" ? "RAM need" : "Flash need", "model", need);
  } else if (have.state == MemoryFigure::State::Any) {
    text = fmt::format("needs {} kB {}, the board's {} is not constrained",
                       format_kilobytes(need.kilobytes), what, what);
  } else if (have.state != MemoryFigure::State::Value) {
    text = unknown_text(what, "board", have);
  } else {
    text = fmt::format("needs {} kB {}, board has {} kB", format_kilobytes(need.kilobytes), what,
                       format_kilobytes(have.kilobytes));
  }
  out.push_back({kind, outcome, std::move(text)});
}

// The model's operators against the TFLite Micro versions the board names:
// one version with every kernel satisfies; otherwise each missing operator of
// each version is a refusal.
void check_kernels(const ModelRequirements& model, const DeviceCapabilities& board,
                   std::vector<FitReason>& out) {
  if (model.operator_codes.empty()) return;
  std::vector<model::Runtime> versions = tflm_versions(board.runtimes);
  std::vector<FitReason> refused;
  for (model::Runtime v : versions) {
    std::vector<std::string> missing = missing_kernels(model, v);
    if (missing.empty()) {
      out.push_back({Kind::RuntimeKernels, Outcome::Satisfied,
                     fmt::format("all {} operator types in runtime {}", model.operator_codes.size(),
                                 model::runtime_name(v))});
      return;
    }
    for (const std::string& op : missing) {
      refused.push_back({Kind::RuntimeKernels, Outcome::Refused,
                         fmt::format("operator {} not in runtime {}", op, model::runtime_name(v))});
    }
  }
  out.insert(out.end(), refused.begin(), refused.end());
}

}  // namespace

std::string_view to_string(FitVerdict verdict) {
  switch (verdict) {
    case FitVerdict::Fits: return "fits";
    case FitVerdict::Unknown: return "unknown";
    case FitVerdict::DoesNotFit: return "does not fit";
  }
  return "?";
}

std::string FitResult::summary() const {
  Outcome wanted = verdict == FitVerdict::DoesNotFit ? Outcome::Refused
                   : verdict == FitVerdict::Unknown  ? Outcome::Unknown
                                                     : Outcome::Satisfied;
  std::string out;
  for (const FitReason& r : reasons) {
    if (r.outcome != wanted) continue;
    if (!out.empty()) out += "; ";
    out += r.text;
  }
  return out;
}

Outcome memory_outcome(const MemoryFigure& need, const MemoryFigure& have) {
  using State = MemoryFigure::State;
  if (need.state == State::Any || have.state == State::Any) return Outcome::Satisfied;
  if (need.state != State::Value || have.state != State::Value) return Outcome::Unknown;
  return memory_suffices(need.kilobytes, have.kilobytes) ? Outcome::Satisfied : Outcome::Refused;
}

bool same_runtime(std::string_view a, std::string_view b) {
  return runtime_key(a) == runtime_key(b);
}

FitResult evaluate(const ModelRequirements& model, const DeviceCapabilities& board) {
  FitResult result;
  auto& reasons = result.reasons;
  for (const std::string& kind : model.sensor_kinds) {
    std::string name = local_name(kind);
    if (board.sensors.any) {
      reasons.push_back({Kind::Sensor, Outcome::Satisfied,
                         fmt::format("needs {} {}, the board's sensors are not constrained",
                                     article(name), name)});
    } else if (!board.sensors.stated()) {
      reasons.push_back({Kind::Sensor, Outcome::Unknown,
                         fmt::format("needs {} {}, the board's sensors are not stated",
                                     article(name), name)});
    } else if (board.sensors.contains(kind)) {
      reasons.push_back({Kind::Sensor, Outcome::Satisfied,
                         fmt::format("needs {} {}, board has one", article(name), name)});
    } else {
      reasons.push_back({Kind::Sensor, Outcome::Refused,
                         fmt::format("needs {} {}", article(name), name)});
    }
  }
  check_memory("RAM", Kind::Ram, model.ram, board.ram, reasons);
  check_memory("Flash", Kind::Flash, model.flash, board.flash, reasons);
  for (const std::string& op : model.unsupported_operators) {
    reasons.push_back({Kind::UnsupportedOperator, Outcome::Refused,
                       fmt::format("operator {} not in runtime {}", op,
                                   model.runtime.empty() ? "TFLite Micro" : model.runtime)});
  }
  if (!model.runtime.empty() && !board.runtimes.empty()) {
    bool offered = std::any_of(board.runtimes.begin(), board.runtimes.end(),
                               [&](const std::string& r) { return same_runtime(r, model.runtime); });
    std::string offers = fmt::format("{}", fmt::join(board.runtimes, ", "));
    reasons.push_back({Kind::Runtime, offered ? Outcome::Satisfied : Outcome::Refused,
                       fmt::format("runs on {}, board offers {}", model.runtime, offers)});
  }
  check_kernels(model, board, reasons);
  bool refused = false, unknown = false;
  for (const FitReason& r : reasons) {
    refused |= r.outcome == Outcome::Refused;
    unknown |= r.outcome == Outcome::Unknown;
  }
  result.verdict = refused ? FitVerdict::DoesNotFit : unknown ? FitVerdict::Unknown : FitVerdict::Fits;
  return result;
}

FitVerdict judge(const ModelRequirements& model, const DeviceCapabilities& board) {
  bool refused = !model.unsupported_operators.empty();
  bool unknown = false;
  if (!model.sensor_kinds.empty() && !board.sensors.any) {
    if (!board.sensors.stated()) {
      unknown = true;
    } else {
      for (const std::string& kind : model.sensor_kinds) refused |= !board.sensors.contains(kind);
    }
  }
  for (Outcome o : {memory_outcome(model.ram, board.ram), memory_outcome(model.flash, board.flash)}) {
    refused |= o == Outcome::Refused;
    unknown |= o == Outcome::Unknown;
  }
  if (!model.runtime.empty() && !board.runtimes.empty()) {
    refused |= std::none_of(board.runtimes.begin(), board.runtimes.end(),
                            [&](const std::string& r) { return same_runtime(r, model.runtime); });
  }
  if (!model.operator_codes.empty() && !board.runtimes.empty()) {
    std::vector<model::Runtime> versions = tflm_versions(board.runtimes);
    refused |= !versions.empty() &&
               std::none_of(versions.begin(), versions.end(), [&](model::Runtime v) {
                 return missing_kernels(model, v).empty();
               });
  }
  return refused ? FitVerdict::DoesNotFit : unknown ? FitVerdict::Unknown : FitVerdict::Fits;
}

}  // namespace tinykg::match
