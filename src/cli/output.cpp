#include "cli/output.h"

#include "cli/context.h"
#include "sparql/results/writers.h"

namespace tinykg::cli {

void print_results(const sparql::ResultTable& table, const std::string& format) {
  auto fmt = Context::take(sparql::parse_result_format(format));
  sparql::write_results(std::cout, table, fmt);
}

}  // namespace tinykg::cli
