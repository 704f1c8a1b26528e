// Reads the answer of a remote SPARQL endpoint: SPARQL 1.1 Query Results
// JSON (application/sparql-results+json) and XML (…+xml) into the engine's
// own types, so callers cannot tell a remote answer from an embedded one.
//
// Dialects smoothed over here: the pre-standard "typed-literal" type of
// Virtuoso's JSON, xsd:boolean written as 1/0 (Virtuoso), xsd:string written
// out (= a plain literal in RDF 1.1), and tinykg's skolem IRIs, which read
// back as blank nodes (skolem.h).
#pragma once

#include <string_view>

#include "common/result.h"
#include "sparql/engine.h"

namespace tinykg::kg::remote {

struct ReadOptions {
  bool deskolemize = true;  // false: keep skolem IRIs (internal reads that write back)
};

// A SELECT table or an ASK boolean, by the document's syntax.
Result<sparql::QueryResult> read_results_json(std::string_view text, ReadOptions options = {});
Result<sparql::QueryResult> read_results_xml(std::string_view text, ReadOptions options = {});
// Picks the reader from the Content-Type (JSON unless it names XML).
Result<sparql::QueryResult> read_results(std::string_view text, std::string_view content_type,
                                         ReadOptions options = {});

}  // namespace tinykg::kg::remote
