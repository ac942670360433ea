// Picking a calling list up where the attempt journal says it was left before a restart.
#include <algorithm>
#include <map>

#include "callcenter/calling_list.h"

namespace callcenter {
namespace {

// An attempt with no outcome was cut off by the restart: nobody knows whether it rang, so it
// is retried like a call that failed, never sooner.
AttemptOutcome OutcomeOf(const store::CallAttempt& attempt) {
  std::optional<AttemptOutcome> outcome = ParseAttemptOutcome(attempt.outcome);
  return outcome ? *outcome : AttemptOutcome::kFailed;
}

}  // namespace

base::Status CallingList::Resume(const std::vector<store::CallAttempt>& journal,
                                 base::TimePoint now) {
  std::map<std::size_t, const store::CallAttempt*> latest;  // entry index -> its last attempt
  for (const store::CallAttempt& attempt : journal) {
    auto it = by_id_.find(attempt.contact_id);
    if (it == by_id_.end()) continue;  // a contact since removed from the list
    if (entries_[it->second].state == ContactState::kDialling) {
      return base::Conflict("contact " + attempt.contact_id +
                            " is being dialled: resume a list before dialling from it");
    }
    const store::CallAttempt*& last = latest[it->second];
    if (last == nullptr || attempt.attempt > last->attempt) last = &attempt;
  }
  for (const auto& [index, attempt] : latest) ResumeEntry(index, *attempt, now);
  return base::OkStatus();
}

void CallingList::ResumeEntry(std::size_t index, const store::CallAttempt& attempt,
                              base::TimePoint now) {
  Entry& entry = entries_[index];
  if (entry.state != ContactState::kPending) return;  // closed meanwhile: an opt-out stays
  Unqueue(entry);
  entry.attempts = std::max(entry.attempts, attempt.attempt);
  Settle(index, OutcomeOf(attempt), attempt.ended_at.value_or(now), now);
}

}  // namespace callcenter
