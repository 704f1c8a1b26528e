// Maintenance windows: the weekly times (UTC) when a campaign may send a
// model to a device. Outside every window the runner lets transfers in
// flight finish and starts no new one until the next window opens.
//
// Syntax of one window: `[DAYS] HH:MM-HH:MM`
//   DAYS   comma-separated days or day ranges: Mon,Tue,Wed,Thu,Fri,Sat,Sun,
//          e.g. `Mon-Fri`, `Sat,Sun`, `Mon,Wed-Fri`, `Fri-Mon` (wraps); `daily`
//          or omitted: every day. Case does not matter.
//   HH:MM  00:00 .. 24:00 (24:00 only as the end). An end at or before the
//          start crosses midnight: `Mon-Fri 22:00-04:00` opens on each of
//          Monday..Friday at 22:00 and closes at 04:00 the next morning (so
//          Saturday 00:00-04:00 is open, Monday 00:00-04:00 is not).
//          `00:00-24:00` is a whole day; equal start and end is an error.
// A campaign with several windows may send when any of them is open; with
// none it may always send.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace tinykg::deploy {

struct MaintenanceWindow {
  unsigned days = 0;  // bit d set: opens on weekday d (0 = Monday .. 6 = Sunday)
  int start_minute = 0;  // minutes after 00:00 UTC of the opening day
  int end_minute = 0;    // same day if > start, else the next day
  std::string text;      // as the user wrote it

  std::chrono::minutes length() const;
};

Result<MaintenanceWindow> parse_window(std::string_view text);

// The windows of one campaign. Empty: always open.
class WindowSchedule {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  WindowSchedule() = default;
  explicit WindowSchedule(std::vector<MaintenanceWindow> windows);
  static Result<WindowSchedule> parse(const std::vector<std::string>& texts);

  bool empty() const { return windows_.empty(); }
  bool is_open(TimePoint t) const;
  // `t` itself when open, else the moment the next window opens.
  TimePoint next_open(TimePoint t) const;
  std::string describe() const;  // "Mon-Fri 22:00-04:00, Sat 10:00-12:00 (UTC)"

 private:
  std::vector<MaintenanceWindow> windows_;
};

std::string iso8601(std::chrono::system_clock::time_point t);  // 2026-12-07T22:00:00Z

}  // namespace tinykg::deploy
