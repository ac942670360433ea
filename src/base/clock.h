#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace base {

using Duration = std::chrono::microseconds;
// Wall-clock time (UTC), microsecond resolution.
using TimePoint = std::chrono::time_point<std::chrono::system_clock, Duration>;
using TimerId = std::uint64_t;

// The only way code outside base/ and the mains learns the time or waits for it.
// Real code gets a RealClock; tests get a FakeClock (tests/fakes/fake_clock.h) and move time
// themselves, so timelines run instantly and deterministically.
class Clock {
 public:
  virtual ~Clock() = default;

  virtual TimePoint Now() const = 0;

  // Runs `fn` once, no earlier than `delay` from now. Timers due at the same time fire in the
  // order they were scheduled. Returns an id for Cancel(); ids are never reused.
  virtual TimerId RunAfter(Duration delay, std::function<void()> fn) = 0;

  // Cancels a timer that has not fired yet; returns false when it already fired or never existed.
  virtual bool Cancel(TimerId id) = 0;
};

}  // namespace base
