// Feeds arbitrary bytes to the SPARQL parser and the store-free stages after
// it (translation, filter pushdown, constant expression evaluation): they
// must return a result or an error, never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sparql/algebra/translate.h"
#include "sparql/exec/expression_eval.h"
#include "sparql/optimizer/filter_pushdown.h"
#include "sparql/parser/parser.h"

using namespace tinykg::sparql;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = parse_query(text);
  if (!parsed) return 0;
  for (const GroupElement& e : parsed->where.elements) {
    if (e.kind == GroupElement::Kind::Filter && e.filter->variables().empty()) {
      exec::ExecContext ctx(nullptr);
      (void)exec::evaluate(*e.filter, exec::Row{}, ctx);
    }
  }
  algebra::NodePtr tree = algebra::translate(*parsed);
  push_down_filters(tree);
  (void)algebra::to_string(*tree);
  return 0;
}
