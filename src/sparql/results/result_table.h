// A fully materialized SELECT result: column names (without '?') and rows
// of decoded terms; nullopt is an unbound cell.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rdf/term.h"

namespace tinykg::sparql {

struct ResultTable {
  std::vector<std::string> variables;
  std::vector<std::vector<std::optional<rdf::Term>>> rows;
};

}  // namespace tinykg::sparql
