// Printing query results in the format a user asked for.
#pragma once

#include <iostream>
#include <string>

#include "sparql/engine.h"

namespace tinykg::cli {

// Writes `table` to stdout as table|json|csv|tsv; throws CliError for an
// unknown format name.
void print_results(const sparql::ResultTable& table, const std::string& format);

}  // namespace tinykg::cli
