#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "callcenter/compliance.h"
#include "callcenter/contact_source.h"
#include "store/store.h"

namespace callcenter {

// A person to call for a campaign.
struct Contact {
  std::string id;
  std::string number;  // E.164 ("+919812345678")
  std::string language;
  std::string state_code;  // "S12"
  std::string seat_id;     // "S12-19"; may be empty
};

// When to call again after an attempt that did not reach anyone, and how often at most.
struct RetryPolicy {
  int max_attempts = 3;
  base::Duration busy = std::chrono::minutes(30);
  base::Duration no_answer = std::chrono::hours(2);
  base::Duration failed = std::chrono::hours(4);
  base::Duration machine = std::chrono::hours(4);
  // A person answered and no agent was free: the campaign owes them a call back soon, so by
  // default it comes as soon as after a busy line. The abandoned call counts as an attempt.
  base::Duration abandoned = std::chrono::minutes(30);
};

// Where a contact stands in a list.
enum class ContactState {
  kPending,    // waiting for its due time
  kDialling,   // handed out by Next(), its outcome not reported yet
  kDone,       // reached: an attempt was connected to an agent
  kExhausted,  // every allowed attempt made without reaching anyone
  kBlocked,    // refused for good at the gates (invalid number, DND, do-not-call)
  kOptedOut,   // the number opted out (OptOut) while the contact was still open
};
inline constexpr int kContactStateCount = 6;
std::string_view ContactStateName(ContactState state);

// One refusal at the gates: which contact, when, and why.
struct GateRecord {
  std::string contact_id;
  std::string number;
  GateReason reason = GateReason::kAllowed;
  std::string detail;
  base::TimePoint at;
};

struct CallingListStats {
  int pending = 0;
  int dialling = 0;
  int done = 0;
  int exhausted = 0;
  int blocked = 0;
  int opted_out = 0;
  // Refusals at the gates so far, by reason (indexed by GateReason; kAllowed stays 0). A
  // contact refused for the hours on three evenings counts three times.
  std::array<int, kGateReasonCount> refused{};

  int refused_for(GateReason reason) const { return refused[static_cast<int>(reason)]; }
};

// What the list knows of one contact.
struct ContactProgress {
  ContactState state = ContactState::kPending;
  int attempts = 0;                    // handed out so far
  std::optional<base::TimePoint> due;  // set while pending
  std::optional<AttemptOutcome> last_outcome;
};

// The contacts of one campaign's calling list, handed out when due, earliest due first (ties
// in the order they were scheduled), each checked against the campaign's CallingRules at the
// moment it is handed out:
//  - a contact refused for a passing reason (hours, silence) is not handed out, the refusal is
//    recorded, and it is due again when the gates next clear (Verdict::retry_at);
//  - a contact refused for good (invalid number, DND, do-not-call, maximum attempts) is
//    recorded and closed (kBlocked; kExhausted for maximum attempts).
// Report() applies the RetryPolicy: connected closes the contact as kDone; every other outcome
// is retried after its interval, until RetryPolicy::max_attempts attempts have been made
// (then kExhausted). Every contact handed out counts as an attempt.
// OptOut() puts a number on the campaign's do-not-call list and closes every open contact
// with that number at once, those waiting for a retry and those being dialled included.
// Next() costs O(log n) per contact it looks at, never a scan of the list. Not thread-safe:
// use from the thread that drives the Clock.
class CallingList : public ContactSource {
 public:
  // `rules` must outlive the list; lists of one campaign share them, and so its opt-outs. Up
  // to `max_records` refusals are kept (the oldest go first); the counts in Stats() keep all.
  CallingList(CallingRules& rules, RetryPolicy policy, std::size_t max_records = 100'000);

  // Adds a contact, first due at `due`. kInvalidArgument, naming the contact, for an empty id
  // or a number not in E.164 form; kConflict for an id already in the list, which keeps its
  // state (attempts made, closure): re-importing a list does not start contacts over.
  base::Status Add(Contact contact, base::TimePoint due);

  // ContactSource. Next() returns the earliest contact due at `now` that the gates allow, or
  // nullopt; refused contacts on the way are recorded and rescheduled or closed. Report()
  // ignores a target that is not being dialled (unknown, already reported, or closed by an
  // opt-out meanwhile, which stays closed).
  std::optional<DialTarget> Next(base::TimePoint now) override;
  void Report(const DialTarget& target, AttemptOutcome outcome, base::TimePoint now) override;

  // The person at `e164` asked not to be called again: see the class comment. Contacts added
  // later with that number are refused at the gates. kInvalidArgument when not E.164.
  base::Status OptOut(std::string_view e164) override;

  // The person reached on `target` asked to be called back at `at`: the contact, done or
  // pending, is due again at `at` as a callback, handed out before every ordinary contact due
  // (DialTarget::callback). A callback is an attempt like any other and passes the same gates.
  // kNotFound for a contact not in the list; kConflict when the contact is being dialled,
  // closed for good, on the do-not-call list, or has used all its attempts.
  base::Status ScheduleCallback(const DialTarget& target, base::TimePoint at) override;
  // As ScheduleCallback, for an ordinary call again at `at` (an agent's "retry" disposition:
  // the person asked to be called some other time), not served before others.
  base::Status ScheduleRetry(const DialTarget& target, base::TimePoint at) override;

  // Picks the list up where `journal` (this campaign's attempts, from the store) left it
  // before a restart. For each contact of the list with attempts in the journal, as of its
  // latest attempt: attempts made so far; done if it was connected; exhausted if no attempt
  // is left; otherwise due again after the retry interval of its outcome, counted from when
  // it ended (an attempt with no outcome, cut off by the restart, counts as failed). Contacts
  // not in the journal, or closed since (an opt-out), are left as they are; journal rows of
  // contacts not in the list are ignored. kConflict, changing nothing, when a contact is
  // being dialled: resume first, then dial.
  base::Status Resume(const std::vector<store::CallAttempt>& journal, base::TimePoint now);

  CallingListStats Stats() const;
  // The most recent refusals, oldest first.
  const std::deque<GateRecord>& refusals() const { return refusals_; }
  // nullopt for an id not in the list.
  std::optional<ContactProgress> Progress(const std::string& contact_id) const;
  std::size_t size() const { return entries_.size(); }

 private:
  using QueueKey = std::pair<base::TimePoint, std::uint64_t>;  // due, then scheduling order
  using Queue = std::map<QueueKey, std::size_t>;
  struct Entry {
    Contact contact;
    ContactState state = ContactState::kPending;
    int attempts = 0;
    std::optional<QueueKey> queued;
    std::optional<AttemptOutcome> last_outcome;
    bool callback = false;  // queued in callbacks_
  };

  std::optional<DialTarget> NextFrom(Queue& queue, base::TimePoint now);
  base::Status Reopen(const DialTarget& target, base::TimePoint at, bool callback);
  Queue& QueueOf(const Entry& entry);
  DialTarget TargetOf(const Entry& entry) const;
  void Schedule(std::size_t index, base::TimePoint due);
  void Unqueue(Entry& entry);
  void SetState(Entry& entry, ContactState state);
  void Refuse(std::size_t index, const Verdict& verdict, base::TimePoint now);
  void Settle(std::size_t index, AttemptOutcome outcome, base::TimePoint ended,
              base::TimePoint now);
  void ResumeEntry(std::size_t index, const store::CallAttempt& attempt, base::TimePoint now);
  base::Duration IntervalAfter(AttemptOutcome outcome) const;

  CallingRules& rules_;
  RetryPolicy policy_;
  std::size_t max_records_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_number_;
  Queue queue_;      // pending contacts by due time
  Queue callbacks_;  // pending callbacks by due time
  std::uint64_t next_sequence_ = 0;
  std::array<int, kContactStateCount> in_state_{};
  std::array<int, kGateReasonCount> refused_{};
  std::deque<GateRecord> refusals_;
};

}  // namespace callcenter
