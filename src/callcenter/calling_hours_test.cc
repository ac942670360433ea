#include "callcenter/calling_hours.h"

#include <gtest/gtest.h>

namespace callcenter {
namespace {

using namespace std::chrono_literals;  // NOLINT(google-build-using-namespace)
using std::chrono::January;
using std::chrono::minutes;

constexpr auto kDay = 2026y / January / 2;
constexpr auto kNextDay = 2026y / January / 3;

base::TimePoint At(minutes time_of_day, std::chrono::seconds extra = 0s) {
  return FromIst(kDay, time_of_day) + extra;
}

CallingHours Hours(minutes open, minutes close) {
  base::Result<CallingHours> hours = CallingHours::Make(open, close);
  EXPECT_TRUE(hours.ok()) << hours.status().ToString();
  return hours.ok() ? *hours : CallingHours();
}

TEST(CallingHoursTest, DefaultWindowOpensAtNineAndClosesAtNineInTheEvening) {
  CallingHours hours;
  EXPECT_FALSE(hours.Allows(At(8h + 59min, 59s)));
  EXPECT_TRUE(hours.Allows(At(9h)));
  EXPECT_TRUE(hours.Allows(At(20h + 59min, 59s)));
  EXPECT_FALSE(hours.Allows(At(21h)));
  EXPECT_EQ(hours.ToString(), "09:00-21:00 IST");
}

TEST(CallingHoursTest, ReadsTheTimeInIndiaNotUtc) {
  CallingHours hours;
  base::TimePoint nine_ist = base::TimePoint(std::chrono::sys_days(kDay)) + 3h + 30min;
  EXPECT_TRUE(hours.Allows(nine_ist));
  EXPECT_FALSE(hours.Allows(nine_ist - 1us));
  EXPECT_EQ(FormatIst(nine_ist), "2026-01-02 09:00 IST");
}

TEST(CallingHoursTest, WideCampaignWindowStaysClosedInTheQuietBand) {
  CallingHours hours = Hours(6h, 23h);
  EXPECT_FALSE(hours.Allows(At(22h + 30min)));
  EXPECT_FALSE(hours.Allows(At(5h + 59min)));
  EXPECT_FALSE(hours.Allows(At(22h)));
  EXPECT_TRUE(hours.Allows(At(21h + 59min, 59s)));
  EXPECT_TRUE(hours.Allows(At(6h)));
}

TEST(CallingHoursTest, WindowAcrossMidnightOpensOnlyOutsideTheQuietBand) {
  CallingHours hours = Hours(20h, 8h);
  EXPECT_FALSE(hours.Allows(At(19h + 59min)));
  EXPECT_TRUE(hours.Allows(At(21h)));
  EXPECT_FALSE(hours.Allows(At(23h)));
  EXPECT_FALSE(hours.Allows(At(2h)));
  EXPECT_TRUE(hours.Allows(At(7h)));
  EXPECT_FALSE(hours.Allows(At(8h)));
  EXPECT_FALSE(hours.Allows(At(12h)));
  EXPECT_EQ(hours.NextOpening(At(23h)), FromIst(kNextDay, 6h));
  EXPECT_EQ(hours.NextOpening(At(8h + 30min)), At(20h));
}

TEST(CallingHoursTest, NextOpeningIsTheNextMomentCallingIsAllowed) {
  CallingHours hours;
  EXPECT_EQ(hours.NextOpening(At(10h)), At(10h));
  EXPECT_EQ(hours.NextOpening(At(3h)), At(9h));
  EXPECT_EQ(hours.NextOpening(At(8h + 59min, 59s)), At(9h));
  EXPECT_EQ(hours.NextOpening(At(21h)), FromIst(kNextDay, 9h));
  EXPECT_EQ(hours.NextOpening(At(23h + 59min, 59s)), FromIst(kNextDay, 9h));
}

TEST(CallingHoursTest, QuietBandRunsFromTenAtNightToSixInTheMorning) {
  EXPECT_FALSE(CallingHours::InQuietBand(At(21h + 59min, 59s)));
  EXPECT_TRUE(CallingHours::InQuietBand(At(22h)));
  EXPECT_TRUE(CallingHours::InQuietBand(At(5h + 59min, 59s)));
  EXPECT_FALSE(CallingHours::InQuietBand(At(6h)));
}

TEST(CallingHoursTest, RefusesWindowsThatCannotBeKept) {
  EXPECT_EQ(CallingHours::Make(9h, 9h).status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(CallingHours::Make(9h, 24h).status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(CallingHours::Make(-1min, 9h).status().code(), base::StatusCode::kInvalidArgument);
  base::Result<CallingHours> night = CallingHours::Make(22h + 30min, 5h);
  ASSERT_FALSE(night.ok());
  EXPECT_NE(night.status().message().find("22:30-05:00"), std::string::npos);
  EXPECT_NE(night.status().message().find("quiet band"), std::string::npos);
}

}  // namespace
}  // namespace callcenter
