#pragma once

#include <functional>
#include <map>
#include <utility>

#include "base/clock.h"

namespace fakes {

// A Clock that moves only when the test says so. Not thread-safe: tests drive it from one thread.
class FakeClock : public base::Clock {
 public:
  // Starts at 2026-01-01T00:00:00Z unless told otherwise.
  FakeClock();
  explicit FakeClock(base::TimePoint start) : now_(start) {}

  base::TimePoint Now() const override { return now_; }
  base::TimerId RunAfter(base::Duration delay, std::function<void()> fn) override;
  bool Cancel(base::TimerId id) override;

  // Moves time forward by `delta`, firing every timer that falls due on the way in due-time
  // order, then scheduling order; Now() reads each timer's due time while it runs. Timers that
  // callbacks schedule inside the window fire too.
  void AdvanceBy(base::Duration delta);
  void AdvanceTo(base::TimePoint when);

  std::size_t pending_timers() const { return timers_.size(); }

 private:
  using Key = std::pair<base::TimePoint, base::TimerId>;
  base::TimePoint now_;
  std::map<Key, std::function<void()>> timers_;
  std::map<base::TimerId, base::TimePoint> due_by_id_;
  base::TimerId next_id_ = 1;
};

}  // namespace fakes
