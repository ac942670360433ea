#include "callcenter/poll_schedule.h"

#include <gtest/gtest.h>

#include "callcenter/calling_hours.h"

namespace callcenter {
namespace {

using namespace std::chrono_literals;  // NOLINT(google-build-using-namespace)
using std::chrono::April;

constexpr auto kPollDay = 2026y / April / 11;

DialTarget Voter(std::string state, std::string seat) {
  DialTarget target{"c1", "+919812345678", 1, "hi", std::move(state), std::move(seat)};
  return target;
}

PollSchedule Schedule(const std::map<std::string, std::chrono::year_month_day>& dates) {
  base::Result<PollSchedule> schedule = PollSchedule::FromPollDates(dates);
  EXPECT_TRUE(schedule.ok()) << schedule.status().ToString();
  return schedule.ok() ? *schedule : PollSchedule();
}

TEST(PollScheduleTest, SilenceStartsExactlyFortyEightHoursBeforeThePollCloses) {
  PollSchedule schedule = Schedule({{"S12-19", kPollDay}});
  base::TimePoint close = FromIst(kPollDay, 18h);
  DialTarget voter = Voter("S12", "S12-19");
  EXPECT_FALSE(schedule.SilenceAt(voter, close - 48h - 1us));
  std::optional<SilencePeriod> silence = schedule.SilenceAt(voter, close - 48h);
  ASSERT_TRUE(silence);
  EXPECT_EQ(silence->area, "S12-19");
  EXPECT_EQ(silence->start, close - 48h);
  EXPECT_EQ(silence->poll_close, close);
  EXPECT_TRUE(schedule.SilenceAt(voter, close));
  EXPECT_FALSE(schedule.SilenceAt(voter, close + 1us));
}

TEST(PollScheduleTest, SeatPollSilencesOnlyThatSeat) {
  PollSchedule schedule = Schedule({{"S12-19", kPollDay}});
  base::TimePoint eve = FromIst(kPollDay, 9h);
  EXPECT_TRUE(schedule.SilenceAt(Voter("S12", "S12-19"), eve));
  EXPECT_FALSE(schedule.SilenceAt(Voter("S12", "S12-20"), eve));
  EXPECT_FALSE(schedule.SilenceAt(Voter("S12", ""), eve));
}

TEST(PollScheduleTest, StatePollSilencesEveryVoterOfTheStateWithOrWithoutASeat) {
  PollSchedule schedule = Schedule({{"S12", kPollDay}});
  base::TimePoint eve = FromIst(kPollDay, 9h);
  EXPECT_TRUE(schedule.SilenceAt(Voter("S12", ""), eve));
  EXPECT_TRUE(schedule.SilenceAt(Voter("S12", "S12-19"), eve));
  EXPECT_FALSE(schedule.SilenceAt(Voter("S13", "S13-1"), eve));
}

TEST(PollScheduleTest, OfOverlappingSilencesGivesTheOneThatEndsLast) {
  PollSchedule schedule = Schedule({{"S12-19", kPollDay}});
  base::TimePoint later = FromIst(2026y / April / 12, 18h);
  ASSERT_TRUE(schedule.AddPollClose("S12", later).ok());
  std::optional<SilencePeriod> silence =
      schedule.SilenceAt(Voter("S12", "S12-19"), FromIst(kPollDay, 12h));
  ASSERT_TRUE(silence);
  EXPECT_EQ(silence->area, "S12");
  EXPECT_EQ(silence->poll_close, later);
}

TEST(PollScheduleTest, PollsCloseAtTheGivenTimeOfDay) {
  base::Result<PollSchedule> schedule =
      PollSchedule::FromPollDates({{"S12-19", kPollDay}}, 17h + 30min);
  ASSERT_TRUE(schedule.ok());
  base::TimePoint close = FromIst(kPollDay, 17h + 30min);
  EXPECT_EQ(schedule->SilenceAt(Voter("S12", "S12-19"), close)->poll_close, close);
  EXPECT_FALSE(schedule->SilenceAt(Voter("S12", "S12-19"), close + 1s));
}

TEST(PollScheduleTest, RefusesBadDatesAndAreasNamingThem) {
  base::Result<PollSchedule> bad_date =
      PollSchedule::FromPollDates({{"S12-19", 2026y / April / 31}});
  ASSERT_FALSE(bad_date.ok());
  EXPECT_NE(bad_date.status().message().find("S12-19"), std::string::npos);
  EXPECT_FALSE(PollSchedule::FromPollDates({{"", kPollDay}}).ok());
  EXPECT_FALSE(PollSchedule::FromPollDates({{"S12", kPollDay}}, 24h).ok());
}

}  // namespace
}  // namespace callcenter
