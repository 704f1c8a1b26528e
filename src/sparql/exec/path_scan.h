// PathScan: the solutions of a property path with * + ? or a negated
// property set (SPARQL 1.1 section 18.4, ALP). Read fully on the first
// next(): from a constant end it walks the graph breadth-first; with two
// variable ends it starts from every node of the graph. Closures have set
// semantics, so each (start, end) pair is produced once.
#pragma once

#include <set>

#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"
#include "sparql/parser/property_path.h"

namespace tinykg::sparql::exec {

// One end of the path: a constant id or a row slot.
struct PathEnd {
  store::Id constant = store::kNoId;
  int slot = -1;
  std::string label;
};

class PathScan : public Operator {
 public:
  PathScan(ExecContext& ctx, PathEnd subject, std::shared_ptr<const PropertyPath> path,
           PathEnd object, store::Id graph, size_t row_width);
  bool next(Row& out) override;
  std::string describe() const override;

 private:
  void evaluate();
  std::set<store::Id> step(const PropertyPath& p, store::Id node, bool forward);
  std::set<store::Id> closure(const PropertyPath& p, store::Id node, bool forward, bool zero,
                              bool many);
  std::set<store::Id> all_nodes();
  ExecContext& ctx_;
  PathEnd subject_, object_;
  std::shared_ptr<const PropertyPath> path_;
  store::Id graph_;
  size_t row_width_;
  std::vector<std::pair<store::Id, store::Id>> pairs_;
  size_t index_ = 0;
  bool evaluated_ = false;
};

}  // namespace tinykg::sparql::exec
