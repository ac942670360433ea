#include "callcenter/agent_pool.h"

#include <algorithm>
#include <cassert>
#include <tuple>
#include <utility>

namespace callcenter {
namespace {

std::size_t Index(AgentState state) { return static_cast<std::size_t>(state); }

bool IsState(std::string_view territory) { return territory.find('-') == std::string_view::npos; }

template <typename Map>
auto& EntryIn(Map& map, std::string_view key) {
  auto it = map.find(key);
  if (it == map.end()) it = map.emplace(std::string(key), typename Map::mapped_type{}).first;
  return it->second;
}

bool HasEmpty(const std::vector<std::string>& values) {
  return std::any_of(values.begin(), values.end(),
                     [](const std::string& value) { return value.empty(); });
}

template <typename T>
void KeepEachOnce(std::vector<T*>& pointers) {
  std::sort(pointers.begin(), pointers.end());
  pointers.erase(std::unique(pointers.begin(), pointers.end()), pointers.end());
}

}  // namespace

std::string_view StateOf(std::string_view territory) {
  return territory.substr(0, territory.find('-'));
}

bool CoversTerritory(const AgentProfile& profile, std::string_view territory) {
  if (profile.territories.empty() || territory.empty()) return true;
  return std::any_of(
      profile.territories.begin(), profile.territories.end(), [territory](const std::string& mine) {
        if (mine == territory) return true;
        return IsState(territory) ? StateOf(mine) == territory : mine == StateOf(territory);
      });
}

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
  if (HasEmpty(profile.languages) || HasEmpty(profile.territories)) {
    return base::InvalidArgument("agent " + profile.id + ": empty language or territory");
  }
  auto agent = std::make_unique<Agent>(std::move(profile), clock_, timeouts_,
                                       static_cast<AgentListener*>(this));
  Agent* added = agent.get();
  agents_.push_back(std::move(agent));
  by_id_.emplace(added->profile().id, added);
  Membership& membership = memberships_[added] = MembershipOf(added->profile());
  ++counts_[Index(added->state())];
  for (Counts* counts : membership.counts) ++(*counts)[Index(added->state())];
  return added;
}

// Every index the agent belongs to, each once: a profile may name a language twice, or two
// seats of one state.
AgentPool::Membership AgentPool::MembershipOf(const AgentProfile& profile) {
  Membership membership;
  membership.indexes.push_back(&ready_);
  for (const std::string& language : profile.languages) {
    LanguageIndex& index = EntryIn(languages_, language);
    membership.counts.push_back(&index.counts);
    membership.indexes.push_back(&index.ready);
    if (profile.territories.empty()) membership.indexes.push_back(&index.national);
    for (const std::string& territory : profile.territories) {
      membership.indexes.push_back(&EntryIn(index.exact, territory));
      membership.indexes.push_back(&EntryIn(index.within, StateOf(territory)));
    }
  }
  KeepEachOnce(membership.indexes);
  KeepEachOnce(membership.counts);
  return membership;
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

Agent* AgentPool::LongestIdleSpeaking(std::string_view language,
                                      const std::function<bool(const Agent&)>& accept) const {
  const LanguageIndex* index = FindLanguage(language);
  if (index == nullptr) return nullptr;
  for (const ReadyKey& key : index->ready) {
    if (!accept || accept(*key.agent)) return key.agent;
  }
  return nullptr;
}

Agent* AgentPool::LongestIdleCovering(std::string_view language, std::string_view territory) const {
  const LanguageIndex* index = FindLanguage(language);
  if (index == nullptr) return nullptr;
  if (territory.empty()) return index->ready.empty() ? nullptr : index->ready.begin()->agent;
  const ReadyKey* best = nullptr;
  auto consider = [&best](const IndexByTerritory& by, std::string_view key) {
    auto it = by.find(key);
    if (it == by.end() || it->second.empty()) return;
    const ReadyKey& first = *it->second.begin();
    if (best == nullptr || first < *best) best = &first;
  };
  if (!index->national.empty()) best = &*index->national.begin();
  if (IsState(territory)) {
    consider(index->within, territory);
  } else {
    consider(index->exact, territory);
    consider(index->exact, StateOf(territory));
  }
  return best == nullptr ? nullptr : best->agent;
}

int AgentPool::CountSpeaking(std::string_view language, AgentState state) const {
  const LanguageIndex* index = FindLanguage(language);
  return index == nullptr ? 0 : index->counts[Index(state)];
}

void AgentPool::ForEach(const std::function<void(Agent&)>& fn) const {
  // By index, so that an agent added by `fn` (not allowed) cannot leave a dangling iterator.
  for (std::size_t i = 0; i < agents_.size(); ++i) fn(*agents_[i]);
}

const AgentPool::LanguageIndex* AgentPool::FindLanguage(std::string_view language) const {
  auto it = languages_.find(language);
  return it == languages_.end() ? nullptr : &it->second;
}

void AgentPool::OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause cause) {
  --counts_[Index(from)];
  ++counts_[Index(agent.state())];
  for (Counts* counts : memberships_.at(&agent).counts) {
    --(*counts)[Index(from)];
    ++(*counts)[Index(agent.state())];
  }
  if (from == AgentState::kReady) LeaveReady(agent);
  if (agent.state() == AgentState::kReady) EnterReady(agent);
  for (AgentListener* watcher : watchers_) watcher->OnAgentStateChanged(agent, from, cause);
  if (listener_ != nullptr) listener_->OnAgentStateChanged(agent, from, cause);
}

void AgentPool::OnTalkTimedOut(const Agent& agent, telephony::CallId call) {
  if (listener_ != nullptr) listener_->OnTalkTimedOut(agent, call);
}

void AgentPool::LeaveReady(const Agent& agent) {
  Membership& membership = memberships_.at(&agent);
  assert(membership.positions.size() == membership.indexes.size() &&
         "a ready agent is in its ready indexes");
  for (std::size_t i = 0; i < membership.positions.size(); ++i) {
    membership.indexes[i]->erase(membership.positions[i]);
  }
  membership.positions.clear();
}

// The listener hands out a const Agent; the indexes need the pool's own mutable pointer.
void AgentPool::EnterReady(const Agent& agent) {
  Agent* owned = Find(agent.profile().id);
  assert(owned == &agent && "the pool hears only its own agents");
  Membership& membership = memberships_.at(&agent);
  assert(membership.positions.empty());
  ReadyKey key{agent.state_since(), owned->profile().id, owned};
  for (ReadyIndex* index : membership.indexes) {
    auto [position, inserted] = index->insert(key);
    assert(inserted);
    (void)inserted;
    membership.positions.push_back(position);
  }
}

}  // namespace callcenter
