#include "simulation/simulated_desks.h"

#include <algorithm>
#include <cmath>

namespace simulation {
namespace {

double Seconds(base::Duration duration) { return std::chrono::duration<double>(duration).count(); }

std::uint64_t HashId(const std::string& id) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : id) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace

SimulatedDesks::SimulatedDesks(base::Clock& clock, callcenter::AgentPool& pool,
                               base::Duration mean_wrap, std::uint64_t seed)
    : clock_(clock), pool_(pool), seed_(seed) {
  mu_ = std::log(std::max(Seconds(mean_wrap), 0.5)) - sigma_ * sigma_ / 2;
}

SimulatedDesks::Desk& SimulatedDesks::DeskOf(const std::string& agent_id) {
  auto it = desks_.find(agent_id);
  if (it == desks_.end()) {
    it = desks_.emplace(agent_id, Desk{std::mt19937_64(seed_ ^ HashId(agent_id)), {}, {}}).first;
  }
  return it->second;
}

base::Duration SimulatedDesks::NextWrap(const std::string& agent_id) {
  Desk& desk = DeskOf(agent_id);
  if (!desk.next_wrap) {
    std::lognormal_distribution<double> wrap(mu_, sigma_);
    desk.next_wrap = std::chrono::duration_cast<base::Duration>(
        std::chrono::duration<double>(wrap(desk.random)));
  }
  return *desk.next_wrap;
}

std::optional<base::TimePoint> SimulatedDesks::DisposeAt(const std::string& agent_id) const {
  auto it = desks_.find(agent_id);
  return it == desks_.end() ? std::nullopt : it->second.dispose_at;
}

void SimulatedDesks::OnAgentStateChanged(const callcenter::Agent& agent,
                                         callcenter::AgentState from,
                                         callcenter::AgentChangeCause cause) {
  const std::string id = agent.profile().id;
  if (from == callcenter::AgentState::kWrapUp) DeskOf(id).dispose_at.reset();
  if (next_ != nullptr) next_->OnAgentStateChanged(agent, from, cause);
  if (agent.state() != callcenter::AgentState::kWrapUp) return;
  base::Duration wrap = NextWrap(id);
  Desk& desk = DeskOf(id);
  desk.next_wrap.reset();
  desk.dispose_at = clock_.Now() + wrap;
  clock_.RunAfter(wrap, [this, id] {
    callcenter::Agent* wrapping = pool_.Find(id);
    // A timeout or a lost line may have closed the wrap-up already.
    if (wrapping != nullptr && wrapping->state() == callcenter::AgentState::kWrapUp) {
      (void)wrapping->Dispose("completed");
    }
  });
}

void SimulatedDesks::OnTalkTimedOut(const callcenter::Agent& agent, telephony::CallId call) {
  if (next_ != nullptr) next_->OnTalkTimedOut(agent, call);
}

}  // namespace simulation
