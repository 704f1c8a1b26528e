// Expected results of W3C query tests, read from the formats the suites use:
// SPARQL XML (.srx, a minimal hand-rolled XML reader is enough for it), JSON
// (.srj), TSV (.tsv), CSV (.csv) and RDF (.ttl/.nt: a result set in the
// rs: vocabulary, or the expected graph of a CONSTRUCT).
#pragma once

#include <string>

#include "common/result.h"
#include "sparql/engine.h"

namespace tinykg::sparql::conformance {

struct ExpectedResult {
  enum class Kind { Table, Boolean, Graph } kind = Kind::Table;
  ResultTable table;
  bool boolean = false;
  ConstructedGraph graph;
  bool csv = false;  // cells are plain strings (CSV loses term kinds)
};

Result<ExpectedResult> read_expected(const std::string& path);

// Reads a whole file; failure if it cannot be opened.
Result<std::string> read_text(const std::string& path);

}  // namespace tinykg::sparql::conformance
