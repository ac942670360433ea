#include "callcenter/acd.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <iterator>
#include <tuple>
#include <utility>

namespace callcenter {
namespace {

constexpr std::array<AgentState, 4> kWorking = {AgentState::kReady, AgentState::kReserved,
                                                AgentState::kTalking, AgentState::kWrapUp};

template <typename Map>
auto& EntryIn(Map& map, std::string_view key) {
  auto it = map.find(key);
  if (it == map.end()) it = map.emplace(std::string(key), typename Map::mapped_type{}).first;
  return it->second;
}

template <typename Map>
const typename Map::mapped_type* Find(const Map& map, std::string_view key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

std::string Named(telephony::CallId call) { return "acd: call " + std::to_string(call); }

// A negative wait means at once; a fallback tier before the language tier would narrow the set
// of agents again, and tiers only widen.
AcdTiers Normalized(AcdTiers tiers) {
  tiers.widen_to_language = std::max(tiers.widen_to_language, base::Duration::zero());
  tiers.widen_to_fallback = std::max(tiers.widen_to_fallback, tiers.widen_to_language);
  return tiers;
}

}  // namespace

bool Acd::QueueKey::operator<(const QueueKey& other) const {
  return std::tie(rank, arrival) < std::tie(other.rank, other.arrival);
}

Acd::Acd(AgentPool& pool, base::Clock& clock, AcdTiers tiers, RoutedFn routed)
    : pool_(pool), clock_(clock), tiers_(tiers), routed_(std::move(routed)) {
  tiers_ = Normalized(tiers_);
}

// The timers' callbacks point at this Acd; none may outlive it.
Acd::~Acd() {
  for (auto& [id, call] : waiting_) {
    if (call.timer) clock_.Cancel(*call.timer);
  }
}

base::Result<Agent*> Acd::Offer(telephony::CallId call, CallerNeeds needs) {
  if (call == 0) return base::InvalidArgument("acd: call 0 is never a call");
  if (needs.language.empty()) return base::InvalidArgument(Named(call) + " has no language");
  if (waiting_.contains(call)) return base::Conflict(Named(call) + " is already waiting");
  if (needs.fallback_language == needs.language ||
      (needs.fallback_language && needs.fallback_language->empty())) {
    needs.fallback_language.reset();
  }
  if (needs.tiers) needs.tiers = Normalized(*needs.tiers);
  WaitingCall waiting;
  waiting.key = {needs.callback ? 0 : 1, next_arrival_++, call};
  waiting.offered = clock_.Now();
  waiting.tier = TierAfter(base::Duration::zero(), needs);
  waiting.needs = std::move(needs);
  Agent* agent = BestAgentFor(waiting);
  // The agent comes from a ready index and the call is not 0: the reservation cannot fail.
  if (agent != nullptr && agent->Reserve(call).ok()) return agent;
  assert(agent == nullptr);
  Enqueue(std::move(waiting));
  return static_cast<Agent*>(nullptr);
}

std::optional<telephony::CallId> Acd::OnAgentReady(const Agent& ready) {
  Agent* agent = pool_.Find(ready.profile().id);
  if (agent != &ready || agent->state() != AgentState::kReady) return std::nullopt;
  const QueueKey* best = BestCallFor(agent->profile());
  if (best == nullptr) return std::nullopt;
  telephony::CallId call = best->call;
  // Dequeued before reserving: the owner hears of the reservation and may call back in.
  WaitingCall taken = Dequeue(call);
  if (!agent->Reserve(call).ok()) {
    assert(false && "a ready agent can be reserved for a call that is not 0");
    Enqueue(std::move(taken));
    return std::nullopt;
  }
  return call;
}

base::Status Acd::Withdraw(telephony::CallId call) {
  if (!waiting_.contains(call)) return base::NotFound(Named(call) + " is not waiting");
  Dequeue(call);
  return base::OkStatus();
}

base::Result<int> Acd::Position(telephony::CallId call) const {
  auto it = waiting_.find(call);
  if (it == waiting_.end()) return base::NotFound(Named(call) + " is not waiting");
  const CallQueue& all = queues_.find(it->second.needs.language)->second.all;
  return static_cast<int>(std::distance(all.begin(), all.find(it->second.key))) + 1;
}

base::Result<base::Duration> Acd::ExpectedWait(telephony::CallId call) const {
  JS_ASSIGN_OR_RETURN(int position, Position(call));
  const std::string& language = waiting_.at(call).needs.language;
  int working = 0;
  for (AgentState state : kWorking) working += pool_.CountSpeaking(language, state);
  return mean_handle_ * position / std::max(1, working);
}

base::Result<AcdTier> Acd::TierOf(telephony::CallId call) const {
  auto it = waiting_.find(call);
  if (it == waiting_.end()) return base::NotFound(Named(call) + " is not waiting");
  return it->second.tier;
}

// A plain mean at first; once the window is full, each new time moves the mean by 1/window of
// its difference, so a change in the calls shows within a few hundred calls.
void Acd::RecordHandle(base::Duration handle) {
  if (handle < base::Duration::zero()) return;
  handles_recorded_ = std::min(handles_recorded_ + 1, kHandleWindow);
  mean_handle_ += (handle - mean_handle_) / handles_recorded_;
}

const AcdTiers& Acd::TiersOf(const CallerNeeds& needs) const {
  return needs.tiers ? *needs.tiers : tiers_;
}

AcdTier Acd::TierAfter(base::Duration wait, const CallerNeeds& needs) const {
  const AcdTiers& tiers = TiersOf(needs);
  if (needs.fallback_language && wait >= tiers.widen_to_fallback) return AcdTier::kFallback;
  if (wait >= tiers.widen_to_language) return AcdTier::kLanguage;
  return AcdTier::kLocal;
}

// Narrowest tier first: a call allowed to widen still gets a local speaker when one is ready.
Agent* Acd::BestAgentFor(const WaitingCall& call) const {
  const CallerNeeds& needs = call.needs;
  Agent* agent = pool_.LongestIdleCovering(needs.language, needs.territory);
  if (agent != nullptr || call.tier == AcdTier::kLocal) return agent;
  agent = pool_.LongestIdleSpeaking(needs.language);
  if (agent != nullptr || call.tier == AcdTier::kLanguage) return agent;
  return pool_.LongestIdleSpeaking(*needs.fallback_language);
}

// The queues mirror CoversTerritory from the agent's side: an agent with no territory may take
// any call in its languages; one covering a state, the local calls anywhere in it; one covering
// a place, the local calls from that place or from its state as a whole.
const Acd::QueueKey* Acd::BestCallFor(const AgentProfile& profile) const {
  const QueueKey* best = nullptr;
  auto consider = [&best](const CallQueue* queue) {
    if (queue == nullptr || queue->empty()) return;
    if (best == nullptr || *queue->begin() < *best) best = &*queue->begin();
  };
  for (const std::string& language : profile.languages) {
    const LanguageQueues* queues = Find(queues_, language);
    if (queues == nullptr) continue;
    consider(&queues->fallback);
    if (profile.territories.empty()) {
      consider(&queues->all);
      continue;
    }
    consider(&queues->anywhere);
    for (const std::string& territory : profile.territories) {
      std::string_view state = StateOf(territory);
      if (state == territory) {
        consider(Find(queues->within, territory));
      } else {
        consider(Find(queues->exact, territory));
        consider(Find(queues->exact, state));
      }
    }
  }
  return best;
}

std::vector<Acd::CallQueue*> Acd::QueuesFor(const WaitingCall& call) {
  const CallerNeeds& needs = call.needs;
  LanguageQueues& own = EntryIn(queues_, needs.language);
  std::vector<CallQueue*> queues = {&own.all};
  if (call.tier != AcdTier::kLocal || needs.territory.empty()) {
    queues.push_back(&own.anywhere);
  } else {
    queues.push_back(&EntryIn(own.exact, needs.territory));
    queues.push_back(&EntryIn(own.within, StateOf(needs.territory)));
  }
  if (call.tier == AcdTier::kFallback) {
    queues.push_back(&EntryIn(queues_, *needs.fallback_language).fallback);
  }
  return queues;
}

void Acd::Enqueue(WaitingCall call) {
  call.queues = QueuesFor(call);
  for (CallQueue* queue : call.queues) queue->insert(call.key);
  telephony::CallId id = call.key.call;
  WaitingCall& stored = waiting_.insert_or_assign(id, std::move(call)).first->second;
  ArmWidening(stored);
}

Acd::WaitingCall Acd::Dequeue(telephony::CallId id) {
  auto it = waiting_.find(id);
  assert(it != waiting_.end());
  WaitingCall call = std::move(it->second);
  waiting_.erase(it);
  for (CallQueue* queue : call.queues) queue->erase(call.key);
  call.queues.clear();
  if (call.timer) clock_.Cancel(*call.timer);
  call.timer.reset();
  return call;
}

void Acd::ArmWidening(WaitingCall& call) {
  std::optional<base::Duration> threshold;
  const AcdTiers& tiers = TiersOf(call.needs);
  if (call.tier == AcdTier::kLocal) {
    threshold = tiers.widen_to_language;
  } else if (call.tier == AcdTier::kLanguage && call.needs.fallback_language) {
    threshold = tiers.widen_to_fallback;
  }
  if (!threshold) return;
  base::Duration left = *threshold - (clock_.Now() - call.offered);
  telephony::CallId id = call.key.call;
  call.timer = clock_.RunAfter(std::max(left, base::Duration::zero()), [this, id] { Widen(id); });
}

void Acd::Widen(telephony::CallId id) {
  auto it = waiting_.find(id);
  if (it == waiting_.end()) return;
  it->second.timer.reset();  // it fired; nothing left to cancel
  WaitingCall call = Dequeue(id);
  call.tier = TierAfter(clock_.Now() - call.offered, call.needs);
  Agent* agent = BestAgentFor(call);
  if (agent != nullptr && agent->Reserve(id).ok()) {
    if (routed_) routed_(id, *agent);
    return;
  }
  Enqueue(std::move(call));
}

}  // namespace callcenter
