// Compares query answers with expected results as the W3C suites intend:
// multisets of solutions equal up to a consistent renaming of blank nodes,
// numeric literals equal by datatype and value ("1.0"^^xsd:decimal equals
// "1.00"^^xsd:decimal), language tags case-insensitive; ORDER BY queries
// additionally keep the order of their sort-key columns (ties may permute).
#pragma once

#include <string>
#include <vector>

#include "conformance/expected_results.h"

namespace tinykg::sparql::conformance {

// Empty when equal, else a short description of the first difference.
std::string compare_tables(const ResultTable& expected, const ResultTable& actual,
                           const std::vector<std::string>& order_keys);
std::string compare_graphs(const ConstructedGraph& expected, const ConstructedGraph& actual);

// CSV loses term kinds: IRIs and literals become plain strings.
ResultTable as_csv_cells(const ResultTable& table);

// Variables used as plain ORDER BY keys of the top-level query (best effort:
// an ORDER BY after the last closing brace).
std::vector<std::string> order_keys_of(const std::string& query);

std::string describe(const ResultTable& table, size_t max_rows = 8);

}  // namespace tinykg::sparql::conformance
