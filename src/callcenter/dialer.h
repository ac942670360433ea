#pragma once

#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/clock.h"
#include "callcenter/agent_pool.h"
#include "callcenter/contact_source.h"
#include "callcenter/dialer_stats.h"
#include "callcenter/measurements.h"
#include "callcenter/pacer.h"
#include "store/store.h"
#include "telephony/call_control.h"

namespace callcenter {

struct DialerSettings {
  // Outbound numbers ring at least 15 s before the dialer gives up on them.
  base::Duration ring_timeout = std::chrono::seconds(25);
  // A person who answers reaches an agent within this time, or hears the abandon message and
  // the call counts as abandoned.
  base::Duration connect_deadline = std::chrono::seconds(2);
  base::Duration tick = std::chrono::seconds(1);
  double abandon_target = 0.03;
  std::string caller_id;
  std::string abandon_prompt = "abandon";
};

// The outbound dialer of one campaign: at every tick it asks its Pacer how many calls to place,
// takes that many numbers from its ContactSource and dials them through CallControl; it gives
// every person who answers to the agent ready the longest, or, when none is free within the
// connect deadline, plays the abandon message and hangs up. Agents come from an AgentPool whose
// listener it is. Single-threaded: everything runs on the Clock's thread.
class Dialer : public telephony::CallEvents, public AgentListener {
 public:
  // All references must outlive the dialer. Becomes `control`'s events and `agents`' listener.
  Dialer(base::Clock& clock, telephony::CallControl& control, AgentPool& agents,
         ContactSource& contacts, Pacer& pacer, DialerSettings settings);
  ~Dialer() override;
  Dialer(const Dialer&) = delete;
  Dialer& operator=(const Dialer&) = delete;

  // Journals every attempt in `attempts` under `campaign_id`: begun before the call is placed
  // (a call whose attempt cannot be written, or was begun already, is not placed), ended when
  // it ends, and given the agent's disposition. Null: no journal. Must outlive the dialer.
  void SetAttemptStore(store::AttemptStore* attempts, std::string campaign_id);

  // Starts placing calls at every tick; Stop() places no more (calls in progress run out).
  void Start();
  void Stop();

  const DialerStats& stats() const { return stats_; }
  const Measurements& measurements() const { return measured_; }
  // Calls dialled and not yet over.
  std::size_t calls_in_progress() const { return calls_.size(); }

  // telephony::CallEvents
  void OnAnswered(telephony::CallId call, telephony::AnswerKind kind) override;
  void OnEnded(telephony::CallId call, telephony::EndCause cause) override;
  void OnPlayed(telephony::CallId call) override;
  void OnDigit(telephony::CallId call, char digit) override;

  // AgentListener
  void OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause cause) override;
  void OnTalkTimedOut(const Agent& agent, telephony::CallId call) override;

 private:
  enum class Phase { kRinging, kWaiting, kAbandoning, kTalking };
  struct Call {
    DialTarget target;
    Phase phase = Phase::kRinging;
    base::TimePoint dialled;
    base::TimePoint answered;
    base::TimePoint connected;
    std::string agent_id;
    std::optional<base::TimerId> deadline;
    std::int64_t attempt_id = 0;  // in the journal; 0 without one
  };

  void Tick();
  PacingInput Snapshot() const;
  // False when the call could not be placed (its attempt could not be journaled).
  bool Place(const DialTarget& target);
  void JournalEnd(const Call& call, AttemptOutcome outcome);
  void JournalDisposition(const Agent& agent);
  bool ConnectToAgent(telephony::CallId id, Call& call);
  void ServeWaitingCalls();
  void Abandon(telephony::CallId id);
  void Finish(telephony::CallId id, AttemptOutcome outcome);
  void EndTalk(telephony::CallId id, Call& call);

  base::Clock& clock_;
  telephony::CallControl& control_;
  AgentPool& agents_;
  ContactSource& contacts_;
  Pacer& pacer_;
  DialerSettings settings_;
  bool running_ = false;
  std::optional<base::TimerId> tick_timer_;
  std::unordered_map<telephony::CallId, Call> calls_;
  std::deque<telephony::CallId> waiting_;  // answered by a person, oldest first
  std::unordered_map<std::string, base::TimePoint> ready_since_;
  std::unordered_map<std::string, base::TimePoint> connected_at_;  // agent id -> current call
  std::unordered_map<std::string, std::int64_t> agent_attempt_;    // agent id -> attempt id
  store::AttemptStore* attempts_ = nullptr;
  std::string campaign_id_;
  Measurements measured_;
  DialerStats stats_;
};

}  // namespace callcenter
