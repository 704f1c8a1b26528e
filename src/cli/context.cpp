#include "cli/context.h"

#include <fstream>
#include <sstream>

namespace tinykg::cli {

kg::KnowledgeGraph& Context::graph(bool read_only) {
  if (!graph_) graph_ = take(kg::KnowledgeGraph::open(location(), read_only));
  return *graph_;
}

kg::remote::StoreLocation Context::location() const {
  if (store_spec.empty()) return kg::remote::StoreLocation{.db_dir = db_dir};
  return take(kg::remote::parse_store_location(store_spec));
}

std::string Context::text_or_file(const std::string& text, const std::string& file,
                                  const char* what) {
  if (text.empty() == file.empty()) {
    throw CliError(std::string("give the ") + what + " either as text or with -f FILE (exactly one)");
  }
  if (file.empty()) return text;
  std::ifstream in(file);
  if (!in) throw CliError(std::string("cannot open ") + what + " file '" + file + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace tinykg::cli
