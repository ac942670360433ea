#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "callcenter/agent.h"

namespace callcenter {

// The agents of one node. Owns them, listens to all of them, and keeps, on every change, a
// count of agents per state and an index of the ready agents ordered by how long they have
// been ready, so that routing a call costs O(log n) plus the agents it skips, not a scan of all.
//
// Agents are driven directly (pool.Find("a1")->LogIn()); the pool hears every change, updates
// its index and counts, and then forwards the event to its own listener, which may therefore
// read a consistent pool and drive agents from inside the callback.
// Single-threaded: call from the thread that drives the Clock.
class AgentPool : private AgentListener {
 public:
  // `clock` must outlive the pool. Every agent gets `timeouts`.
  explicit AgentPool(base::Clock& clock, AgentTimeouts timeouts = {});
  ~AgentPool() override;
  AgentPool(const AgentPool&) = delete;
  AgentPool& operator=(const AgentPool&) = delete;

  // Where the agents' events go after the pool has seen them; null for nowhere. Must outlive
  // the pool or be replaced first.
  void SetListener(AgentListener* listener) { listener_ = listener; }

  // Adds an agent, offline. kInvalidArgument on an empty id, kConflict on an id already here.
  // The agent lives as long as the pool.
  base::Result<Agent*> Add(AgentProfile profile);

  // The agent with this id, or null.
  Agent* Find(std::string_view id) const;

  // The agent ready the longest (earliest state_since(), then smallest id) for which
  // `accept(agent)` is true; null when there is none. Walks the ready agents in that order and
  // stops at the first accepted, so `accept` is called only for ready agents. `accept` must not
  // drive any agent.
  Agent* LongestIdle(const std::function<bool(const Agent&)>& accept) const;

  // How many agents are in `state` now. O(1).
  int CountIn(AgentState state) const { return counts_[static_cast<std::size_t>(state)]; }

  std::size_t size() const { return agents_.size(); }

  // Calls `fn` on every agent, in the order they were added. `fn` may drive agents, but must
  // not add any.
  void ForEach(const std::function<void(Agent&)>& fn) const;

 private:
  // Ordered by ready time, then id; the id points into the agent's profile.
  struct ReadyKey {
    base::TimePoint since;
    std::string_view id;
    Agent* agent;
    bool operator<(const ReadyKey& other) const;
  };
  using ReadyIndex = std::set<ReadyKey>;

  void OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause cause) override;
  void OnTalkTimedOut(const Agent& agent, telephony::CallId call) override;
  void LeaveReady(const Agent& agent);
  void EnterReady(const Agent& agent);

  base::Clock& clock_;
  AgentTimeouts timeouts_;
  AgentListener* listener_ = nullptr;
  std::array<int, kAgentStateCount> counts_{};
  ReadyIndex ready_;
  std::unordered_map<const Agent*, ReadyIndex::iterator> ready_position_;
  std::map<std::string, Agent*, std::less<>> by_id_;
  // Last, so that agents (and their timers) go first.
  std::vector<std::unique_ptr<Agent>> agents_;
};

}  // namespace callcenter
