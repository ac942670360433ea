#include "callcenter/agent_pool.h"

#include <cassert>
#include <tuple>
#include <utility>

namespace callcenter {
namespace {

std::size_t Index(AgentState state) { return static_cast<std::size_t>(state); }

}  // namespace

bool AgentPool::ReadyKey::operator<(const ReadyKey& other) const {
  return std::tie(since, id) < std::tie(other.since, other.id);
}

AgentPool::AgentPool(base::Clock& clock, AgentTimeouts timeouts)
    : clock_(clock), timeouts_(timeouts) {}

AgentPool::~AgentPool() = default;

base::Result<Agent*> AgentPool::Add(AgentProfile profile) {
  if (profile.id.empty()) return base::InvalidArgument("an agent needs an id");
  if (by_id_.contains(profile.id)) {
    return base::Conflict("agent " + profile.id + " is already in the pool");
  }
  auto agent = std::make_unique<Agent>(std::move(profile), clock_, timeouts_,
                                       static_cast<AgentListener*>(this));
  Agent* added = agent.get();
  agents_.push_back(std::move(agent));
  by_id_.emplace(added->profile().id, added);
  ++counts_[Index(added->state())];
  return added;
}

Agent* AgentPool::Find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

Agent* AgentPool::LongestIdle(const std::function<bool(const Agent&)>& accept) const {
  for (const ReadyKey& key : ready_) {
    if (accept(*key.agent)) return key.agent;
  }
  return nullptr;
}

void AgentPool::ForEach(const std::function<void(Agent&)>& fn) const {
  // By index, so that an agent added by `fn` (not allowed) cannot leave a dangling iterator.
  for (std::size_t i = 0; i < agents_.size(); ++i) fn(*agents_[i]);
}

void AgentPool::OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause cause) {
  --counts_[Index(from)];
  ++counts_[Index(agent.state())];
  if (from == AgentState::kReady) LeaveReady(agent);
  if (agent.state() == AgentState::kReady) EnterReady(agent);
  if (listener_ != nullptr) listener_->OnAgentStateChanged(agent, from, cause);
}

void AgentPool::OnTalkTimedOut(const Agent& agent, telephony::CallId call) {
  if (listener_ != nullptr) listener_->OnTalkTimedOut(agent, call);
}

void AgentPool::LeaveReady(const Agent& agent) {
  auto position = ready_position_.find(&agent);
  assert(position != ready_position_.end() && "a ready agent is in the ready index");
  if (position == ready_position_.end()) return;
  ready_.erase(position->second);
  ready_position_.erase(position);
}

// The listener hands out a const Agent; the index needs the pool's own mutable pointer.
void AgentPool::EnterReady(const Agent& agent) {
  Agent* owned = Find(agent.profile().id);
  assert(owned == &agent && "the pool hears only its own agents");
  auto [position, inserted] = ready_.insert({agent.state_since(), owned->profile().id, owned});
  assert(inserted);
  (void)inserted;
  ready_position_[owned] = position;
}

}  // namespace callcenter
