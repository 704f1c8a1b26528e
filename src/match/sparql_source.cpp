#include "match/sparql_source.h"

#include "sparql/engine.h"

namespace tinykg::match {

Result<sparql::ResultTable> StoreSource::select(std::string_view query) const {
  return sparql::run_select(txn_, query);
}

}  // namespace tinykg::match
