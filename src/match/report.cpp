#include "match/report.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tinykg::match {

namespace {

ReportCell text(std::string s) { return {std::move(s), false, {}, false}; }
ReportCell number(double v) {
  std::string s = fmt::format("{}", v);
  return {std::move(s), true, {}, false};
}
// A number the graph does not state: empty in tables, null in JSON.
ReportCell missing() { return {{}, true, {}, false}; }
ReportCell list(std::vector<std::string> items) { return {{}, false, std::move(items), true}; }

ReportCell memory(const MemoryFigure& f) {
  switch (f.state) {
    case MemoryFigure::State::Value: return {format_kilobytes(f.kilobytes), true, {}, false};
    case MemoryFigure::State::NotUnderstood: return text("?");
    case MemoryFigure::State::Any: return text("any");
    case MemoryFigure::State::NotStated: break;
  }
  return missing();
}

ReportCell optional_number(const std::optional<double>& v) {
  return v ? number(*v) : missing();
}

std::vector<std::string> kind_names(const std::vector<std::string>& kinds) {
  std::vector<std::string> names;
  for (const std::string& k : kinds) names.push_back(local_name(k));
  return names;
}

// The reasons worth showing: for a refusal or unknown the deciding ones, for
// a fit every check with its numbers.
std::vector<std::string> reason_texts(const FitResult& r) {
  std::vector<std::string> out;
  FitReason::Outcome wanted = r.verdict == FitVerdict::DoesNotFit ? FitReason::Outcome::Refused
                              : r.verdict == FitVerdict::Unknown  ? FitReason::Outcome::Unknown
                                                                  : FitReason::Outcome::Satisfied;
  for (const FitReason& reason : r.reasons) {
    if (reason.outcome == wanted) out.push_back(reason.text);
  }
  return out;
}

// Appends latency_ms and energy_mJ cells (empty when not estimable).
void add_estimate(std::vector<ReportCell>& row, const Workload& w, const BoardHardware& hw) {
  auto e = estimate(w, hw);
  row.push_back(e ? number(std::round(e->latency_ms * 1000) / 1000) : missing());
  row.push_back(e ? number(std::round(e->energy_mj * 1000) / 1000) : missing());
}

void add_estimate_columns(Report& r) {
  r.columns.push_back("latency_ms");
  r.columns.push_back("energy_mJ");
}

std::string cell_text(const ReportCell& c) {
  if (!c.is_list) return c.text;
  std::string s;
  for (const std::string& item : c.items) {
    if (!s.empty()) s += "; ";
    s += item;
  }
  return s;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string iri_tail(std::string_view iri) {
  size_t cut = iri.find_last_of('/');
  return std::string(cut == std::string_view::npos || cut + 1 == iri.size() ? iri
                                                                            : iri.substr(cut + 1));
}

Report devices_report(const std::vector<DeviceMatch>& matches, bool explain,
                      const Workload* workload) {
  Report r{{"device", "title", "ram_kB", "flash_kB", "sensors", "verdict"}, {}};
  if (workload) add_estimate_columns(r);
  if (explain) r.columns.push_back("reasons");
  for (const DeviceMatch& m : matches) {
    const DeviceCapabilities& d = *m.device;
    auto& row = r.rows.emplace_back();
    row = {text(d.iri), text(d.title), memory(d.ram), memory(d.flash),
           list(kind_names(d.sensors.kinds)), text(std::string(to_string(m.verdict)))};
    if (workload) add_estimate(row, *workload, d.hardware);
    if (explain) row.push_back(list(reason_texts(m.explanation)));
  }
  return r;
}

Report models_report(const std::vector<ModelMatch>& matches, bool explain,
                     const BoardHardware* hardware) {
  Report r{{"name", "uuid", "macs", "ram_kB", "flash_kB", "sensors", "verdict"}, {}};
  if (hardware) add_estimate_columns(r);
  if (explain) r.columns.push_back("reasons");
  for (const ModelMatch& m : matches) {
    const ModelRequirements& q = m.model->requirements;
    auto& row = r.rows.emplace_back();
    row = {text(q.label()), text(q.identifier), optional_number(m.model->facts.macs),
           memory(q.ram), memory(q.flash), list(kind_names(q.sensor_kinds)),
           text(std::string(to_string(m.verdict)))};
    if (hardware) add_estimate(row, m.model->facts.workload, *hardware);
    if (explain) row.push_back(list(reason_texts(m.explanation)));
  }
  return r;
}

Report matrix_report(const FitMatrix& matrix) {
  Report r{{"model"}, {}};
  for (const DeviceCapabilities* d : matrix.devices) r.columns.push_back(iri_tail(d->iri));
  for (size_t m = 0; m < matrix.models.size(); ++m) {
    auto& row = r.rows.emplace_back();
    row.push_back(text(matrix.models[m]->requirements.label()));
    for (size_t d = 0; d < matrix.devices.size(); ++d) {
      FitVerdict v = matrix.at(m, d);
      row.push_back(text(v == FitVerdict::Fits ? "yes" : v == FitVerdict::Unknown ? "?" : "no"));
    }
  }
  return r;
}

Report matrix_pairs_report(const FitMatrix& matrix) {
  Report r{{"model", "device", "verdict", "reasons"}, {}};
  for (size_t m = 0; m < matrix.models.size(); ++m) {
    for (size_t d = 0; d < matrix.devices.size(); ++d) {
      FitResult fit = evaluate(matrix.models[m]->requirements, *matrix.devices[d]);
      r.rows.push_back({text(matrix.models[m]->requirements.label()),
                        text(iri_tail(matrix.devices[d]->iri)),
                        text(std::string(to_string(fit.verdict))), list(reason_texts(fit))});
    }
  }
  return r;
}

Report counts_report(const std::vector<ModelFitCount>& counts) {
  Report r{{"model", "uuid", "fits", "unknown", "does_not_fit"}, {}};
  for (const ModelFitCount& c : counts) {
    const ModelRequirements& q = c.model->requirements;
    r.rows.push_back({text(q.name.empty() ? q.iri : q.name), text(q.identifier),
                      number(double(c.count.fits)), number(double(c.count.unknown)),
                      number(double(c.count.does_not_fit))});
  }
  return r;
}

Report rank_report(const std::vector<RankedModel>& ranked, bool explain,
                   const BoardHardware* hardware) {
  Report r{{"rank", "name", "uuid", "category", "accuracy", "macs", "ram_kB", "flash_kB"}, {}};
  if (hardware) add_estimate_columns(r);
  if (explain) {
    for (const char* c : {"sensors", "dataset", "description"}) r.columns.push_back(c);
  }
  size_t position = 0;
  for (const RankedModel& m : ranked) {
    const ModelRequirements& q = m.model->requirements;
    const ModelFacts& f = m.model->facts;
    auto& row = r.rows.emplace_back();
    row = {number(double(++position)), text(q.label()), text(q.identifier), text(f.category),
           optional_number(f.accuracy), optional_number(f.macs), memory(q.ram), memory(q.flash)};
    if (hardware) add_estimate(row, f.workload, *hardware);
    if (explain) {
      row.push_back(list(kind_names(q.sensor_kinds)));
      row.push_back(text(f.dataset));
      row.push_back(text(f.description));
    }
  }
  return r;
}

Report similar_report(const std::vector<SimilarModel>& similar, const BoardHardware* hardware) {
  Report r{{"rank", "name", "uuid", "score", "task", "input", "operators", "cost", "category",
            "macs", "ram_kB", "flash_kB"},
           {}};
  if (hardware) add_estimate_columns(r);
  auto rounded = [](double v) { return number(std::round(v * 1000) / 1000); };
  size_t position = 0;
  for (const SimilarModel& s : similar) {
    const ModelRequirements& q = s.model->requirements;
    const ModelFacts& f = s.model->facts;
    const auto& p = s.similarity.parts;
    auto& row = r.rows.emplace_back();
    row = {number(double(++position)), text(q.label()), text(q.identifier),
           rounded(s.similarity.score), rounded(p[0]), rounded(p[1]), rounded(p[2]),
           rounded(p[3]), text(f.category), optional_number(f.macs), memory(q.ram),
           memory(q.flash)};
    if (hardware) add_estimate(row, f.workload, *hardware);
  }
  return r;
}

Result<std::string> render(const Report& report, std::string_view format) {
  std::string out;
  if (format == "json") {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : report.rows) {
      nlohmann::json obj = nlohmann::json::object();
      for (size_t c = 0; c < row.size(); ++c) {
        const ReportCell& cell = row[c];
        if (cell.is_list) {
          obj[report.columns[c]] = cell.items;
        } else if (cell.number && cell.text.empty()) {
          obj[report.columns[c]] = nullptr;
        } else if (cell.number) {
          double v = std::stod(cell.text);
          if (v == std::floor(v) && std::fabs(v) < 9e15) {
            obj[report.columns[c]] = static_cast<int64_t>(v);
          } else {
            obj[report.columns[c]] = v;
          }
        } else {
          obj[report.columns[c]] = cell.text;
        }
      }
      rows.push_back(std::move(obj));
    }
    return rows.dump(2) + "\n";
  }
  if (format == "csv") {
    for (size_t c = 0; c < report.columns.size(); ++c) {
      out += (c ? "," : "") + csv_field(report.columns[c]);
    }
    out += "\r\n";
    for (const auto& row : report.rows) {
      for (size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + csv_field(cell_text(row[c]));
      out += "\r\n";
    }
    return out;
  }
  if (format != "table") return fail("unknown format '{}': use table, csv or json", format);
  std::vector<size_t> width(report.columns.size());
  for (size_t c = 0; c < report.columns.size(); ++c) width[c] = report.columns[c].size();
  for (const auto& row : report.rows) {
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], cell_text(row[c]).size());
  }
  auto line = [&](auto cell_of) {
    std::string s;
    for (size_t c = 0; c < report.columns.size(); ++c) {
      std::string t = cell_of(c);
      s += c + 1 == report.columns.size() ? t : fmt::format("{:<{}}  ", t, width[c]);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "\n";
  };
  out += line([&](size_t c) { return report.columns[c]; });
  for (const auto& row : report.rows) out += line([&](size_t c) { return cell_text(row[c]); });
  out += fmt::format("({} row{})\n", report.rows.size(), report.rows.size() == 1 ? "" : "s");
  return out;
}

}  // namespace tinykg::match
