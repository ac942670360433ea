#include "base/manual_clock.h"

#include <chrono>

namespace base {

ManualClock::ManualClock() : now_(std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}) {}

TimerId ManualClock::RunAfter(Duration delay, std::function<void()> fn) {
  TimerId id = next_id_++;
  TimePoint due = now_ + (delay < Duration::zero() ? Duration::zero() : delay);
  timers_.emplace(Key{due, id}, std::move(fn));
  due_by_id_.emplace(id, due);
  return id;
}

bool ManualClock::Cancel(TimerId id) {
  auto it = due_by_id_.find(id);
  if (it == due_by_id_.end()) return false;
  timers_.erase(Key{it->second, id});
  due_by_id_.erase(it);
  return true;
}

void ManualClock::AdvanceBy(Duration delta) { AdvanceTo(now_ + delta); }

void ManualClock::AdvanceTo(TimePoint when) {
  while (!timers_.empty() && timers_.begin()->first.first <= when) {
    auto first = timers_.begin();
    now_ = first->first.first;
    std::function<void()> fn = std::move(first->second);
    due_by_id_.erase(first->first.second);
    timers_.erase(first);
    fn();
  }
  if (when > now_) now_ = when;
}

}  // namespace base
