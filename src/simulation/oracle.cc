#include "simulation/oracle.h"

#include <algorithm>
#include <vector>

namespace simulation {

OracleContacts::OracleContacts(const telephony::sim::WorldParams& world,
                               base::Duration ring_timeout, std::uint64_t seed)
    : world_(world), ring_timeout_(ring_timeout), all_(seed) {}

void OracleContacts::Fill(std::size_t count) {
  while (ahead_.size() < count) {
    std::optional<callcenter::DialTarget> target = all_.Next(base::TimePoint{});
    if (!target) return;
    telephony::sim::CallFate fate = telephony::sim::WithinRingTimeout(
        telephony::sim::FateOf(world_, target->number, target->attempt), ring_timeout_);
    if (fate.kind != telephony::sim::FateKind::kHuman) continue;  // never worth dialling
    ahead_.push_back({std::move(*target), fate.delay});
  }
}

std::optional<callcenter::DialTarget> OracleContacts::Next(base::TimePoint /*now*/) {
  Fill(1);
  if (ahead_.empty()) return std::nullopt;
  callcenter::DialTarget target = std::move(ahead_.front().target);
  ahead_.pop_front();
  return target;
}

void OracleContacts::Report(const callcenter::DialTarget& /*target*/,
                            callcenter::AttemptOutcome /*outcome*/, base::TimePoint /*now*/) {}

base::Duration OracleContacts::AnswerDelay(std::size_t i) {
  Fill(i + 1);
  return i < ahead_.size() ? ahead_[i].delay : base::Duration::max();
}

namespace {

constexpr base::Duration kSlack = std::chrono::seconds(1);

class OraclePacer : public callcenter::Pacer {
 public:
  OraclePacer(callcenter::AgentPool& agents, telephony::sim::SimulatedTelephony& world,
              SimulatedDesks& desks, OracleContacts& contacts)
      : agents_(agents), world_(world), desks_(desks), contacts_(contacts) {}

  std::string_view name() const override { return "oracle"; }

  int CallsToPlace(const callcenter::PacingInput& input,
                   const callcenter::Measurements& /*measured*/) override {
    std::vector<base::TimePoint> free_at = FreeTimes(input.now);
    // Calls already ringing or waiting are each answered for one of the earliest agents.
    std::size_t committed =
        input.ringing_elapsed.size() + static_cast<std::size_t>(input.waiting_calls);
    int placed = 0;
    for (std::size_t k = committed; k < free_at.size(); ++k) {
      base::Duration delay = contacts_.AnswerDelay(static_cast<std::size_t>(placed));
      // A call dialled at this tick is answered at now + delay. Dial it when that is at most
      // one tick before the agent frees up: the person then waits under a second (well within
      // the 2-second rule) and the agent does not wait at all.
      if (free_at[k] > input.now + delay + kSlack) break;
      ++placed;
    }
    return placed;
  }

 private:
  // When each working agent will next be ready, earliest first.
  std::vector<base::TimePoint> FreeTimes(base::TimePoint now) const {
    std::vector<base::TimePoint> free_at;
    agents_.ForEach([&](const callcenter::Agent& agent) {
      const std::string& id = agent.profile().id;
      switch (agent.state()) {
        case callcenter::AgentState::kReady:
          free_at.push_back(now);
          break;
        case callcenter::AgentState::kReserved:
        case callcenter::AgentState::kTalking: {
          std::optional<base::TimePoint> ends =
              agent.call() ? world_.PlannedEnd(*agent.call()) : std::nullopt;
          free_at.push_back(ends.value_or(now) + desks_.NextWrap(id));
          break;
        }
        case callcenter::AgentState::kWrapUp:
          free_at.push_back(desks_.DisposeAt(id).value_or(now));
          break;
        case callcenter::AgentState::kOffline:
        case callcenter::AgentState::kPaused:
          break;
      }
    });
    std::sort(free_at.begin(), free_at.end());
    return free_at;
  }

  callcenter::AgentPool& agents_;
  telephony::sim::SimulatedTelephony& world_;
  SimulatedDesks& desks_;
  OracleContacts& contacts_;
};

}  // namespace

std::unique_ptr<callcenter::Pacer> MakeOraclePacer(callcenter::AgentPool& agents,
                                                   telephony::sim::SimulatedTelephony& world,
                                                   SimulatedDesks& desks,
                                                   OracleContacts& contacts) {
  return std::make_unique<OraclePacer>(agents, world, desks, contacts);
}

}  // namespace simulation
