#pragma once

#include <cstdint>
#include <string>

#include "base/clock.h"
#include "base/result.h"

// A simulated calling day: one outbound campaign, its agents and the simulated telephone world
// (telephony/sim), run on a discrete-event clock, measured as a call-centre supervisor would.
namespace simulation {

struct DayParams {
  int agents = 50;
  double answer_rate = 0.30;  // fraction of dialled calls answered by a person
  base::Duration handle_time = std::chrono::seconds(180);  // mean talk + wrap-up
  double wrap_fraction = 0.2;  // share of the handle time spent in wrap-up
  double hours = 8;
  // preview | progressive | power:RATIO | predictive | vicidial-adaptive | oracle
  std::string mode = "predictive";
  std::uint64_t seed = 1;
  double abandon_target = 0.03;
  // Callers ringing in to the campaign's helpline an hour (a blended campaign); 0: none.
  double inbound_per_hour = 0;
};

// Field names are the JSON keys of `dialer simulate --format json` (docs/json.md).
struct DayReport {
  std::string mode;
  std::int64_t placed = 0;
  std::int64_t answered_human = 0;
  std::int64_t answered_machine = 0;
  std::int64_t connected = 0;
  std::int64_t abandoned = 0;
  double abandon_rate = 0;       // abandoned / answered_human
  double agent_utilization = 0;  // reserved + talk + wrap-up over logged-in time
  double talk_seconds_per_agent_hour = 0;
  double contacts_per_agent_hour = 0;  // connected calls per logged-in agent hour
  double mean_agent_idle_s = 0;        // mean ready time before each call
  double p95_customer_wait_s = 0;      // answer to agent (or to the abandon message)
  double agent_hours = 0;
  // Inbound callers (with inbound_per_hour > 0): answered and queued, put through to an agent,
  // gone before that; the 95th percentile of their wait from answer to agent or to leaving.
  std::int64_t inbound_offered = 0;
  std::int64_t inbound_connected = 0;
  std::int64_t inbound_abandoned = 0;
  double p95_inbound_wait_s = 0;
};

// Runs one day. Bad parameters fail with kInvalidArgument naming the parameter.
base::Result<DayReport> SimulateDay(const DayParams& params);

}  // namespace simulation
