// Maintenance window syntax (valid and invalid input) and when a schedule is
// open, including windows that cross midnight and the week's end.
#include <gtest/gtest.h>

#include "deploy/campaign.h"
#include "deploy/deployments.h"
#include "deploy/maintenance_window.h"

namespace tinykg::deploy {
namespace {

using namespace std::chrono;

// 2026-12-07 is a Monday.
system_clock::time_point at(int day_of_december, int hour, int minute = 0) {
  return sys_days(2026y / December / day(day_of_december)) + hours(hour) + minutes(minute);
}

WindowSchedule schedule(std::vector<std::string> texts) {
  auto s = WindowSchedule::parse(texts);
  EXPECT_TRUE(s) << s.error();
  return s ? std::move(s).value() : WindowSchedule();
}

TEST(MaintenanceWindowSyntax, ValidWindows) {
  struct Case {
    const char* text;
    unsigned days;
    int start, end;
  };
  const unsigned weekdays = 0x1f, every_day = 0x7f;
  for (const Case& c : std::initializer_list<Case>{
           {"Mon-Fri 22:00-04:00", weekdays, 22 * 60, 4 * 60},
           {"daily 01:00-03:30", every_day, 60, 210},
           {"01:00-03:00", every_day, 60, 180},
           {"sat,SUN 00:00-24:00", 0x60, 0, 1440},
           {"Fri-Mon 10:00-11:00", 0x71, 600, 660},  // wraps over the weekend
           {"Mon,Wed-Fri 08:00-09:30", 0x1d, 480, 570},
           {"  Tue   23:45-00:15 ", 0x02, 23 * 60 + 45, 15}}) {
    auto w = parse_window(c.text);
    ASSERT_TRUE(w) << c.text << ": " << w.error();
    EXPECT_EQ(w->days, c.days) << c.text;
    EXPECT_EQ(w->start_minute, c.start) << c.text;
    EXPECT_EQ(w->end_minute, c.end) << c.text;
  }
  EXPECT_EQ(parse_window("Mon-Fri 22:00-04:00")->length(), hours(6));
  EXPECT_EQ(parse_window("Sat 00:00-24:00")->length(), hours(24));
}

TEST(MaintenanceWindowSyntax, InvalidWindowsSayWhatIsWrong) {
  struct Case {
    const char* text;
    const char* says;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"", "is not a time range"},
           {"Mon-Fri", "is not a time range"},
           {"Mon-Fry 22:00-04:00", "'Mon-Fry' is not a day list"},
           {"Mon,,Tue 01:00-02:00", "is not a day list"},
           {"Mon-Fri 22:00", "'22:00' is not a time range"},
           {"Mon-Fri 25:00-04:00", "is not a time range"},
           {"Mon-Fri 22:60-04:00", "is not a time range"},
           {"Mon-Fri 9:00-10:00", "is not a time range"},
           {"Mon-Fri 24:00-02:00", "is not a time range"},
           {"Mon-Fri 22:00-22:00", "starts and ends at the same time"}}) {
    auto w = parse_window(c.text);
    ASSERT_FALSE(w) << "'" << c.text << "' parsed";
    EXPECT_NE(w.error().find(c.says), std::string::npos) << c.text << ": " << w.error();
    EXPECT_NE(w.error().find("bad maintenance window"), std::string::npos) << w.error();
  }
}

TEST(MaintenanceWindowSyntax, CampaignOptionsCheckTheirWindows) {
  CampaignOptions o;
  o.windows = {"Mon-Fri 22:00-04:00", "Sun 10:00-25:00"};
  EXPECT_NE(check_options(o).find("'Sun 10:00-25:00'"), std::string::npos) << check_options(o);
  o.windows = {"Mon-Fri 22:00-04:00"};
  EXPECT_EQ(check_options(o), "");
  // Kept with the campaign's options (tkg:options in the graph).
  EXPECT_EQ(CampaignOptions::from_json(o.to_json()).windows, o.windows);
  EXPECT_FALSE(CampaignOptions().to_json().contains("windows"));
}

TEST(WindowSchedule, NoWindowIsAlwaysOpen) {
  WindowSchedule none;
  EXPECT_TRUE(none.is_open(at(7, 12)));
  EXPECT_EQ(none.next_open(at(7, 12)), at(7, 12));
}

TEST(WindowSchedule, WindowCrossingMidnightBelongsToTheDayItOpens) {
  WindowSchedule s = schedule({"Mon-Fri 22:00-04:00"});
  EXPECT_FALSE(s.is_open(at(7, 1)));        // Monday 01:00: Sunday opened no window
  EXPECT_FALSE(s.is_open(at(7, 21, 59)));
  EXPECT_TRUE(s.is_open(at(7, 22)));        // Monday 22:00
  EXPECT_TRUE(s.is_open(at(8, 3, 59)));     // Tuesday 03:59, Monday's window
  EXPECT_FALSE(s.is_open(at(8, 4)));        // closes at 04:00 exactly
  EXPECT_TRUE(s.is_open(at(12, 2)));        // Saturday 02:00, Friday's window
  EXPECT_FALSE(s.is_open(at(12, 23)));      // Saturday 23:00
  EXPECT_FALSE(s.is_open(at(13, 23)));      // Sunday 23:00

  EXPECT_EQ(s.next_open(at(7, 1)), at(7, 22));
  EXPECT_EQ(s.next_open(at(8, 4)), at(8, 22));
  EXPECT_EQ(s.next_open(at(8, 2)), at(8, 2));    // open: now
  EXPECT_EQ(s.next_open(at(12, 5)), at(14, 22)); // Saturday morning -> Monday night
}

TEST(WindowSchedule, AnyOfSeveralWindowsOpens) {
  WindowSchedule s = schedule({"Mon-Fri 22:00-04:00", "Sat,Sun 00:00-24:00"});
  EXPECT_TRUE(s.is_open(at(12, 12)));   // Saturday noon
  EXPECT_TRUE(s.is_open(at(13, 23)));   // Sunday 23:00
  EXPECT_FALSE(s.is_open(at(14, 3)));   // Monday 03:00: Sunday's window ended at 24:00
  EXPECT_FALSE(s.is_open(at(14, 12)));  // Monday noon
  EXPECT_EQ(s.next_open(at(14, 12)), at(14, 22));
  EXPECT_EQ(s.describe(), "Mon-Fri 22:00-04:00, Sat,Sun 00:00-24:00 (UTC)");
  EXPECT_EQ(iso8601(at(14, 22)), "2026-12-14T22:00:00Z");
}

}  // namespace
}  // namespace tinykg::deploy
