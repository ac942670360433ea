#include "callcenter/measurements.h"

#include <algorithm>
#include <chrono>

namespace callcenter {
namespace {

constexpr base::Duration kDay = std::chrono::hours(24);

double Seconds(base::Duration d) { return std::chrono::duration<double>(d).count(); }

// Appends `value` and drops the oldest entry once the deque holds more than `window`.
template <typename T>
void PushCapped(std::deque<T>& values, T value, std::size_t window) {
  values.push_back(value);
  if (values.size() > window) values.pop_front();
}

void SortInto(const std::deque<double>& from, std::vector<double>& to) {
  to.assign(from.begin(), from.end());
  std::sort(to.begin(), to.end());
}

}  // namespace

void Measurements::RecordResult(CallResult result, base::Duration ring) {
  ++results_seen_;
  const bool human = result == CallResult::kHuman;
  recent_human_.push_back(human);
  if (human) ++humans_in_window_;
  if (recent_human_.size() > window_) {
    if (recent_human_.front()) --humans_in_window_;
    recent_human_.pop_front();
  }
  if (!human) return;
  PushCapped(recent_ring_, Seconds(ring), window_);
  ring_dirty_ = true;
}

void Measurements::RecordHandle(base::Duration handle) {
  PushCapped(recent_handle_, Seconds(handle), window_);
  handle_dirty_ = true;
}

void Measurements::RecordTalk(base::Duration talk) {
  PushCapped(recent_talk_, Seconds(talk), window_);
  talk_dirty_ = true;
}

void Measurements::RecordWrapUp(base::Duration wrap_up) {
  PushCapped(recent_wrap_, Seconds(wrap_up), window_);
  wrap_dirty_ = true;
}

void Measurements::RecordHumanAnswer(base::TimePoint when, bool abandoned) {
  ++answered_total_;
  if (abandoned) ++abandoned_total_;
  answers_24h_.emplace_back(when, abandoned);
  ++answers_in_window_;
  if (abandoned) ++abandons_in_window_;
  // Expiring here too keeps the deque bounded by one day of answers even when nobody reads
  // the rate.
  ExpireOldAnswers(when);
}

double Measurements::HumanAnswerRate(double prior) const {
  const auto n = static_cast<double>(recent_human_.size());
  const auto enough = static_cast<double>(std::min(kEnoughResults, window_));
  // The prior's weight fades from kPriorWeight at no results to 0 at `enough` results, so the
  // estimate never jumps when the last bit of the prior goes away.
  const double prior_weight = n >= enough ? 0.0 : kPriorWeight * (1.0 - n / enough);
  const double denominator = n + prior_weight;
  if (denominator <= 0.0) return prior;
  return (static_cast<double>(humans_in_window_) + prior * prior_weight) / denominator;
}

const std::vector<double>& Measurements::HumanRingTimes() const {
  if (ring_dirty_) {
    SortInto(recent_ring_, sorted_ring_);
    ring_dirty_ = false;
  }
  return sorted_ring_;
}

const std::vector<double>& Measurements::HandleTimes() const {
  if (handle_dirty_) {
    SortInto(recent_handle_, sorted_handle_);
    handle_dirty_ = false;
  }
  return sorted_handle_;
}

const std::vector<double>& Measurements::TalkTimes() const {
  if (talk_dirty_) {
    SortInto(recent_talk_, sorted_talk_);
    talk_dirty_ = false;
  }
  return sorted_talk_;
}

const std::vector<double>& Measurements::WrapUpTimes() const {
  if (wrap_dirty_) {
    SortInto(recent_wrap_, sorted_wrap_);
    wrap_dirty_ = false;
  }
  return sorted_wrap_;
}

double Measurements::AbandonRate24h(base::TimePoint now) const {
  ExpireOldAnswers(now);
  if (answers_in_window_ == 0) return 0.0;
  return static_cast<double>(abandons_in_window_) / static_cast<double>(answers_in_window_);
}

std::int64_t Measurements::Answered24h(base::TimePoint now) const {
  ExpireOldAnswers(now);
  return answers_in_window_;
}

std::int64_t Measurements::Abandoned24h(base::TimePoint now) const {
  ExpireOldAnswers(now);
  return abandons_in_window_;
}

void Measurements::ExpireOldAnswers(base::TimePoint now) const {
  const base::TimePoint oldest_kept = now - kDay;
  while (!answers_24h_.empty() && answers_24h_.front().first <= oldest_kept) {
    --answers_in_window_;
    if (answers_24h_.front().second) --abandons_in_window_;
    answers_24h_.pop_front();
  }
}

}  // namespace callcenter
