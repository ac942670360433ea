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

// Territories are state codes ("S12") or places inside a state written with the state code and
// a dash first: seats ("S12-19"), assembly segments ("S12-AC-150"). The state of "S12-19" is
// "S12"; the state of "S12" is itself.
std::string_view StateOf(std::string_view territory);

// Whether an agent with `profile` may serve a caller from `territory`:
//   - an agent with no territories serves the whole country, and every agent serves a caller
//     whose territory is unknown (empty);
//   - a caller from a state ("S12") is served by an agent who covers that state or any place
//     in it ("S12", "S12-19");
//   - a caller from a place ("S12-19") is served by an agent who covers that place exactly, or
//     its whole state ("S12"), but not by one who covers only another place of the state.
bool CoversTerritory(const AgentProfile& profile, std::string_view territory);

// The agents of one node. Owns them, listens to all of them, and keeps, on every change, a
// count of agents per state (overall and per language) and indexes of the ready agents ordered
// by how long they have been ready (overall, per language, and per language and territory), so
// that routing a call costs O(log n), not a scan of all.
//
// Agents are driven directly (pool.Find("a1")->LogIn()); the pool hears every change, updates
// its indexes and counts, and then forwards the event to its own listener, which may therefore
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

  // Also tells `watcher` of every state change (OnAgentStateChanged only, never of a talk
  // timeout, which is the listener's to act on), before the listener, so that watchers see the
  // changes in the order they happened even when the listener drives agents from its callback.
  // A watcher must not drive agents; it may command calls. Must outlive the pool or be removed
  // first.
  void AddWatcher(AgentListener* watcher) { watchers_.push_back(watcher); }
  void RemoveWatcher(AgentListener* watcher) { std::erase(watchers_, watcher); }

  // Adds an agent, offline. kInvalidArgument on an empty id or an empty language or territory
  // in the profile, kConflict on an id already here. The agent lives as long as the pool. Its
  // languages and territories are indexed once, here (they never change; only the line may,
  // at Agent::LogIn(line)).
  base::Result<Agent*> Add(AgentProfile profile);

  // The agent with this id, or null.
  Agent* Find(std::string_view id) const;

  // The agent ready the longest (earliest state_since(), then smallest id) for which
  // `accept(agent)` is true; null when there is none. Walks the ready agents in that order and
  // stops at the first accepted, so `accept` is called only for ready agents. `accept` must not
  // drive any agent.
  Agent* LongestIdle(const std::function<bool(const Agent&)>& accept) const;

  // As LongestIdle, among the ready agents who speak `language` only: O(log languages) to the
  // first, then one step per speaker that `accept` refuses. An empty `accept` takes anyone.
  Agent* LongestIdleSpeaking(std::string_view language,
                             const std::function<bool(const Agent&)>& accept = {}) const;

  // The ready agent who speaks `language` and covers `territory` (CoversTerritory) ready the
  // longest, in the same order as LongestIdle; null when there is none. O(log n): the first of
  // at most three indexes (the territory, its state, the agents with no territory).
  Agent* LongestIdleCovering(std::string_view language, std::string_view territory) const;

  // How many agents are in `state` now. O(1).
  int CountIn(AgentState state) const { return counts_[static_cast<std::size_t>(state)]; }
  // How many agents who speak `language` are in `state` now. O(log languages).
  int CountSpeaking(std::string_view language, AgentState state) const;

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
  using Counts = std::array<int, kAgentStateCount>;
  using IndexByTerritory = std::map<std::string, ReadyIndex, std::less<>>;

  // The ready speakers of one language, and how many speakers are in each state.
  struct LanguageIndex {
    ReadyIndex ready;
    ReadyIndex national;      // agents with no territory
    IndexByTerritory exact;   // by each territory an agent names
    IndexByTerritory within;  // by the state of each territory an agent names
    Counts counts{};
  };

  // Where one agent is indexed and counted; `positions` are valid while the agent is ready.
  struct Membership {
    std::vector<ReadyIndex*> indexes;
    std::vector<ReadyIndex::iterator> positions;
    std::vector<Counts*> counts;
  };

  void OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause cause) override;
  void OnTalkTimedOut(const Agent& agent, telephony::CallId call) override;
  Membership MembershipOf(const AgentProfile& profile);
  const LanguageIndex* FindLanguage(std::string_view language) const;
  void LeaveReady(const Agent& agent);
  void EnterReady(const Agent& agent);

  base::Clock& clock_;
  AgentTimeouts timeouts_;
  AgentListener* listener_ = nullptr;
  std::vector<AgentListener*> watchers_;
  Counts counts_{};
  ReadyIndex ready_;
  std::map<std::string, LanguageIndex, std::less<>> languages_;
  std::unordered_map<const Agent*, Membership> memberships_;
  std::map<std::string, Agent*, std::less<>> by_id_;
  // Last, so that agents (and their timers) go first.
  std::vector<std::unique_ptr<Agent>> agents_;
};

}  // namespace callcenter
