#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "callcenter/calling_hours.h"
#include "callcenter/contact_source.h"
#include "callcenter/number_blocklist.h"
#include "callcenter/poll_schedule.h"

namespace callcenter {

// Why a call may not be placed, or kAllowed. Checked in this order; the first that applies is
// the reason given.
enum class GateReason {
  kAllowed,
  kInvalidNumber,  // not an E.164 number, so the lists below cannot vouch for it
  kDnd,            // on the national Do-Not-Disturb registry
  kDoNotCall,      // on the campaign's own do-not-call list (opt-outs land here)
  kMaxAttempts,    // the campaign's maximum attempts for this contact are used up
  kSilencePeriod,  // within 48 hours before the poll closes in the contact's seat or state
  kOutsideHours,   // outside the campaign's calling hours, or in the quiet band 22:00-06:00 IST
};
inline constexpr int kGateReasonCount = 7;

// "allowed", "invalid_number", "dnd", "do_not_call", "max_attempts", "silence_period",
// "outside_hours": stable names for logs, APIs and stats.
std::string_view GateReasonName(GateReason reason);
// Whether a refusal for `reason` stands for good (number, DND, do-not-call, attempts) rather
// than passing with time (silence, hours).
bool IsPermanent(GateReason reason);

// The answer of the gates for one attempt at one moment.
struct Verdict {
  bool allowed = true;
  GateReason reason = GateReason::kAllowed;
  // Why, for people ("2026-01-01 21:00 IST is outside calling hours 09:00-21:00 IST"); empty
  // when allowed. Never contains the number.
  std::string detail;
  // For a temporary refusal (silence, hours): the earliest moment after which neither the
  // silence periods nor the hours refuse; the time to retry. Unset otherwise.
  std::optional<base::TimePoint> retry_at;
};

// The compliance gates of one campaign, checked at the moment of dialling (not only at import,
// since registries, opt-outs and the clock all move): DND registry, the campaign's do-not-call
// list, maximum attempts, the silence periods of the poll schedule and the calling hours.
// Not thread-safe: use from the thread that drives the Clock.
class CallingRules {
 public:
  // `dnd` must outlive the rules (it is shared by every campaign). `do_not_call` is the
  // campaign's own list as loaded; opt-outs are added to it. A contact may be called at most
  // `max_attempts` times (0 or less refuses every attempt).
  CallingRules(const NumberBlocklist& dnd, InMemoryBlocklist do_not_call, CallingHours hours,
               PollSchedule polls, int max_attempts);

  // Whether `target` (for its attempt number target.attempt) may be dialled at `now`.
  Verdict Check(const DialTarget& target, base::TimePoint now) const;

  // Puts `e164` on the campaign's do-not-call list at once: every later Check of that number,
  // in any list that shares these rules, refuses with kDoNotCall. kInvalidArgument when the
  // number is not E.164 (no contact can have such a number).
  base::Status RecordOptOut(std::string_view e164);

  const InMemoryBlocklist& do_not_call() const { return do_not_call_; }
  const CallingHours& hours() const { return hours_; }
  const PollSchedule& polls() const { return polls_; }
  int max_attempts() const { return max_attempts_; }

 private:
  std::optional<Verdict> CheckPermanent(const DialTarget& target) const;
  std::optional<Verdict> CheckTemporary(const DialTarget& target, base::TimePoint now) const;
  base::TimePoint ClearOfTemporaryGates(const DialTarget& target, base::TimePoint from) const;

  const NumberBlocklist& dnd_;
  InMemoryBlocklist do_not_call_;
  CallingHours hours_;
  PollSchedule polls_;
  int max_attempts_;
};

}  // namespace callcenter
