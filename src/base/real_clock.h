#pragma once

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "base/clock.h"

namespace base {

// The system clock, with timers fired on one background thread that this object owns.
// Thread-safe. Callbacks run on the timer thread, one at a time, in due order; they must not
// block for long. The destructor cancels pending timers and joins the thread.
class RealClock : public Clock {
 public:
  RealClock();
  ~RealClock() override;
  RealClock(const RealClock&) = delete;
  RealClock& operator=(const RealClock&) = delete;

  TimePoint Now() const override;
  TimerId RunAfter(Duration delay, std::function<void()> fn) override;
  bool Cancel(TimerId id) override;

 private:
  void Loop();

  // Keyed by (due time, id) so that equal due times fire in scheduling order.
  using Key = std::pair<TimePoint, TimerId>;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::map<Key, std::function<void()>> timers_;
  std::map<TimerId, TimePoint> due_by_id_;
  TimerId next_id_ = 1;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace base
