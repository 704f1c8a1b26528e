#include "deploy/maintenance_window.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace tinykg::deploy {
namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr unsigned kEveryDay = 0x7f;
constexpr std::string_view kSyntax =
    "write a maintenance window as '[DAYS] HH:MM-HH:MM' in UTC, e.g. 'Mon-Fri 22:00-04:00', "
    "'Sat,Sun 00:00-24:00' or 'daily 01:00-03:00'";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int day_index(std::string_view name) {
  auto it = std::find(kDays.begin(), kDays.end(), lower(name));
  return it == kDays.end() ? -1 : static_cast<int>(it - kDays.begin());
}

// "Mon-Fri,Sun" -> bit mask; 0 on a bad name.
unsigned parse_days(std::string_view text) {
  if (lower(text) == "daily") return kEveryDay;
  unsigned days = 0;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    if (item.empty()) return 0;
    size_t dash = item.find('-');
    int first = day_index(item.substr(0, dash));
    int last = dash == std::string_view::npos ? first : day_index(item.substr(dash + 1));
    if (first < 0 || last < 0) return 0;
    for (int d = first;; d = (d + 1) % 7) {  // Fri-Mon wraps over the weekend
      days |= 1u << d;
      if (d == last) break;
    }
    if (comma == std::string_view::npos) break;
  }
  return days;
}

// "HH:MM" -> minutes after midnight (0..1440); -1 when malformed.
int parse_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (size_t i : {0, 1, 3, 4}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
  }
  int h = (text[0] - '0') * 10 + (text[1] - '0');
  int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

// Monday = 0, as in the day mask.
int weekday_of(sys_days day) { return static_cast<int>(weekday(day).iso_encoding()) - 1; }

}  // namespace

minutes MaintenanceWindow::length() const {
  return minutes(end_minute > start_minute ? end_minute - start_minute
                                           : end_minute + 1440 - start_minute);
}

Result<MaintenanceWindow> parse_window(std::string_view text) {
  const std::string original(text);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  MaintenanceWindow w;
  w.text = std::string(text);
  std::string_view times = text;
  w.days = kEveryDay;
  if (size_t space = text.find(' '); space != std::string_view::npos) {
    std::string_view days = text.substr(0, space);
    times = text.substr(text.find_first_not_of(' ', space));
    w.days = parse_days(days);
    if (w.days == 0) {
      return fail("bad maintenance window '{}': '{}' is not a day list (Mon..Sun, ranges such as "
                  "Mon-Fri, commas, or daily); {}", original, days, kSyntax);
    }
  }
  size_t dash = times.find('-');
  w.start_minute = dash == std::string_view::npos ? -1 : parse_time(times.substr(0, dash));
  w.end_minute = dash == std::string_view::npos ? -1 : parse_time(times.substr(dash + 1));
  if (w.start_minute < 0 || w.end_minute < 0 || w.start_minute == 1440) {
    return fail("bad maintenance window '{}': '{}' is not a time range HH:MM-HH:MM; {}", original,
                times, kSyntax);
  }
  if (w.start_minute == w.end_minute) {
    return fail("bad maintenance window '{}': it starts and ends at the same time; for a whole "
                "day write 00:00-24:00", original);
  }
  return w;
}

WindowSchedule::WindowSchedule(std::vector<MaintenanceWindow> windows)
    : windows_(std::move(windows)) {}

Result<WindowSchedule> WindowSchedule::parse(const std::vector<std::string>& texts) {
  std::vector<MaintenanceWindow> windows;
  for (const std::string& t : texts) {
    auto w = parse_window(t);
    if (!w) return w.failure();
    windows.push_back(std::move(w).value());
  }
  return WindowSchedule(std::move(windows));
}

bool WindowSchedule::is_open(TimePoint t) const {
  if (windows_.empty()) return true;
  const sys_days today = floor<days>(t);
  // A window that crosses midnight may have opened yesterday.
  for (sys_days day : {today - days(1), today}) {
    for (const MaintenanceWindow& w : windows_) {
      if (!(w.days & (1u << weekday_of(day)))) continue;
      const TimePoint opens = day + minutes(w.start_minute);
      if (t >= opens && t < opens + w.length()) return true;
    }
  }
  return false;
}

WindowSchedule::TimePoint WindowSchedule::next_open(TimePoint t) const {
  if (is_open(t)) return t;
  const sys_days today = floor<days>(t);
  TimePoint best = TimePoint::max();
  // Every window opens at least once a week.
  for (int ahead = 0; ahead <= 7; ++ahead) {
    const sys_days day = today + days(ahead);
    for (const MaintenanceWindow& w : windows_) {
      if (!(w.days & (1u << weekday_of(day)))) continue;
      const TimePoint opens = day + minutes(w.start_minute);
      if (opens > t) best = std::min(best, opens);
    }
  }
  return best;
}

std::string WindowSchedule::describe() const {
  std::string out;
  for (const MaintenanceWindow& w : windows_) out += (out.empty() ? "" : ", ") + w.text;
  return out + " (UTC)";
}

std::string iso8601(std::chrono::system_clock::time_point t) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(t)));
}

}  // namespace tinykg::deploy
