// Internal to sparql/: runs a parsed query's pattern to a table. Shared by
// the query facade (engine.cpp) and the update executor (update.cpp), whose
// WHERE clauses run through the same pipeline on the writing transaction.
#pragma once

#include "sparql/engine.h"
#include "sparql/parser/parsed_query.h"

namespace tinykg::sparql {

Result<ResultTable> run_table(const store::ReadTxn& txn, const ParsedQuery& parsed,
                              const QueryOptions& options, QueryProfile* profile = nullptr);

}  // namespace tinykg::sparql
