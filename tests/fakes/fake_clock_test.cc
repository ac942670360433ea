#include "fakes/fake_clock.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fakes {
namespace {

using std::chrono::seconds;

TEST(FakeClockTest, FiresTimersInDueOrderThenSchedulingOrder) {
  FakeClock clock;
  std::vector<std::string> fired;
  clock.RunAfter(seconds(2), [&] { fired.push_back("b"); });
  clock.RunAfter(seconds(1), [&] { fired.push_back("a"); });
  clock.RunAfter(seconds(2), [&] { fired.push_back("c"); });
  clock.AdvanceBy(seconds(5));
  EXPECT_EQ(fired, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(FakeClockTest, NowReadsTheDueTimeInsideACallback) {
  FakeClock clock;
  base::TimePoint start = clock.Now();
  base::TimePoint seen;
  clock.RunAfter(seconds(3), [&] { seen = clock.Now(); });
  clock.AdvanceBy(seconds(10));
  EXPECT_EQ(seen, start + seconds(3));
  EXPECT_EQ(clock.Now(), start + seconds(10));
}

TEST(FakeClockTest, DoesNotFireTimersThatAreNotDue) {
  FakeClock clock;
  int fired = 0;
  clock.RunAfter(seconds(5), [&] { ++fired; });
  clock.AdvanceBy(seconds(4));
  EXPECT_EQ(fired, 0);
  clock.AdvanceBy(seconds(1));
  EXPECT_EQ(fired, 1);
}

TEST(FakeClockTest, CancelledTimerNeverFires) {
  FakeClock clock;
  int fired = 0;
  base::TimerId id = clock.RunAfter(seconds(1), [&] { ++fired; });
  EXPECT_TRUE(clock.Cancel(id));
  EXPECT_FALSE(clock.Cancel(id));
  clock.AdvanceBy(seconds(2));
  EXPECT_EQ(fired, 0);
}

TEST(FakeClockTest, FiresTimersScheduledByCallbacksWithinTheWindow) {
  FakeClock clock;
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
}  // namespace fakes
