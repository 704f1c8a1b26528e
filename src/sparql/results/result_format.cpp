#include <algorithm>
#include <cctype>
#include <string>

#include "sparql/results/writers.h"

namespace tinykg::sparql {

Result<ResultFormat> parse_result_format(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (n == "table" || n == "text") return ResultFormat::Table;
  if (n == "json") return ResultFormat::Json;
  if (n == "csv") return ResultFormat::Csv;
  if (n == "tsv") return ResultFormat::Tsv;
  if (n == "xml") return ResultFormat::Xml;
  return fail("unknown result format '{}' (use table, json, csv, tsv or xml)", name);
}

void write_results(std::ostream& out, const ResultTable& table, ResultFormat format) {
  switch (format) {
    case ResultFormat::Table:
      write_table(out, table);
      return;
    case ResultFormat::Json:
      write_json(out, table);
      return;
    case ResultFormat::Csv:
      write_csv(out, table);
      return;
    case ResultFormat::Tsv:
      write_tsv(out, table);
      return;
    case ResultFormat::Xml:
      write_xml(out, table);
      return;
  }
}

}  // namespace tinykg::sparql
