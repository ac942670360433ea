#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "base/status.h"
#include "callcenter/agent.h"
#include "callcenter/agent_pool.h"
#include "telephony/call_control.h"

namespace callcenter {

// How long a call waits before the set of agents who may take it widens. The wait is measured
// from Offer(); a call is widened the moment its wait reaches a threshold, not a tick later.
struct AcdTiers {
  // From here on, any agent who speaks the caller's language, wherever the agent's territory.
  base::Duration widen_to_language = std::chrono::seconds(20);
  // From here on, also any agent who speaks the fallback language, when the caller accepted
  // one. Taken as at least `widen_to_language`: the tiers only ever widen.
  base::Duration widen_to_fallback = std::chrono::seconds(60);
};

// What a caller needs from an agent.
struct CallerNeeds {
  std::string language;                          // ISO 639 code; required
  std::optional<std::string> fallback_language;  // only if the caller accepted it
  std::string territory;  // state code or seat id (see CoversTerritory); empty: unknown
  bool callback = false;  // a scheduled callback: served before every other call
  // This call's own tiers instead of the Acd's: an answered outbound call, which must reach an
  // agent within 2 s, widens to any speaker of its language at once.
  std::optional<AcdTiers> tiers;
};

// The agents a waiting call may take now. Each tier contains the one before.
enum class AcdTier {
  kLocal,     // speak the language and cover the caller's territory (CoversTerritory)
  kLanguage,  // speak the language
  kFallback,  // speak the language or the fallback language
};

// Automatic call distribution for inbound calls and answered outbound calls: gives each call
// to the agent ready the longest among those who may take it, or keeps the call waiting until
// one may.
//
// Choosing an agent for a call (Offer, and when a waiting call widens): the agent ready the
// longest (AgentPool order: earliest ready, then smallest id) among those of the narrowest tier
// that has anyone ready, up to the call's current tier.
// Choosing a call for an agent who became ready (OnAgentReady): among the waiting calls that
// may take this agent at their current tier, callbacks first, then the call waiting longest
// (earliest Offer).
//
// Whenever the Acd gives a call to an agent it reserves the agent for it (Agent::Reserve) and
// forgets the call; connecting it is the owner's business. Each assignment is reported exactly
// once: by the return value of Offer() or OnAgentReady(), or, when a waiting call widens on a
// timer and finds a ready agent, through the `routed` function given at construction.
//
// Widening runs on Clock timers, one per waiting call (armed for its next threshold), so a call
// whose wait reaches a threshold is matched against the agents already ready at that instant.
// Calls reaching a threshold at the same instant are matched in the order of their timers.
// Together with the owner's promise below, no call ever waits while a ready agent may take it.
//
// The owner's promise: call OnAgentReady() each time an agent of the pool becomes ready
// (typically from its AgentListener). The Acd does not listen to the pool itself.
//
// Costs, with n ready agents and m waiting calls: Offer O(log n + log m); OnAgentReady
// O(L·T·log m) for an agent with L languages and T territories; a widening O(log n + log m);
// Position and ExpectedWait O(position).
// Single-threaded: call from the thread that drives the Clock.
class Acd {
 public:
  // The mean handle time assumed until the first RecordHandle().
  static constexpr base::Duration kAssumedHandle = std::chrono::minutes(3);
  // RecordHandle() averages over all handle times until this many, then weighs each new one by
  // 1/kHandleWindow, so the mean follows the last hundred or so calls.
  static constexpr std::int64_t kHandleWindow = 100;

  // Told of a call given to `agent` (already reserved for it) when a waiting call widened.
  // May call back into the Acd. Left empty, such calls are lost to the owner (their agents'
  // reservations lapse at the reserve timeout): only tests that never widen leave it empty.
  using RoutedFn = std::function<void(telephony::CallId call, Agent& agent)>;

  // `pool` and `clock` must outlive the Acd.
  Acd(AgentPool& pool, base::Clock& clock, AcdTiers tiers, RoutedFn routed);
  // Cancels the timers of the calls still waiting; tells nobody.
  ~Acd();
  Acd(const Acd&) = delete;
  Acd& operator=(const Acd&) = delete;

  // A new call. Returns the agent now reserved for it, or null when the call waits (at tier
  // kLocal, or wider at once if a threshold is zero). A fallback equal to the language is no
  // fallback. kInvalidArgument for call 0 or an empty language; kConflict for a call already
  // waiting.
  base::Result<Agent*> Offer(telephony::CallId call, CallerNeeds needs);

  // `agent` of the pool became ready: returns the waiting call it is now reserved for, or none
  // when no waiting call may take it (or it is not ready after all).
  std::optional<telephony::CallId> OnAgentReady(const Agent& agent);

  // The caller hung up while waiting. kNotFound when the call is not waiting (unknown, already
  // given to an agent, or withdrawn).
  base::Status Withdraw(telephony::CallId call);

  // 1-based position of a waiting call among the waiting calls of its language, in the order
  // the Acd serves them: callbacks first, then by time of Offer. kNotFound when not waiting.
  base::Result<int> Position(telephony::CallId call) const;

  // How much longer a waiting call should expect to wait:
  //   Position × mean handle time / max(1, agents who speak its language and are working)
  // where working is ready, reserved, talking or in wrap-up (not paused, not offline). A simple
  // estimate, not Erlang C: it assumes agents of the language free up evenly. kNotFound when
  // the call is not waiting.
  base::Result<base::Duration> ExpectedWait(telephony::CallId call) const;

  // The tier a waiting call is at now. kNotFound when not waiting.
  base::Result<AcdTier> TierOf(telephony::CallId call) const;

  // An agent finished a call after `handle` (talk + wrap-up). Negative values are ignored.
  void RecordHandle(base::Duration handle);
  base::Duration mean_handle() const { return mean_handle_; }

  // Calls waiting now.
  std::size_t waiting() const { return waiting_.size(); }

 private:
  // Serving order: callbacks (rank 0) before others (rank 1), then by arrival.
  struct QueueKey {
    int rank;
    std::uint64_t arrival;
    telephony::CallId call;
    bool operator<(const QueueKey& other) const;
  };
  using CallQueue = std::set<QueueKey>;
  using QueueByTerritory = std::map<std::string, CallQueue, std::less<>>;

  // The waiting calls that agents who speak one language may take.
  struct LanguageQueues {
    CallQueue all;            // every call in this language, whatever its tier
    CallQueue anywhere;       // calls any speaker may take: widened, or territory unknown
    CallQueue fallback;       // calls widened to this language as their fallback
    QueueByTerritory exact;   // calls at kLocal, by their territory
    QueueByTerritory within;  // calls at kLocal, by the state of their territory
  };

  struct WaitingCall {
    CallerNeeds needs;
    QueueKey key;
    base::TimePoint offered;
    AcdTier tier = AcdTier::kLocal;
    std::optional<base::TimerId> timer;
    std::vector<CallQueue*> queues;  // where `key` is now
  };

  const AcdTiers& TiersOf(const CallerNeeds& needs) const;
  AcdTier TierAfter(base::Duration wait, const CallerNeeds& needs) const;
  Agent* BestAgentFor(const WaitingCall& call) const;
  const QueueKey* BestCallFor(const AgentProfile& profile) const;
  std::vector<CallQueue*> QueuesFor(const WaitingCall& call);
  void Enqueue(WaitingCall call);
  WaitingCall Dequeue(telephony::CallId call);
  void ArmWidening(WaitingCall& call);
  void Widen(telephony::CallId call);

  AgentPool& pool_;
  base::Clock& clock_;
  AcdTiers tiers_;
  RoutedFn routed_;
  std::uint64_t next_arrival_ = 0;
  std::map<std::string, LanguageQueues, std::less<>> queues_;
  std::unordered_map<telephony::CallId, WaitingCall> waiting_;
  base::Duration mean_handle_ = kAssumedHandle;
  std::int64_t handles_recorded_ = 0;
};

}  // namespace callcenter
