// The physical operator interface: a pull-based iterator over rows of ids.
//
// The planner builds a tree of operators; the root is pulled until next()
// returns false. Operators are constructed ready to run (no open/close); an
// operator that needs all of its input (Sort, the build side of HashJoin)
// consumes it on the first next(). As in QLever, each operator carries its
// own cardinality estimate, computed when it is built, so EXPLAIN and the
// planner can reason about any subtree without knowing its type.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sparql/exec/row.h"

namespace tinykg::sparql::exec {

class Operator {
 public:
  virtual ~Operator() = default;

  // Writes the next row into `out` (any previous content is overwritten).
  // Returns false when the operator is exhausted; further calls return false.
  virtual bool next(Row& out) = 0;

  // One line for EXPLAIN, e.g. "IndexScan ?s <p> ?o".
  virtual std::string describe() const = 0;
  virtual std::vector<const Operator*> children() const { return {}; }

  double estimated_rows() const { return estimated_rows_; }
  uint64_t rows_produced() const { return rows_produced_; }

 protected:
  // Subclasses call this from next() so EXPLAIN ANALYZE-style output and
  // tests can see how many rows each operator produced.
  bool produced(bool has_row) {
    if (has_row) ++rows_produced_;
    return has_row;
  }
  double estimated_rows_ = 0;

 private:
  uint64_t rows_produced_ = 0;
};

using OperatorPtr = std::unique_ptr<Operator>;

// Indented operator tree with estimated and (after running) produced rows.
std::string explain(const Operator& root);

}  // namespace tinykg::sparql::exec
