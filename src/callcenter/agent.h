#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "telephony/call_control.h"

namespace callcenter {

enum class AgentState { kOffline, kReady, kReserved, kTalking, kWrapUp, kPaused };
inline constexpr int kAgentStateCount = 6;
std::string_view AgentStateName(AgentState state);

// Why a state changed.
enum class AgentChangeCause { kCommand, kTimeout, kCallEnded, kLineLost };

// Who an agent is. Synthetic in tests and demos.
struct AgentProfile {
  std::string id;
  std::string name;
  std::string line;                      // the agent's phone line, for CallControl::Bridge
  std::vector<std::string> languages;    // ISO 639 codes, the best first
  std::vector<std::string> territories;  // state codes ("S12") or seat ids ("S12-19")
  std::vector<std::string> skills;
  // The agent's own phone (E.164, or "sip:USER" for a registered SIP softphone), which
  // AgentPhones calls to make it their line for a shift (phone-as-headset); empty when the agent
  // works on a fixed `line`.
  std::string phone = {};
};

// How long an agent may stay in a state before the machine moves on by itself, so that no
// agent is ever stuck: a reservation that never connects goes back to ready, a call that never
// ends is ended, a wrap-up that is never closed is disposed as "wrap-up timeout", a pause that
// never ends logs the agent out.
struct AgentTimeouts {
  base::Duration reserve = std::chrono::seconds(5);
  base::Duration talk = std::chrono::hours(2);
  base::Duration wrap_up = std::chrono::minutes(2);
  base::Duration pause = std::chrono::hours(1);
};

class Agent;

// Told of every state change, after it happened. Must not destroy the agent.
class AgentListener {
 public:
  virtual ~AgentListener() = default;
  virtual void OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause cause) = 0;
  // The talk timeout fired on `call`: the owner must hang it up (the agent is in wrap-up).
  virtual void OnTalkTimedOut(const Agent& agent, telephony::CallId call) = 0;
};

// One agent's state machine (offline, ready, reserved, talking, wrap-up, paused), driven by
// commands from the agent's desktop and the dialer, and by timeouts on the Clock.
//
//   LogIn[(line)]   offline  -> ready
//   SetReady        paused   -> ready
//   Pause(reason)   ready    -> paused; in reserved/talking/wrap-up: after the call (see below)
//   Reserve(call)   ready    -> reserved        (the dialer picked this agent for a call)
//   Connect         reserved -> talking         (the call is bridged to the agent's line)
//   EndCall         talking  -> wrap-up; reserved -> ready (the call ended before connect)
//   Dispose(code)   wrap-up  -> ready, or paused/offline when a pause or log-out is pending
//   LogOut          ready/paused -> offline; in reserved/talking/wrap-up: after the call
//   LoseLine        any but offline -> offline  (the agent's phone dropped; the call is dropped)
// A command not allowed in the current state fails with kConflict ("agent a1: cannot Connect
// while ready") and changes nothing.
//
// A Pause or LogOut asked for during a call is remembered and applied where the agent would
// otherwise become ready again: at Dispose, at the wrap-up timeout, or when a reservation ends
// without connecting (EndCall from reserved, the reserve timeout). A pending log-out wins over
// a pending pause; LoseLine forgets both. So a ready agent never has anything pending.
//
// Timeouts (AgentTimeouts) are armed on entering reserved, talking, wrap-up and paused, and
// cancelled on leaving: at most one timer is armed at any time. Offline and ready have none.
//
// Every change updates state(), state_since() and call(), arms the next timer, and only then
// calls the listener's OnAgentStateChanged, with cause kCommand (a command), kCallEnded
// (EndCall), kTimeout or kLineLost. The listener may issue commands to the agent from inside
// the callback (e.g. Reserve a ready agent); the command that caused the change does nothing
// after notifying, so the listener sees every change exactly once, in order.
// Single-threaded: call from the thread that drives the Clock.
class Agent {
 public:
  // Starts offline. `clock` and `listener` (may be null) must outlive the agent.
  Agent(AgentProfile profile, base::Clock& clock, AgentTimeouts timeouts, AgentListener* listener);
  // Cancels the armed timer, if any; tells nobody.
  ~Agent();
  Agent(const Agent&) = delete;
  Agent& operator=(const Agent&) = delete;

  base::Status LogIn();
  // As LogIn, on `line` from now on (profile().line becomes `line`): the leg to the agent's own
  // phone that AgentPhones opened for this shift. Changes nothing when refused.
  base::Status LogIn(std::string line);
  base::Status SetReady();
  // `reason` is shown on wallboards ("lunch", "training"); it may be empty.
  base::Status Pause(std::string reason);
  base::Status LogOut();
  // kInvalidArgument when `call` is 0 (never a valid CallId) and the agent is ready.
  base::Status Reserve(telephony::CallId call);
  // As Reserve, held for `hold` instead of AgentTimeouts::reserve: a preview call keeps its
  // agent while the number rings.
  base::Status Reserve(telephony::CallId call, base::Duration hold);
  // Holds the current reservation `hold` from now instead of what was left of it: the person is
  // hearing an announcement (the recording consent) before being put through. kConflict
  // unless reserved.
  base::Status ExtendReservation(base::Duration hold);
  base::Status Connect();
  base::Status EndCall();
  // kInvalidArgument when `disposition` is empty and the agent is in wrap-up.
  base::Status Dispose(std::string disposition);
  base::Status LoseLine();

  const AgentProfile& profile() const { return profile_; }
  AgentState state() const { return state_; }
  base::TimePoint state_since() const { return state_since_; }
  // The call the agent is reserved for, talking on or wrapping up.
  std::optional<telephony::CallId> call() const { return call_; }
  // Why the agent is paused; empty unless paused.
  const std::string& pause_reason() const { return pause_reason_; }
  // The disposition of the last call closed ("wrap-up timeout" when nobody disposed it).
  const std::string& last_disposition() const { return last_disposition_; }
  // A Pause or LogOut asked for during the current call, not applied yet.
  bool pause_pending() const { return pending_pause_.has_value(); }
  bool logout_pending() const { return pending_logout_; }
  bool SpeaksLanguage(const std::string& language) const;

  // Time spent in `state` since construction, the current stay included.
  base::Duration TimeIn(AgentState state) const;

 private:
  base::Status Refuse(std::string_view command) const;
  bool InCall() const;
  // Leaves a call (reserved or wrap-up) for ready, or for what is pending.
  void CloseCall(AgentChangeCause cause);
  void MoveTo(AgentState next, AgentChangeCause cause);
  void ArmTimeout();
  void CancelTimeout();
  void OnTimeout();

  AgentProfile profile_;
  base::Clock& clock_;
  AgentTimeouts timeouts_;
  AgentListener* listener_;
  AgentState state_ = AgentState::kOffline;
  base::TimePoint state_since_;
  std::optional<telephony::CallId> call_;
  std::string pause_reason_;
  std::string last_disposition_;
  std::optional<std::string> pending_pause_;
  bool pending_logout_ = false;
  std::optional<base::TimerId> timeout_;
  base::Duration reserve_hold_{};  // the timeout of the current reservation
  std::array<base::Duration, kAgentStateCount> time_in_{};
};

}  // namespace callcenter
