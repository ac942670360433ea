#include "callcenter/compliance.h"

#include <utility>

namespace callcenter {
namespace {

Verdict Refuse(GateReason reason, std::string detail) {
  return Verdict{false, reason, std::move(detail), std::nullopt};
}

}  // namespace

std::string_view GateReasonName(GateReason reason) {
  switch (reason) {
    case GateReason::kAllowed:
      return "allowed";
    case GateReason::kInvalidNumber:
      return "invalid_number";
    case GateReason::kDnd:
      return "dnd";
    case GateReason::kDoNotCall:
      return "do_not_call";
    case GateReason::kMaxAttempts:
      return "max_attempts";
    case GateReason::kSilencePeriod:
      return "silence_period";
    case GateReason::kOutsideHours:
      return "outside_hours";
  }
  return "unknown";
}

bool IsPermanent(GateReason reason) {
  return reason != GateReason::kAllowed && reason != GateReason::kSilencePeriod &&
         reason != GateReason::kOutsideHours;
}

CallingRules::CallingRules(const NumberBlocklist& dnd, InMemoryBlocklist do_not_call,
                           CallingHours hours, PollSchedule polls, int max_attempts)
    : dnd_(dnd),
      do_not_call_(std::move(do_not_call)),
      hours_(hours),
      polls_(std::move(polls)),
      max_attempts_(max_attempts) {}

Verdict CallingRules::Check(const DialTarget& target, base::TimePoint now) const {
  // Permanent gates first: a contact that may never be called is closed, not rescheduled.
  if (std::optional<Verdict> refused = CheckPermanent(target)) return *std::move(refused);
  if (std::optional<Verdict> refused = CheckTemporary(target, now)) return *std::move(refused);
  return Verdict{};
}

std::optional<Verdict> CallingRules::CheckPermanent(const DialTarget& target) const {
  if (!IsE164(target.number)) {
    return Refuse(GateReason::kInvalidNumber, "the number is not in E.164 form");
  }
  if (dnd_.Contains(target.number)) {
    return Refuse(GateReason::kDnd, "the number is on the DND registry");
  }
  if (do_not_call_.Contains(target.number)) {
    return Refuse(GateReason::kDoNotCall, "the number is on the campaign's do-not-call list");
  }
  if (target.attempt > max_attempts_) {
    return Refuse(GateReason::kMaxAttempts, "attempt " + std::to_string(target.attempt) +
                                                " is over the maximum of " +
                                                std::to_string(max_attempts_));
  }
  return std::nullopt;
}

std::optional<Verdict> CallingRules::CheckTemporary(const DialTarget& target,
                                                    base::TimePoint now) const {
  std::optional<Verdict> refused;
  if (std::optional<SilencePeriod> silence = polls_.SilenceAt(target, now)) {
    refused = Refuse(GateReason::kSilencePeriod, "silence period of " + silence->area +
                                                     ": the poll closes at " +
                                                     FormatIst(silence->poll_close));
  } else if (!hours_.Allows(now)) {
    refused = Refuse(GateReason::kOutsideHours,
                     FormatIst(now) + (CallingHours::InQuietBand(now)
                                           ? " is in the quiet band 22:00-06:00 IST"
                                           : " is outside calling hours " + hours_.ToString()));
  }
  if (refused) refused->retry_at = ClearOfTemporaryGates(target, now);
  return refused;
}

base::TimePoint CallingRules::ClearOfTemporaryGates(const DialTarget& target,
                                                    base::TimePoint from) const {
  // Each pass either returns or moves past one poll close or to an opening of the hours; the
  // polls of one contact are few and the hours open every day, so this ends within a few passes.
  base::TimePoint at = from;
  while (true) {
    if (std::optional<SilencePeriod> silence = polls_.SilenceAt(target, at)) {
      at = silence->poll_close + base::Duration(1);
      continue;
    }
    base::TimePoint opening = hours_.NextOpening(at);
    if (opening == at) return at;
    at = opening;
  }
}

base::Status CallingRules::RecordOptOut(std::string_view e164) {
  return do_not_call_.Add(e164).WithContext("opt-out");
}

}  // namespace callcenter
