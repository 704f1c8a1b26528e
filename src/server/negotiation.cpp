#include "server/negotiation.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace tinykg::server {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

struct AcceptRange {
  std::string type;  // "text/csv", "text/*" or "*/*"
  double q = 1.0;
};

// Splits `s` at `sep`; trims each piece.
std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    parts.push_back(trim(s.substr(start, end - start)));
    start = end + 1;
  }
  return parts;
}

std::vector<AcceptRange> parse_accept(std::string_view accept) {
  std::vector<AcceptRange> ranges;
  for (std::string_view item : split(accept, ',')) {
    std::vector<std::string_view> parts = split(item, ';');
    AcceptRange range{lower(parts[0]), 1.0};
    if (range.type.empty()) continue;
    for (size_t i = 1; i < parts.size(); ++i) {
      if (parts[i].size() > 2 && (parts[i][0] == 'q' || parts[i][0] == 'Q') && parts[i][1] == '=') {
        range.q = std::strtod(std::string(parts[i].substr(2)).c_str(), nullptr);
      }
    }
    ranges.push_back(std::move(range));
  }
  return ranges;
}

// 3 for an exact match, 2 for "type/*", 1 for "*/*", 0 for none: a more
// specific range decides the q-value of a type (RFC 9110 §12.5.1).
int specificity(const AcceptRange& range, std::string_view type) {
  if (range.type == type) return 3;
  if (range.type == "*/*") return 1;
  if (range.type.ends_with("/*") &&
      type.starts_with(std::string_view(range.type).substr(0, range.type.size() - 1))) {
    return 2;
  }
  return 0;
}

}  // namespace

std::optional<std::string_view> negotiate(std::string_view accept,
                                          std::span<const std::string_view> offered) {
  if (offered.empty()) return std::nullopt;
  if (trim(accept).empty()) return offered.front();
  std::vector<AcceptRange> ranges = parse_accept(accept);
  std::optional<std::string_view> best;
  double best_q = 0.0;
  for (std::string_view type : offered) {
    int best_specificity = 0;
    double q = 0.0;
    for (const AcceptRange& range : ranges) {
      int s = specificity(range, type);
      if (s > best_specificity) {
        best_specificity = s;
        q = range.q;
      }
    }
    if (q > best_q) {
      best_q = q;
      best = type;
    }
  }
  return best;
}

std::string media_type(std::string_view content_type) {
  return lower(trim(content_type.substr(0, content_type.find(';'))));
}

std::string charset(std::string_view content_type) {
  std::string lowered = lower(content_type);
  size_t pos = lowered.find("charset=");
  if (pos == std::string::npos) return {};
  std::string_view value = std::string_view(lowered).substr(pos + 8);
  value = trim(value.substr(0, value.find(';')));
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

}  // namespace tinykg::server
