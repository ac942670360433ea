#include "simulation/compliance_day.h"

#include <algorithm>
#include <cassert>
#include <memory>
#include <optional>
#include <random>
#include <unordered_map>
#include <utility>

#include "base/manual_clock.h"
#include "callcenter/agent_pool.h"
#include "callcenter/calling_hours.h"
#include "callcenter/compliance.h"
#include "callcenter/dialer.h"
#include "simulation/checked_call_control.h"
#include "simulation/pacer_factory.h"
#include "simulation/simulated_desks.h"
#include "telephony/sim/simulated_telephony.h"

namespace simulation {
namespace {

using callcenter::AgentState;
using std::chrono::minutes;

// Fault::kGatesBypassed: every contact of the scenario in turn, round and round, one at each
// tick of the dialer (so that the day's calls spread over all its hours), whatever the DND
// registry, the lists, the clock or the attempts so far say.
class GateBypassingContacts : public callcenter::ContactSource {
 public:
  explicit GateBypassingContacts(const ComplianceScenario& scenario) : scenario_(scenario) {}

  std::optional<callcenter::DialTarget> Next(base::TimePoint now) override {
    if (last_ == now) return std::nullopt;
    last_ = now;
    const callcenter::Contact& contact =
        scenario_.contacts[next_++ % scenario_.contacts.size()].contact;
    return callcenter::DialTarget{contact.id,       contact.number,     ++attempts_[contact.id],
                                  contact.language, contact.state_code, contact.seat_id};
  }
  void Report(const callcenter::DialTarget& /*target*/, callcenter::AttemptOutcome /*outcome*/,
              base::TimePoint /*now*/) override {}

 private:
  const ComplianceScenario& scenario_;
  std::optional<base::TimePoint> last_;
  std::size_t next_ = 0;
  std::unordered_map<std::string, int> attempts_;
};

bool Busy(AgentState state) {
  return state == AgentState::kReserved || state == AgentState::kTalking ||
         state == AgentState::kWrapUp;
}

// One day: the engine's parts, wired as the product wires them, with the checker's decorators
// in the two places where numbers pass (the contact list and the telephone line).
class ComplianceDay {
 public:
  ComplianceDay(const ComplianceScenario& scenario, Fault fault,
                std::unique_ptr<callcenter::Pacer> pacer)
      : scenario_(scenario),
        fault_(fault),
        clock_(scenario.start),
        checker_(scenario),
        phone_(clock_, scenario.world),
        control_(phone_, clock_, checker_),
        pool_(clock_, timeouts_),
        desks_(clock_, pool_, scenario.mean_wrap, scenario.seed),
        pacer_(std::move(pacer)),
        opt_out_random_(scenario.seed ^ 0x0B7007ULL) {}

  base::Status SetUp();
  ComplianceDayResult Run();

 private:
  base::Status SetUpRules();
  void Act(const DeskEvent& event);
  void OnBridged(const std::string& number);
  void Drain();
  void CheckEndOfDay();

  const ComplianceScenario& scenario_;
  Fault fault_;
  callcenter::AgentTimeouts timeouts_;
  base::ManualClock clock_;
  ComplianceChecker checker_;
  telephony::sim::SimulatedTelephony phone_;
  CheckedCallControl control_;
  callcenter::AgentPool pool_;
  SimulatedDesks desks_;
  callcenter::InMemoryBlocklist dnd_;
  std::optional<callcenter::CallingRules> rules_;
  std::optional<callcenter::CallingList> list_;
  std::optional<GateBypassingContacts> bypass_;
  std::optional<CheckedContacts> contacts_;
  std::unique_ptr<callcenter::Pacer> pacer_;
  std::optional<callcenter::Dialer> dialer_;
  std::mt19937_64 opt_out_random_;
  int opt_outs_ = 0;
  int closed_by_shared_opt_out_ = 0;
};

base::Status ComplianceDay::SetUpRules() {
  if (fault_ != Fault::kDndRegistryEmptied) {
    for (const std::string& number : scenario_.dnd) JS_RETURN_IF_ERROR(dnd_.Add(number));
  }
  callcenter::InMemoryBlocklist do_not_call;
  for (const std::string& number : scenario_.do_not_call) {
    JS_RETURN_IF_ERROR(do_not_call.Add(number));
  }
  JS_ASSIGN_OR_RETURN(
      callcenter::CallingHours hours,
      callcenter::CallingHours::Make(scenario_.window_open, scenario_.window_close));
  callcenter::PollSchedule polls;
  for (const PollClose& poll : scenario_.polls) {
    JS_RETURN_IF_ERROR(polls.AddPollClose(poll.area, poll.close));
  }
  rules_.emplace(dnd_, std::move(do_not_call), hours, std::move(polls), scenario_.max_attempts);
  list_.emplace(*rules_, scenario_.retry);
  for (const ScenarioContact& entry : scenario_.contacts) {
    JS_RETURN_IF_ERROR(list_->Add(entry.contact, scenario_.start + entry.first_due));
  }
  return base::OkStatus();
}

base::Status ComplianceDay::SetUp() {
  JS_RETURN_IF_ERROR(SetUpRules());
  callcenter::ContactSource* source = &*list_;
  if (fault_ == Fault::kGatesBypassed) source = &bypass_.emplace(scenario_);
  contacts_.emplace(*source, checker_);
  callcenter::DialerSettings settings;
  settings.tick = scenario_.tick;
  settings.preview = scenario_.dial_mode == "preview";
  if (scenario_.world.inbound_per_hour > 0) {
    // Blended days: callers ringing in take agents too, and must never leave one stuck.
    settings.inbound_lines = {{scenario_.world.inbound_number, "hi", "", std::nullopt}};
  }
  dialer_.emplace(clock_, control_, pool_, *contacts_, *pacer_, settings);
  // The desks hear the agents first and pass every event on to the dialer, as in SimulateDay.
  desks_.SetNext(&*dialer_);
  pool_.SetListener(&desks_);
  for (int i = 1; i <= scenario_.agents; ++i) {
    std::string n = std::to_string(i);
    base::Result<callcenter::Agent*> agent =
        pool_.Add({"agent-" + n, "Synthetic agent " + n, "line-" + n, {"hi"}, {}, {}});
    if (!agent.ok()) return agent.status();
  }
  control_.SetBridgeObserver([this](const std::string& number) { OnBridged(number); });
  return base::OkStatus();
}

ComplianceDayResult ComplianceDay::Run() {
  for (const DeskEvent& event : scenario_.desk_events) {
    clock_.RunAfter(event.after, [this, &event] { Act(event); });
  }
  dialer_->Start();
  clock_.AdvanceBy(scenario_.length);
  dialer_->Stop();
  phone_.StopArrivals();
  Drain();
  CheckEndOfDay();

  ComplianceDayResult result;
  result.summary = Summary(scenario_);
  result.violations = checker_.violations();
  result.violation_count = checker_.violation_count();
  for (int rule = 0; rule < kRuleCount; ++rule) {
    result.violations_by_rule[static_cast<std::size_t>(rule)] =
        checker_.count_of(static_cast<Rule>(rule));
  }
  result.placed = dialer_->stats().placed;
  result.list = list_->Stats();
  result.opt_outs = opt_outs_;
  result.closed_by_shared_opt_out = closed_by_shared_opt_out_;
  return result;
}

// What a person at a desktop does; a command the agent's state refuses (kConflict: a SetReady
// after the pause timeout logged the agent out) is refused there too, and changes nothing.
void ComplianceDay::Act(const DeskEvent& event) {
  callcenter::Agent* agent = pool_.Find(event.agent_id);
  if (agent == nullptr) return;
  switch (event.action) {
    case DeskAction::kLogIn:
      (void)agent->LogIn();
      return;
    case DeskAction::kPause:
      (void)agent->Pause("break");
      return;
    case DeskAction::kSetReady:
      (void)agent->SetReady();
      return;
    case DeskAction::kLogOut:
      (void)agent->LogOut();
      return;
    case DeskAction::kLoseLine:
      (void)agent->LoseLine();
      return;
  }
}

// A person reached an agent; some ask, there and then, not to be called again. The checker
// hears it first: from this moment on, any dial of the number breaks the rule.
void ComplianceDay::OnBridged(const std::string& number) {
  if (!std::bernoulli_distribution(scenario_.opt_out_share)(opt_out_random_)) return;
  checker_.OnOptOut(number);
  int open_before = list_->Stats().opted_out;
  [[maybe_unused]] base::Status recorded = list_->OptOut(number);
  assert(recorded.ok());  // every number of the scenario is E.164
  ++opt_outs_;
  // The contact on the call is closed too (it is being dialled); any more share its number.
  closed_by_shared_opt_out_ += std::max(0, list_->Stats().opted_out - open_before - 1);
}

void ComplianceDay::Drain() {
  // A call rings out within its ring timeout, and a talk ends when the person hangs up or, at
  // the latest, at the agent's talk timeout; calls still up after that would never end.
  base::Duration waited{};
  while (phone_.calls_in_progress() > 0 && waited < timeouts_.talk + minutes(10)) {
    clock_.AdvanceBy(minutes(1));
    waited += minutes(1);
  }
  // Once its call is over, every agent is free within its wrap-up (or reservation) timeout.
  clock_.AdvanceBy(timeouts_.wrap_up + timeouts_.reserve + std::chrono::seconds(1));
}

void ComplianceDay::CheckEndOfDay() {
  base::TimePoint now = clock_.Now();
  if (phone_.calls_in_progress() > 0 || dialer_->calls_in_progress() > 0) {
    checker_.Record({Rule::kCallInProgress, now, "day",
                     std::to_string(phone_.calls_in_progress()) + " calls up in the world, " +
                         std::to_string(dialer_->calls_in_progress()) + " in the dialer"});
  }
  pool_.ForEach([&](const callcenter::Agent& agent) {
    if (!Busy(agent.state())) return;
    checker_.Record({Rule::kAgentStuck, now, agent.profile().id,
                     "still " + std::string(callcenter::AgentStateName(agent.state())) + " since " +
                         callcenter::FormatIst(agent.state_since())});
  });
  for (const ScenarioContact& entry : scenario_.contacts) {
    std::optional<callcenter::ContactProgress> progress = list_->Progress(entry.contact.id);
    if (progress && progress->state == callcenter::ContactState::kDialling) {
      checker_.Record({Rule::kContactDialling, now, entry.contact.id,
                       "attempt " + std::to_string(progress->attempts) + " never reported"});
    }
  }
}

}  // namespace

base::Result<ComplianceDayResult> RunComplianceDay(const ComplianceScenario& scenario,
                                                   Fault fault) {
  JS_ASSIGN_OR_RETURN(std::unique_ptr<callcenter::Pacer> pacer, MakePacer(scenario.dial_mode));
  auto day = std::make_unique<ComplianceDay>(scenario, fault, std::move(pacer));
  JS_RETURN_IF_ERROR(day->SetUp());
  return day->Run();
}

}  // namespace simulation
