// Rows of term ids: the unit of data flowing between physical operators.
//
// Below Project, every row has one slot per query variable (the
// VariableLayout decides which); kNoId marks an unbound slot. Operators only
// copy ids around; terms are decoded (late materialization) by FILTER / ORDER
// BY evaluation and by the result writer, through ExecContext's term cache.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "store/ids.h"

namespace tinykg::sparql::exec {

using Row = std::vector<store::Id>;

struct RowHash {
  size_t operator()(const Row& row) const {
    size_t h = 0x9e3779b97f4a7c15ULL;
    for (store::Id id : row) h = (h ^ id) * 0x100000001b3ULL + (h >> 29);
    return h;
  }
};

// Variable name <-> row slot.
class VariableLayout {
 public:
  int slot_of(const std::string& name) const {
    auto it = std::find(names_.begin(), names_.end(), name);
    return it == names_.end() ? -1 : static_cast<int>(it - names_.begin());
  }
  int add(const std::string& name) {
    int slot = slot_of(name);
    if (slot >= 0) return slot;
    names_.push_back(name);
    return static_cast<int>(names_.size()) - 1;
  }
  size_t width() const { return names_.size(); }
  const std::string& name(int slot) const { return names_[static_cast<size_t>(slot)]; }

 private:
  std::vector<std::string> names_;
};

}  // namespace tinykg::sparql::exec
