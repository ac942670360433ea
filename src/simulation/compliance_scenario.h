#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "base/clock.h"
#include "callcenter/calling_list.h"
#include "telephony/sim/world_params.h"

// The seeded calling days of the compliance property tests (simulation/compliance_day.h).
namespace simulation {

// Something an agent does at its desk, at a moment of the day.
enum class DeskAction { kLogIn, kPause, kSetReady, kLogOut, kLoseLine };

struct DeskEvent {
  base::Duration after{};  // from the start of the day
  std::string agent_id;
  DeskAction action = DeskAction::kLogIn;
};

// A poll closing in a seat ("S01-2") or a state ("S01"); its silence period is the 48 hours
// before.
struct PollClose {
  std::string area;
  base::TimePoint close;
};

// A contact of the day's calling list, first due `first_due` after the start of the day.
struct ScenarioContact {
  callcenter::Contact contact;
  base::Duration first_due{};
};

// Everything one simulated calling day is made of, drawn from its seed alone, so that the
// day of a failing seed can be replayed. All numbers and people are synthetic.
struct ComplianceScenario {
  std::uint64_t seed = 0;
  base::TimePoint start;    // early in the morning, IST, on a whole second
  base::Duration length{};  // how long the dialer runs (~18 h); calls in progress then drain

  std::chrono::minutes window_open{0};   // the campaign's calling hours, IST; a window whose
  std::chrono::minutes window_close{0};  // close is before its open crosses midnight
  std::vector<PollClose> polls;

  int max_attempts = 3;  // the campaign's rule (CallingRules)
  // How the list retries. Its max_attempts is the rule's, or one more or one fewer, so that
  // the rule's own gate (kMaxAttempts) is met on some days.
  callcenter::RetryPolicy retry;

  std::string dial_mode;  // as simulation/pacer_factory.h names it
  // How often the dialer asks its pacer for calls (DialerSettings::tick). Coarser than the
  // product's 1 s, so that thousands of 18-hour days stay cheap: the gates are checked at
  // each hand-out whatever the tick, and a tick that divides the time from the start to a
  // window's edge still dials at the edge itself.
  base::Duration tick = std::chrono::seconds(1);
  int agents = 0;  // "agent-1".."agent-N", each logging in early in the day
  std::vector<DeskEvent> desk_events;
  base::Duration mean_wrap{};

  std::vector<ScenarioContact> contacts;  // some share a number with an earlier contact
  std::vector<std::string> dnd;           // numbers on the national DND registry
  std::vector<std::string> do_not_call;   // on the campaign's own list before the day
  double opt_out_share = 0;               // of the people who reach an agent, those who opt out

  telephony::sim::WorldParams world;
};

// The day of `seed`. Every window it draws is a valid CallingHours.
ComplianceScenario DrawScenario(std::uint64_t seed);

// The scenario's calling hours, "20:00-08:00 IST".
std::string CallingWindowText(const ComplianceScenario& scenario);

// One line for failure messages: "seed 17: 2026-04-12 05:41 IST + 18.2 h, hours 20:00-08:00
// IST, predictive every 30 s, 7 agents, 143 contacts, max 2 attempts (list 3), 4 polls".
std::string Summary(const ComplianceScenario& scenario);

}  // namespace simulation
