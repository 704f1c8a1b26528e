#include "sparql/exec/operator.h"

#include <fmt/format.h>

namespace tinykg::sparql::exec {
namespace {

void print(const Operator& op, int depth, std::string& out) {
  out += fmt::format("{}{}  [est {:.0f}, rows {}]\n", std::string(2 * depth, ' '), op.describe(),
                     op.estimated_rows(), op.rows_produced());
  for (const Operator* child : op.children()) print(*child, depth + 1, out);
}

}  // namespace

std::string explain(const Operator& root) {
  std::string out;
  print(root, 0, out);
  return out;
}

}  // namespace tinykg::sparql::exec
