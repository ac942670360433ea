#pragma once

#include <functional>
#include <map>
#include <utility>

#include "base/clock.h"

namespace base {

// A Clock that moves only when its owner says so: the discrete-event time of simulations
// (`dialer simulate`) and of tests (tests/fakes/fake_clock.h calls it FakeClock). Not
// thread-safe: drive it from one thread.
class ManualClock : public Clock {
 public:
  // Starts at 2026-01-01T00:00:00Z unless told otherwise.
  ManualClock();
  explicit ManualClock(TimePoint start) : now_(start) {}

  TimePoint Now() const override { return now_; }
  TimerId RunAfter(Duration delay, std::function<void()> fn) override;
  bool Cancel(TimerId id) override;

  // Moves time forward by `delta`, firing every timer that falls due on the way in due-time
  // order, then scheduling order; Now() reads each timer's due time while it runs. Timers that
  // callbacks schedule inside the window fire too.
  void AdvanceBy(Duration delta);
  void AdvanceTo(TimePoint when);

  std::size_t pending_timers() const { return timers_.size(); }

 private:
  using Key = std::pair<TimePoint, TimerId>;
  TimePoint now_;
  std::map<Key, std::function<void()>> timers_;
  std::map<TimerId, TimePoint> due_by_id_;
  TimerId next_id_ = 1;
};

}  // namespace base
