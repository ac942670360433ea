#include "simulation/day_simulation.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <vector>

#include "base/manual_clock.h"
#include "callcenter/agent_pool.h"
#include "callcenter/dialer.h"
#include "simulation/oracle.h"
#include "simulation/pacer_factory.h"
#include "simulation/simulated_desks.h"
#include "simulation/synthetic_contacts.h"
#include "telephony/sim/simulated_telephony.h"

namespace simulation {
namespace {

using std::chrono::duration_cast;
using std::chrono::seconds;

double Seconds(base::Duration duration) { return std::chrono::duration<double>(duration).count(); }

base::Status CheckParams(const DayParams& params) {
  if (params.agents < 1 || params.agents > 20000) {
    return base::InvalidArgument("agents must be from 1 to 20000");
  }
  if (!(params.answer_rate > 0.0 && params.answer_rate <= 0.8)) {
    return base::InvalidArgument("answer rate must be above 0 and at most 0.8");
  }
  if (params.handle_time < seconds(10) || params.handle_time > std::chrono::hours(2)) {
    return base::InvalidArgument("handle time must be from 10 s to 2 h");
  }
  if (!(params.hours > 0.0 && params.hours <= 24.0)) {
    return base::InvalidArgument("hours must be above 0 and at most 24");
  }
  if (!(params.wrap_fraction >= 0.0 && params.wrap_fraction < 1.0)) {
    return base::InvalidArgument("wrap fraction must be from 0 to below 1");
  }
  if (!(params.inbound_per_hour >= 0.0 && params.inbound_per_hour <= 100000.0)) {
    return base::InvalidArgument("inbound calls per hour must be from 0 to 100000");
  }
  return base::OkStatus();
}

double Percentile95(std::vector<double> values) {
  if (values.empty()) return 0.0;
  std::size_t index =
      static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(values.size()))) - 1;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index),
                   values.end());
  return values[index];
}

DayReport Report(const std::string& mode, const callcenter::DialerStats& stats, double busy_seconds,
                 double logged_in_seconds) {
  DayReport report;
  report.mode = mode;
  report.placed = stats.placed;
  report.answered_human = stats.answered_human;
  report.answered_machine = stats.answered_machine;
  report.connected = stats.connected;
  report.abandoned = stats.abandoned;
  report.abandon_rate = stats.AbandonRate();
  report.agent_hours = logged_in_seconds / 3600.0;
  if (logged_in_seconds > 0) {
    report.agent_utilization = busy_seconds / logged_in_seconds;
    report.talk_seconds_per_agent_hour = stats.talk_seconds / report.agent_hours;
    report.contacts_per_agent_hour = static_cast<double>(stats.connected) / report.agent_hours;
  }
  if (stats.idle_periods > 0) {
    report.mean_agent_idle_s = stats.idle_seconds / static_cast<double>(stats.idle_periods);
  }
  report.p95_customer_wait_s = Percentile95(stats.customer_waits_s);
  report.inbound_offered = stats.inbound_offered;
  report.inbound_connected = stats.inbound_connected;
  report.inbound_abandoned = stats.inbound_abandoned;
  report.p95_inbound_wait_s = Percentile95(stats.inbound_waits_s);
  return report;
}

}  // namespace

base::Result<DayReport> SimulateDay(const DayParams& params) {
  JS_RETURN_IF_ERROR(CheckParams(params));
  bool oracle = params.mode == "oracle";
  std::unique_ptr<callcenter::Pacer> pacer;
  if (!oracle) {
    JS_ASSIGN_OR_RETURN(pacer, MakePacer(params.mode));
  }

  base::ManualClock clock;
  telephony::sim::WorldParams world;
  world.seed = params.seed;
  world.human_answer_rate = params.answer_rate;
  world.talk_mean =
      duration_cast<base::Duration>(params.handle_time * (1.0 - params.wrap_fraction));
  world.inbound_per_hour = params.inbound_per_hour;
  telephony::sim::SimulatedTelephony phone(clock, world);
  callcenter::AgentPool pool(clock);
  SimulatedDesks desks(clock, pool,
                       duration_cast<base::Duration>(params.handle_time * params.wrap_fraction),
                       params.seed);
  callcenter::DialerSettings settings;
  settings.abandon_target = params.abandon_target;
  settings.preview = params.mode == "preview";
  if (params.inbound_per_hour > 0) {
    settings.inbound_lines = {{world.inbound_number, "hi", "", std::nullopt}};
  }
  SyntheticContacts synthetic(params.seed);
  OracleContacts foreseen(world, settings.ring_timeout, params.seed);
  callcenter::ContactSource& contacts =
      oracle ? static_cast<callcenter::ContactSource&>(foreseen) : synthetic;
  if (oracle) pacer = MakeOraclePacer(pool, phone, desks, foreseen);
  callcenter::Dialer dialer(clock, phone, pool, contacts, *pacer, settings);
  desks.SetNext(&dialer);
  pool.SetListener(&desks);

  for (int i = 1; i <= params.agents; ++i) {
    std::string n = std::to_string(i);
    base::Result<callcenter::Agent*> agent =
        pool.Add({"agent-" + n, "Synthetic agent " + n, "line-" + n, {"hi"}, {}, {}});
    if (!agent.ok()) return agent.status();
    JS_RETURN_IF_ERROR((*agent)->LogIn());
  }
  dialer.Start();
  clock.AdvanceBy(
      duration_cast<base::Duration>(std::chrono::duration<double>(params.hours * 3600)));
  dialer.Stop();
  phone.StopArrivals();

  double busy = 0;
  double logged_in = 0;
  pool.ForEach([&](const callcenter::Agent& agent) {
    using callcenter::AgentState;
    for (AgentState state : {AgentState::kReserved, AgentState::kTalking, AgentState::kWrapUp}) {
      busy += Seconds(agent.TimeIn(state));
    }
    for (AgentState state : {AgentState::kReady, AgentState::kReserved, AgentState::kTalking,
                             AgentState::kWrapUp, AgentState::kPaused}) {
      logged_in += Seconds(agent.TimeIn(state));
    }
  });
  // Calls still in progress at the end of the day run out before the figures are read.
  for (int minute = 0; minute < 120 && dialer.calls_in_progress() > 0; ++minute) {
    clock.AdvanceBy(std::chrono::minutes(1));
  }
  pool.SetListener(nullptr);
  return Report(params.mode, dialer.stats(), busy, logged_in);
}

}  // namespace simulation
