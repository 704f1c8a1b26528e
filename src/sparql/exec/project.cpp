#include "sparql/exec/project.h"

namespace tinykg::sparql::exec {

Project::Project(OperatorPtr child, std::vector<int> slots, std::vector<std::string> names)
    : child_(std::move(child)), slots_(std::move(slots)), names_(std::move(names)) {
  estimated_rows_ = child_->estimated_rows();
}

bool Project::next(Row& out) {
  if (!child_->next(input_)) return false;
  out.resize(slots_.size());
  for (size_t i = 0; i < slots_.size(); ++i) {
    out[i] = slots_[i] < 0 ? store::kNoId : input_[static_cast<size_t>(slots_[i])];
  }
  return produced(true);
}

std::string Project::describe() const {
  std::string out = "Project";
  for (const std::string& n : names_) out += " ?" + n;
  return out;
}

}  // namespace tinykg::sparql::exec
