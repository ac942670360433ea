#include "fakes/fake_clock.h"

#include <chrono>

namespace fakes {

FakeClock::FakeClock() : now_(std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}) {}

base::TimerId FakeClock::RunAfter(base::Duration delay, std::function<void()> fn) {
  base::TimerId id = next_id_++;
  base::TimePoint due = now_ + (delay < base::Duration::zero() ? base::Duration::zero() : delay);
  timers_.emplace(Key{due, id}, std::move(fn));
  due_by_id_.emplace(id, due);
  return id;
}

bool FakeClock::Cancel(base::TimerId id) {
  auto it = due_by_id_.find(id);
  if (it == due_by_id_.end()) return false;
  timers_.erase(Key{it->second, id});
  due_by_id_.erase(it);
  return true;
}

void FakeClock::AdvanceBy(base::Duration delta) { AdvanceTo(now_ + delta); }

void FakeClock::AdvanceTo(base::TimePoint when) {
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

}  // namespace fakes
