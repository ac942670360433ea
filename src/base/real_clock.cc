#include "base/real_clock.h"

namespace base {

RealClock::RealClock() : thread_([this] { Loop(); }) {}

RealClock::~RealClock() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

TimePoint RealClock::Now() const {
  return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
}

TimerId RealClock::RunAfter(Duration delay, std::function<void()> fn) {
  TimerId id = 0;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
    TimePoint due = Now() + delay;
    timers_.emplace(Key{due, id}, std::move(fn));
    due_by_id_.emplace(id, due);
  }
  wake_.notify_all();
  return id;
}

bool RealClock::Cancel(TimerId id) {
  std::lock_guard lock(mutex_);
  auto it = due_by_id_.find(id);
  if (it == due_by_id_.end()) return false;
  timers_.erase(Key{it->second, id});
  due_by_id_.erase(it);
  return true;
}

void RealClock::Loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (timers_.empty()) {
      wake_.wait(lock);
      continue;
    }
    auto first = timers_.begin();
    // A copy: the wait unlocks, and Cancel() may erase the timer (and its key) meanwhile.
    TimePoint due = first->first.first;
    if (due > Now()) {
      wake_.wait_until(lock, due);
      continue;
    }
    std::function<void()> fn = std::move(first->second);
    due_by_id_.erase(first->first.second);
    timers_.erase(first);
    // The callback runs unlocked so that it may schedule or cancel timers itself.
    lock.unlock();
    fn();
    lock.lock();
  }
}

}  // namespace base
