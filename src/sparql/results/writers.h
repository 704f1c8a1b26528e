// Result writers, one per format and file:
//   table  aligned text for people (terminal, logs)
//   json   SPARQL 1.1 Query Results JSON Format
//   csv    SPARQL 1.1 Query Results CSV (values only, CRLF line ends)
//   tsv    SPARQL 1.1 Query Results TSV (terms in N-Triples syntax)
//   xml    SPARQL Query Results XML Format (application/sparql-results+xml)
// ASK answers: write_boolean. CONSTRUCT graphs: graph_writer.h.
#pragma once

#include <ostream>
#include <string_view>

#include "common/result.h"
#include "sparql/results/result_table.h"

namespace tinykg::sparql {

enum class ResultFormat { Table, Json, Csv, Tsv, Xml };

// "table" (or "text"), "json", "csv", "tsv", "xml"; case-insensitive.
Result<ResultFormat> parse_result_format(std::string_view name);

void write_table(std::ostream& out, const ResultTable& table);
void write_json(std::ostream& out, const ResultTable& table);
void write_csv(std::ostream& out, const ResultTable& table);
void write_tsv(std::ostream& out, const ResultTable& table);
void write_xml(std::ostream& out, const ResultTable& table);
// The answer of an ASK query in `format` (JSON and XML per their specs).
void write_boolean(std::ostream& out, bool value, ResultFormat format);

void write_results(std::ostream& out, const ResultTable& table, ResultFormat format);

}  // namespace tinykg::sparql
