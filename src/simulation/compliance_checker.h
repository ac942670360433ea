#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/clock.h"
#include "callcenter/contact_source.h"
#include "simulation/compliance_scenario.h"

namespace simulation {

// A rule of the product (docs: DESIGN.md, "Rules the product enforces, always") or of the
// engine's contracts that a simulated day can break.
enum class Rule {
  kDnd,               // dialled a number on the DND registry
  kDoNotCall,         // dialled a number on the campaign's do-not-call list from the start
  kOptedOut,          // dialled a number whose person had opted out earlier in the day
  kQuietBand,         // dialled within 22:00-06:00 IST
  kOutsideHours,      // dialled outside the campaign's calling hours
  kSilencePeriod,     // dialled a contact within 48 h before the poll of its seat or state
  kMaxAttempts,       // dialled a contact more often than its maximum attempts
  kUnattributedDial,  // dialled a number that the contact list had not just handed out
  kCallInProgress,    // a call still in progress after the day drained
  kContactDialling,   // a contact still waiting for its outcome after the day drained
  kAgentStuck,        // an agent still reserved, talking or in wrap-up after the day drained
};
inline constexpr int kRuleCount = 11;
std::string_view RuleName(Rule rule);

struct Violation {
  Rule rule = Rule::kDnd;
  base::TimePoint at;
  std::string subject;  // the contact, number or agent concerned
  std::string detail;
};
// "2026-04-12 22:00 IST quiet_band c-17 (+919...): ..."
std::string Describe(const Violation& violation);

// The calling rules as the harness knows them, held apart from callcenter/compliance and
// recomputed from the scenario at every dial: it never asks CallingRules, so that a bug in the
// gates cannot hide itself. Told of every contact handed out and every dial (by
// CheckedContacts and CheckedCallControl), and of every opt-out when it is heard.
// Single-threaded, like the day it watches.
class ComplianceChecker {
 public:
  // `scenario` must outlive the checker.
  explicit ComplianceChecker(const ComplianceScenario& scenario);

  // The contact list handed out `target`: the dial that follows is of this contact.
  void OnHandedOut(const callcenter::DialTarget& target);
  // A call to `number` is being placed at `now`: checks it against every rule.
  void OnDial(const std::string& number, base::TimePoint now);
  // The person at `number` asked not to be called again; any later dial of it breaks the rule.
  void OnOptOut(const std::string& number);

  // Records a violation found elsewhere (the end-of-day checks).
  void Record(Violation violation);

  // The first violations (up to a cap, so that a badly broken day stays cheap) and how many
  // there were in all.
  const std::vector<Violation>& violations() const { return violations_; }
  std::int64_t violation_count() const { return violation_count_; }
  std::int64_t count_of(Rule rule) const { return by_rule_[static_cast<int>(rule)]; }
  std::int64_t dials() const { return dials_; }

 private:
  struct Truth {
    std::string number;
    std::string state_code;
    std::string seat_id;
  };

  // The contact this dial is of: the one just handed out, if its number is the one dialled.
  std::optional<std::string> Attribute(const std::string& number, base::TimePoint now);
  void CheckNumber(const std::string& subject, const std::string& number, base::TimePoint now);
  void CheckHours(const std::string& subject, base::TimePoint now);
  void CheckContact(const std::string& contact_id, base::TimePoint now);
  void CheckSilence(const std::string& subject, const Truth& truth, base::TimePoint now);
  void Violate(Rule rule, base::TimePoint at, const std::string& subject, std::string detail);

  const ComplianceScenario& scenario_;
  int max_attempts_;  // the stricter of the rule's and the list's
  std::unordered_map<std::string, Truth> contacts_;
  std::unordered_set<std::string> dnd_;
  std::unordered_set<std::string> do_not_call_;
  std::unordered_set<std::string> opted_out_;
  std::unordered_map<std::string, int> dials_of_;  // contact id -> dials so far
  std::optional<callcenter::DialTarget> handed_out_;
  std::vector<Violation> violations_;
  std::int64_t violation_count_ = 0;
  std::array<std::int64_t, kRuleCount> by_rule_{};
  std::int64_t dials_ = 0;
};

}  // namespace simulation
