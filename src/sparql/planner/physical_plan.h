// The output of the planner: an operator tree ready to be pulled, the row
// layout below the projection, and the names of the output columns.
#pragma once

#include <string>
#include <vector>

#include "sparql/exec/operator.h"
#include "sparql/exec/row.h"

namespace tinykg::sparql {

struct PhysicalPlan {
  exec::OperatorPtr root;
  exec::VariableLayout layout;                // slots of full-width rows
  std::vector<std::string> output_variables;  // columns of the rows `root` yields
};

}  // namespace tinykg::sparql
