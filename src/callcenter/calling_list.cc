#include "callcenter/calling_list.h"

#include <algorithm>
#include <cassert>

namespace callcenter {

std::string_view ContactStateName(ContactState state) {
  switch (state) {
    case ContactState::kPending:
      return "pending";
    case ContactState::kDialling:
      return "dialling";
    case ContactState::kDone:
      return "done";
    case ContactState::kExhausted:
      return "exhausted";
    case ContactState::kBlocked:
      return "blocked";
    case ContactState::kOptedOut:
      return "opted_out";
  }
  return "unknown";
}

CallingList::CallingList(CallingRules& rules, RetryPolicy policy, std::size_t max_records)
    : rules_(rules), policy_(policy), max_records_(max_records) {}

base::Status CallingList::Add(Contact contact, base::TimePoint due) {
  if (contact.id.empty()) return base::InvalidArgument("a contact needs an id");
  if (!IsE164(contact.number)) {
    return base::InvalidArgument("contact " + contact.id + ": number '" + contact.number +
                                 "' is not in E.164 form");
  }
  if (by_id_.count(contact.id) > 0) {
    return base::Conflict("contact " + contact.id + " is already in the list");
  }
  std::size_t index = entries_.size();
  by_id_.emplace(contact.id, index);
  by_number_[contact.number].push_back(index);
  Entry& entry = entries_.emplace_back();
  entry.contact = std::move(contact);
  ++in_state_[static_cast<int>(ContactState::kPending)];
  Schedule(index, due);
  return base::OkStatus();
}

std::optional<DialTarget> CallingList::Next(base::TimePoint now) {
  // Callbacks the people asked for come before everyone else due.
  for (Queue* queue : {&callbacks_, &queue_}) {
    std::optional<DialTarget> target = NextFrom(*queue, now);
    if (target) return target;
  }
  return std::nullopt;
}

std::optional<DialTarget> CallingList::NextFrom(Queue& queue, base::TimePoint now) {
  while (!queue.empty() && queue.begin()->first.first <= now) {
    std::size_t index = queue.begin()->second;
    Entry& entry = entries_[index];
    Unqueue(entry);
    DialTarget target = TargetOf(entry);
    Verdict verdict = rules_.Check(target, now);
    if (verdict.allowed) {
      entry.attempts = target.attempt;
      entry.callback = false;  // a retry of it is an ordinary call
      SetState(entry, ContactState::kDialling);
      return target;
    }
    Refuse(index, verdict, now);
  }
  return std::nullopt;
}

base::Status CallingList::ScheduleCallback(const DialTarget& target, base::TimePoint at) {
  return Reopen(target, at, /*callback=*/true);
}

base::Status CallingList::ScheduleRetry(const DialTarget& target, base::TimePoint at) {
  return Reopen(target, at, /*callback=*/false);
}

base::Status CallingList::Reopen(const DialTarget& target, base::TimePoint at, bool callback) {
  auto it = by_id_.find(target.contact_id);
  if (it == by_id_.end()) {
    return base::NotFound("contact " + target.contact_id + " is not in the list");
  }
  Entry& entry = entries_[it->second];
  const std::string refused = callback ? ": no callback can be scheduled" : ": no retry";
  if (entry.state != ContactState::kDone && entry.state != ContactState::kPending) {
    return base::Conflict("contact " + entry.contact.id + " is " +
                          std::string(ContactStateName(entry.state)) + refused);
  }
  if (rules_.do_not_call().Contains(entry.contact.number)) {
    return base::Conflict("contact " + entry.contact.id + " asked not to be called" + refused);
  }
  if (entry.attempts >= policy_.max_attempts) {
    return base::Conflict("contact " + entry.contact.id + " has had all " +
                          std::to_string(policy_.max_attempts) + " attempts" + refused);
  }
  Unqueue(entry);
  SetState(entry, ContactState::kPending);
  entry.callback = callback;
  Schedule(it->second, at);
  return base::OkStatus();
}

void CallingList::Refuse(std::size_t index, const Verdict& verdict, base::TimePoint now) {
  Entry& entry = entries_[index];
  ++refused_[static_cast<int>(verdict.reason)];
  refusals_.push_back(
      GateRecord{entry.contact.id, entry.contact.number, verdict.reason, verdict.detail, now});
  while (refusals_.size() > max_records_) refusals_.pop_front();
  if (verdict.retry_at) {
    // Strictly later, or Next() would meet the same contact again in this call.
    assert(*verdict.retry_at > now);
    Schedule(index, *verdict.retry_at);
    return;
  }
  SetState(entry, verdict.reason == GateReason::kMaxAttempts ? ContactState::kExhausted
                                                             : ContactState::kBlocked);
}

void CallingList::Report(const DialTarget& target, AttemptOutcome outcome, base::TimePoint now) {
  auto it = by_id_.find(target.contact_id);
  if (it == by_id_.end()) return;
  std::size_t index = it->second;
  Entry& entry = entries_[index];
  if (entry.attempts != target.attempt) return;  // not the attempt handed out last
  if (entry.state == ContactState::kOptedOut) entry.last_outcome = outcome;
  if (entry.state != ContactState::kDialling) return;
  Settle(index, outcome, now, now);
}

// Closes the contact after an attempt that ended at `ended`, or has it due again after the
// retry interval of the outcome (never before `now`).
void CallingList::Settle(std::size_t index, AttemptOutcome outcome, base::TimePoint ended,
                         base::TimePoint now) {
  Entry& entry = entries_[index];
  entry.last_outcome = outcome;
  if (outcome == AttemptOutcome::kConnected) {
    SetState(entry, ContactState::kDone);
    return;
  }
  if (entry.attempts >= policy_.max_attempts) {
    SetState(entry, ContactState::kExhausted);
    return;
  }
  SetState(entry, ContactState::kPending);
  Schedule(index, std::max(ended + IntervalAfter(outcome), now));
}

base::Duration CallingList::IntervalAfter(AttemptOutcome outcome) const {
  switch (outcome) {
    case AttemptOutcome::kBusy:
      return policy_.busy;
    case AttemptOutcome::kNoAnswer:
      return policy_.no_answer;
    case AttemptOutcome::kFailed:
      return policy_.failed;
    case AttemptOutcome::kMachine:
      return policy_.machine;
    case AttemptOutcome::kAbandoned:
      return policy_.abandoned;
    case AttemptOutcome::kConnected:
      break;
  }
  return policy_.no_answer;
}

base::Status CallingList::OptOut(std::string_view e164) {
  JS_RETURN_IF_ERROR(rules_.RecordOptOut(e164));
  auto it = by_number_.find(std::string(e164));
  if (it == by_number_.end()) return base::OkStatus();
  for (std::size_t index : it->second) {
    Entry& entry = entries_[index];
    if (entry.state != ContactState::kPending && entry.state != ContactState::kDialling) continue;
    Unqueue(entry);
    SetState(entry, ContactState::kOptedOut);
  }
  return base::OkStatus();
}

CallingListStats CallingList::Stats() const {
  auto count = [this](ContactState state) { return in_state_[static_cast<int>(state)]; };
  CallingListStats stats;
  stats.pending = count(ContactState::kPending);
  stats.dialling = count(ContactState::kDialling);
  stats.done = count(ContactState::kDone);
  stats.exhausted = count(ContactState::kExhausted);
  stats.blocked = count(ContactState::kBlocked);
  stats.opted_out = count(ContactState::kOptedOut);
  stats.refused = refused_;
  return stats;
}

std::optional<ContactProgress> CallingList::Progress(const std::string& contact_id) const {
  auto it = by_id_.find(contact_id);
  if (it == by_id_.end()) return std::nullopt;
  const Entry& entry = entries_[it->second];
  ContactProgress progress{entry.state, entry.attempts, std::nullopt, entry.last_outcome};
  if (entry.queued) progress.due = entry.queued->first;
  return progress;
}

DialTarget CallingList::TargetOf(const Entry& entry) const {
  const Contact& contact = entry.contact;
  return DialTarget{contact.id,         contact.number,  entry.attempts + 1, contact.language,
                    contact.state_code, contact.seat_id, entry.callback};
}

void CallingList::Schedule(std::size_t index, base::TimePoint due) {
  Entry& entry = entries_[index];
  assert(entry.state == ContactState::kPending && !entry.queued);
  QueueKey key{due, next_sequence_++};
  QueueOf(entry).emplace(key, index);
  entry.queued = key;
}

void CallingList::Unqueue(Entry& entry) {
  if (!entry.queued) return;
  QueueOf(entry).erase(*entry.queued);
  entry.queued.reset();
}

CallingList::Queue& CallingList::QueueOf(const Entry& entry) {
  return entry.callback ? callbacks_ : queue_;
}

void CallingList::SetState(Entry& entry, ContactState state) {
  --in_state_[static_cast<int>(entry.state)];
  entry.state = state;
  ++in_state_[static_cast<int>(state)];
}

}  // namespace callcenter
