#include "base/real_clock.h"

#include <gtest/gtest.h>

#include <future>

namespace base {
namespace {

// Real time is only checked for order and delivery here; all timing logic is tested on the
// FakeClock.
TEST(RealClockTest, RunsTimersOnItsThreadInDueOrder) {
  RealClock clock;
  std::promise<std::vector<int>> done;
  auto order = std::make_shared<std::vector<int>>();
  clock.RunAfter(std::chrono::milliseconds(20), [&, order] {
    order->push_back(2);
    done.set_value(*order);
  });
  clock.RunAfter(std::chrono::milliseconds(1), [order] { order->push_back(1); });
  std::vector<int> fired = done.get_future().get();
  EXPECT_EQ(fired, (std::vector<int>{1, 2}));
}

TEST(RealClockTest, CancelledTimerDoesNotRun) {
  bool fired = false;
  {
    RealClock clock;
    TimerId id = clock.RunAfter(std::chrono::hours(1), [&] { fired = true; });
    EXPECT_TRUE(clock.Cancel(id));
    EXPECT_FALSE(clock.Cancel(id));
  }
  EXPECT_FALSE(fired);
}

}  // namespace
}  // namespace base
