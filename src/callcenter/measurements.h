#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

#include "base/clock.h"

namespace callcenter {

// What happened to one placed call, as far as pacing cares.
enum class CallResult { kHuman, kMachine, kBusy, kNoAnswer, kFailed };

// Rolling measurements of one campaign's calls, which pacing reads to adapt: how often and how
// fast numbers are answered, how long agents are busy per call, and how many calls were
// abandoned. Single-threaded (the dialer's thread). Every Record* is O(1) amortised; the sorted
// distributions are rebuilt (O(window log window)) only when read after a change.
class Measurements {
 public:
  // How many results the answer rate needs before it stops leaning on the prior.
  static constexpr std::size_t kEnoughResults = 50;
  // Weight, in results, of the prior when no result has been seen yet.
  static constexpr double kPriorWeight = 20.0;

  // `window` is how many recent calls the rates and distributions are computed over (at least
  // 1; 0 is taken as 1).
  explicit Measurements(std::size_t window = 2000) : window_(std::max<std::size_t>(window, 1)) {}

  // A placed call ended ringing: answered by a person or a machine after `ring`, or not
  // answered (busy, no answer, failed) after `ring`.
  void RecordResult(CallResult result, base::Duration ring);
  // A call was connected to an agent and the agent is free again after `handle` (talk + wrap).
  void RecordHandle(base::Duration handle);
  // The two parts of a handle time, when the dialer can tell them apart: a call's talk (from
  // the connection to the hangup) and the agent's wrap-up after it (until ready again).
  void RecordTalk(base::Duration talk);
  void RecordWrapUp(base::Duration wrap_up);
  // A person answered; `abandoned` when no agent took the call in time. `when` must not go
  // backwards from one call to the next.
  void RecordHumanAnswer(base::TimePoint when, bool abandoned);

  std::size_t window() const { return window_; }
  // Results recorded since construction (not capped by the window).
  std::size_t results_seen() const { return results_seen_; }
  // Fraction of the last `window` results answered by a person. With fewer than
  // min(kEnoughResults, window) results it is pulled toward `prior`: the prior counts as
  // kPriorWeight results at first, a weight that fades linearly to none at kEnoughResults,
  // so the estimate moves smoothly from `prior` to the measured rate.
  double HumanAnswerRate(double prior = 0.3) const;
  // Ring times of the last `window` calls answered by a person, ascending (seconds).
  const std::vector<double>& HumanRingTimes() const;
  // Handle times (talk + wrap) of the last `window` connected calls, ascending (seconds).
  const std::vector<double>& HandleTimes() const;
  // Talk times and wrap-up times of the last `window` of each, ascending (seconds).
  const std::vector<double>& TalkTimes() const;
  const std::vector<double>& WrapUpTimes() const;
  // Abandoned over answered-by-a-person among answers in (now - 24 h, now]; 0 with no answers.
  // Forgets answers older than that, so `now` must not go backwards either.
  double AbandonRate24h(base::TimePoint now) const;
  // The counts behind it: people who answered in (now - 24 h, now], and those of them abandoned.
  std::int64_t Answered24h(base::TimePoint now) const;
  std::int64_t Abandoned24h(base::TimePoint now) const;
  // The counts since construction, for a "drop percentage since the day began" style of
  // control (one Measurements per campaign-day).
  std::int64_t answered_total() const { return answered_total_; }
  std::int64_t abandoned_total() const { return abandoned_total_; }

 private:
  void ExpireOldAnswers(base::TimePoint now) const;

  std::size_t window_;
  std::size_t results_seen_ = 0;
  std::deque<bool> recent_human_;  // per recent result: answered by a person?
  std::size_t humans_in_window_ = 0;
  std::deque<double> recent_ring_;    // ring times of recent human answers (seconds)
  std::deque<double> recent_handle_;  // seconds
  std::deque<double> recent_talk_;    // seconds
  std::deque<double> recent_wrap_;    // seconds
  mutable std::vector<double> sorted_ring_;
  mutable std::vector<double> sorted_handle_;
  mutable std::vector<double> sorted_talk_;
  mutable std::vector<double> sorted_wrap_;
  mutable bool ring_dirty_ = true;
  mutable bool handle_dirty_ = true;
  mutable bool talk_dirty_ = true;
  mutable bool wrap_dirty_ = true;
  mutable std::deque<std::pair<base::TimePoint, bool>> answers_24h_;  // (when, abandoned)
  mutable std::int64_t answers_in_window_ = 0;
  mutable std::int64_t abandons_in_window_ = 0;
  std::int64_t answered_total_ = 0;
  std::int64_t abandoned_total_ = 0;
};

}  // namespace callcenter
