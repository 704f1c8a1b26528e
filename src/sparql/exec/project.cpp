#include "sparql/exec/project.h"

namespace tinykg::sparql::exec {

Project::Project(OperatorPtr child, std::vector<int> slots, std::vector<std::string> names,
                 bool keep_width)
    : child_(std::move(child)),
      slots_(std::move(slots)),
      names_(std::move(names)),
      keep_width_(keep_width) {
  estimated_rows_ = child_->estimated_rows();
}

bool Project::next(Row& out) {
  if (!child_->next(input_)) return false;
  if (keep_width_) {
    if (kept_.empty()) {
      kept_.assign(input_.size(), false);
      for (int s : slots_) {
        if (s >= 0) kept_[static_cast<size_t>(s)] = true;
      }
    }
    out = input_;
    for (size_t i = 0; i < out.size(); ++i) {
      if (!kept_[i]) out[i] = store::kNoId;
    }
    return produced(true);
  }
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
