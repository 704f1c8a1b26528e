// Match results as tables for people and programs: the CLI prints them and
// the server can send them. A Report is columns and rows of cells; render()
// writes it as an aligned text table, CSV (RFC 4180) or JSON (an array of
// objects, numbers as numbers, reasons as arrays).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "match/matcher.h"

namespace tinykg::match {

struct ReportCell {
  std::string text;
  bool number = false;             // JSON: emit as a number
  std::vector<std::string> items;  // a list (sensors, reasons); text is empty then
  bool is_list = false;
};

struct Report {
  std::vector<std::string> columns;
  std::vector<std::vector<ReportCell>> rows;
};

// With `workload` / `hardware`, latency_ms and energy_mJ columns estimate one
// inference of the model on each board (empty where it cannot be estimated).
Report devices_report(const std::vector<DeviceMatch>& matches, bool explain,
                      const Workload* workload = nullptr);
Report models_report(const std::vector<ModelMatch>& matches, bool explain,
                     const BoardHardware* hardware = nullptr);
// Models as rows, boards as columns, cells "yes" / "no" / "?".
Report matrix_report(const FitMatrix& matrix);
// One row per model × board pair with verdict and reasons.
Report matrix_pairs_report(const FitMatrix& matrix);
Report counts_report(const std::vector<ModelFitCount>& counts);
Report rank_report(const std::vector<RankedModel>& ranked, bool explain,
                   const BoardHardware* hardware = nullptr);
// Most similar first: score, the four part distances and the model's figures.
Report similar_report(const std::vector<SimilarModel>& similar,
                      const BoardHardware* hardware = nullptr);

// format: table | csv | json.
Result<std::string> render(const Report& report, std::string_view format);

// A short name for a board IRI: the part after the last '/'.
std::string iri_tail(std::string_view iri);

}  // namespace tinykg::match
