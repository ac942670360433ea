#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>

#include "base/clock.h"
#include "callcenter/agent_pool.h"

namespace simulation {

// The agents' side of a simulated day: each agent closes its wrap-up after a log-normal time,
// as a person at a desktop would. Every agent draws from a stream of its own, seeded by the day
// and its id, so the next wrap-up time can be known in advance (by the oracle) and does not
// depend on the order of events. Forwards every agent event to the next listener first.
class SimulatedDesks : public callcenter::AgentListener {
 public:
  // `clock` and `pool` must outlive this object.
  SimulatedDesks(base::Clock& clock, callcenter::AgentPool& pool, base::Duration mean_wrap,
                 std::uint64_t seed);
  // Who hears the agents' events first (the dialer); must outlive this object or be reset.
  void SetNext(callcenter::AgentListener* next) { next_ = next; }

  void OnAgentStateChanged(const callcenter::Agent& agent, callcenter::AgentState from,
                           callcenter::AgentChangeCause cause) override;
  void OnTalkTimedOut(const callcenter::Agent& agent, telephony::CallId call) override;

  // The wrap-up time the agent will take after its current or next call.
  base::Duration NextWrap(const std::string& agent_id);
  // When the agent in wrap-up will close it; nullopt when not in wrap-up.
  std::optional<base::TimePoint> DisposeAt(const std::string& agent_id) const;

 private:
  struct Desk {
    std::mt19937_64 random;
    std::optional<base::Duration> next_wrap;
    std::optional<base::TimePoint> dispose_at;
  };
  Desk& DeskOf(const std::string& agent_id);

  base::Clock& clock_;
  callcenter::AgentPool& pool_;
  callcenter::AgentListener* next_ = nullptr;
  std::uint64_t seed_;
  double mu_ = 0;
  double sigma_ = 0.5;
  std::unordered_map<std::string, Desk> desks_;
};

}  // namespace simulation
