#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "callcenter/calling_list.h"
#include "simulation/compliance_checker.h"
#include "simulation/compliance_scenario.h"

// The property test of issue 3: a seeded calling day on the real compliance path
// (CallingList over CallingRules, the Dialer, the agents' state machines, the simulated
// telephone world), watched by a ComplianceChecker that holds the rules' ground truth apart
// from the engine.
namespace simulation {

// Breakages put into a day on purpose, to show that the checks can fail.
enum class Fault {
  kNone,
  kDndRegistryEmptied,  // the engine's DND registry is empty; the checker's truth is not
  kGatesBypassed,       // the dialer takes its numbers from a list that checks no rule at all
};

struct ComplianceDayResult {
  std::string summary;  // Summary(scenario): enough to know the day; its seed replays it
  std::vector<Violation> violations;  // the first ones, in the order they happened
  std::int64_t violation_count = 0;
  std::array<std::int64_t, kRuleCount> violations_by_rule{};
  std::int64_t placed = 0;            // calls the dialer placed
  callcenter::CallingListStats list;  // at the end: contacts by state, refusals by reason
  int opt_outs = 0;                   // people who asked not to be called again
  int closed_by_shared_opt_out = 0;   // other contacts with their number, closed with them
};

// Runs the day of `scenario`: agents log in, pause, lose their line and log out at its
// moments; the dialer runs for scenario.length from scenario.start; a share of the people who
// reach an agent opt out (CallingList::OptOut, then and there); then the dialer stops and the
// calls in progress drain, and the end of the day is checked: no call in progress, no contact
// still being dialled, no agent reserved, talking or in wrap-up. kInvalidArgument when the
// scenario cannot be set up (a bad window, a bad number); DrawScenario's never fail.
base::Result<ComplianceDayResult> RunComplianceDay(const ComplianceScenario& scenario,
                                                   Fault fault = Fault::kNone);

}  // namespace simulation
