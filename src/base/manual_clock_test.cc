#include "base/manual_clock.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace base {
namespace {

using std::chrono::seconds;

TEST(ManualClockTest, FiresTimersInDueOrderThenSchedulingOrder) {
  ManualClock clock;
  std::vector<std::string> fired;
  clock.RunAfter(seconds(2), [&] { fired.push_back("b"); });
  clock.RunAfter(seconds(1), [&] { fired.push_back("a"); });
  clock.RunAfter(seconds(2), [&] { fired.push_back("c"); });
  clock.AdvanceBy(seconds(5));
  EXPECT_EQ(fired, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(ManualClockTest, NowReadsTheDueTimeInsideACallback) {
  ManualClock clock;
  TimePoint start = clock.Now();
  TimePoint seen;
  clock.RunAfter(seconds(3), [&] { seen = clock.Now(); });
  clock.AdvanceBy(seconds(10));
  EXPECT_EQ(seen, start + seconds(3));
  EXPECT_EQ(clock.Now(), start + seconds(10));
}

TEST(ManualClockTest, DoesNotFireTimersThatAreNotDue) {
  ManualClock clock;
  int fired = 0;
  clock.RunAfter(seconds(5), [&] { ++fired; });
  clock.AdvanceBy(seconds(4));
  EXPECT_EQ(fired, 0);
  clock.AdvanceBy(seconds(1));
  EXPECT_EQ(fired, 1);
}

TEST(ManualClockTest, CancelledTimerNeverFires) {
  ManualClock clock;
  int fired = 0;
  TimerId id = clock.RunAfter(seconds(1), [&] { ++fired; });
  EXPECT_TRUE(clock.Cancel(id));
  EXPECT_FALSE(clock.Cancel(id));
  clock.AdvanceBy(seconds(2));
  EXPECT_EQ(fired, 0);
}

TEST(ManualClockTest, FiresTimersScheduledByCallbacksWithinTheWindow) {
  ManualClock clock;
  std::vector<int> fired;
  clock.RunAfter(seconds(1), [&] {
    fired.push_back(1);
    clock.RunAfter(seconds(1), [&] { fired.push_back(2); });
    clock.RunAfter(seconds(10), [&] { fired.push_back(3); });
  });
  clock.AdvanceBy(seconds(3));
  EXPECT_EQ(fired, (std::vector<int>{1, 2}));
  EXPECT_EQ(clock.pending_timers(), 1u);
}

}  // namespace
}  // namespace base
