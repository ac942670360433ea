#include "simulation/compliance_checker.h"

#include <algorithm>
#include <utility>

#include "callcenter/calling_hours.h"

namespace simulation {
namespace {

constexpr std::int64_t Micros(base::Duration duration) { return duration.count(); }

constexpr std::int64_t kMicrosPerMinute = Micros(std::chrono::minutes(1));
constexpr std::int64_t kMicrosPerDay = Micros(std::chrono::hours(24));
constexpr std::int64_t kIstOffset = Micros(std::chrono::minutes(5 * 60 + 30));  // all year
constexpr std::int64_t kQuietStart = Micros(std::chrono::hours(22));
constexpr std::int64_t kQuietEnd = Micros(std::chrono::hours(6));
constexpr base::Duration kSilence = std::chrono::hours(48);
constexpr std::size_t kMaxKept = 200;

// Microseconds since IST midnight, by plain arithmetic on the instant: the checker shares no
// code with callcenter/calling_hours.
std::int64_t IstMicrosOfDay(base::TimePoint utc) {
  std::int64_t local = utc.time_since_epoch().count() + kIstOffset;
  std::int64_t of_day = local % kMicrosPerDay;
  return of_day < 0 ? of_day + kMicrosPerDay : of_day;
}

// [open, close), crossing midnight when close is before open.
bool InWindow(std::int64_t of_day, std::chrono::minutes open, std::chrono::minutes close) {
  std::int64_t from = open.count() * kMicrosPerMinute;
  std::int64_t to = close.count() * kMicrosPerMinute;
  return from < to ? of_day >= from && of_day < to : of_day >= from || of_day < to;
}

}  // namespace

std::string_view RuleName(Rule rule) {
  switch (rule) {
    case Rule::kDnd:
      return "dnd";
    case Rule::kDoNotCall:
      return "do_not_call";
    case Rule::kOptedOut:
      return "opted_out";
    case Rule::kQuietBand:
      return "quiet_band";
    case Rule::kOutsideHours:
      return "outside_hours";
    case Rule::kSilencePeriod:
      return "silence_period";
    case Rule::kMaxAttempts:
      return "max_attempts";
    case Rule::kUnattributedDial:
      return "unattributed_dial";
    case Rule::kCallInProgress:
      return "call_in_progress";
    case Rule::kContactDialling:
      return "contact_dialling";
    case Rule::kAgentStuck:
      return "agent_stuck";
  }
  return "unknown";
}

std::string Describe(const Violation& violation) {
  return callcenter::FormatIst(violation.at) + " " + std::string(RuleName(violation.rule)) + " " +
         violation.subject + ": " + violation.detail;
}

ComplianceChecker::ComplianceChecker(const ComplianceScenario& scenario)
    : scenario_(scenario),
      max_attempts_(std::min(scenario.max_attempts, scenario.retry.max_attempts)),
      dnd_(scenario.dnd.begin(), scenario.dnd.end()),
      do_not_call_(scenario.do_not_call.begin(), scenario.do_not_call.end()) {
  for (const ScenarioContact& entry : scenario.contacts) {
    const callcenter::Contact& contact = entry.contact;
    contacts_[contact.id] = Truth{contact.number, contact.state_code, contact.seat_id};
  }
}

void ComplianceChecker::OnHandedOut(const callcenter::DialTarget& target) { handed_out_ = target; }

void ComplianceChecker::OnOptOut(const std::string& number) { opted_out_.insert(number); }

void ComplianceChecker::OnDial(const std::string& number, base::TimePoint now) {
  ++dials_;
  std::optional<std::string> contact_id = Attribute(number, now);
  std::string subject = contact_id.value_or("?") + " (" + number + ")";
  CheckNumber(subject, number, now);
  CheckHours(subject, now);
  if (contact_id) CheckContact(*contact_id, now);
}

std::optional<std::string> ComplianceChecker::Attribute(const std::string& number,
                                                        base::TimePoint now) {
  std::optional<callcenter::DialTarget> target = std::exchange(handed_out_, std::nullopt);
  if (!target || target->number != number) {
    Violate(Rule::kUnattributedDial, now, number, "no contact with this number was handed out");
    return std::nullopt;
  }
  auto truth = contacts_.find(target->contact_id);
  if (truth == contacts_.end() || truth->second.number != number) {
    Violate(Rule::kUnattributedDial, now, target->contact_id + " (" + number + ")",
            "the number is not this contact's");
    return std::nullopt;
  }
  return target->contact_id;
}

void ComplianceChecker::CheckNumber(const std::string& subject, const std::string& number,
                                    base::TimePoint now) {
  if (dnd_.count(number) > 0) Violate(Rule::kDnd, now, subject, "on the DND registry");
  if (do_not_call_.count(number) > 0) {
    Violate(Rule::kDoNotCall, now, subject, "on the campaign's do-not-call list");
  }
  if (opted_out_.count(number) > 0) Violate(Rule::kOptedOut, now, subject, "opted out earlier");
}

void ComplianceChecker::CheckHours(const std::string& subject, base::TimePoint now) {
  std::int64_t of_day = IstMicrosOfDay(now);
  if (of_day >= kQuietStart || of_day < kQuietEnd) {
    Violate(Rule::kQuietBand, now, subject, "inside 22:00-06:00 IST");
  }
  if (!InWindow(of_day, scenario_.window_open, scenario_.window_close)) {
    Violate(Rule::kOutsideHours, now, subject,
            "outside calling hours " + CallingWindowText(scenario_));
  }
}

void ComplianceChecker::CheckContact(const std::string& contact_id, base::TimePoint now) {
  const Truth& truth = contacts_.at(contact_id);
  std::string subject = contact_id + " (" + truth.number + ")";
  int dials = ++dials_of_[contact_id];
  if (dials > max_attempts_) {
    Violate(Rule::kMaxAttempts, now, subject,
            "dial " + std::to_string(dials) + " of at most " + std::to_string(max_attempts_));
  }
  CheckSilence(subject, truth, now);
}

void ComplianceChecker::CheckSilence(const std::string& subject, const Truth& truth,
                                     base::TimePoint now) {
  for (const PollClose& poll : scenario_.polls) {
    bool concerns =
        poll.area == truth.state_code || (!truth.seat_id.empty() && poll.area == truth.seat_id);
    // Closed at both ends, as PollSchedule promises: the instant of the close is silent too.
    if (concerns && now >= poll.close - kSilence && now <= poll.close) {
      Violate(Rule::kSilencePeriod, now, subject,
              "the poll of " + poll.area + " closes at " + callcenter::FormatIst(poll.close));
    }
  }
}

void ComplianceChecker::Record(Violation violation) {
  ++violation_count_;
  ++by_rule_[static_cast<int>(violation.rule)];
  if (violations_.size() < kMaxKept) violations_.push_back(std::move(violation));
}

void ComplianceChecker::Violate(Rule rule, base::TimePoint at, const std::string& subject,
                                std::string detail) {
  Record(Violation{rule, at, subject, std::move(detail)});
}

}  // namespace simulation
