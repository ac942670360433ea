#include "callcenter/agent.h"

#include <algorithm>
#include <cassert>
#include <utility>

namespace callcenter {
namespace {

std::size_t Index(AgentState state) { return static_cast<std::size_t>(state); }

// How long the agent may stay in `state`; nullopt for the states that are never stuck: offline,
// and ready, which is idle rather than stuck.
std::optional<base::Duration> TimeoutFor(AgentState state, const AgentTimeouts& timeouts) {
  switch (state) {
    case AgentState::kReserved:
      return timeouts.reserve;
    case AgentState::kTalking:
      return timeouts.talk;
    case AgentState::kWrapUp:
      return timeouts.wrap_up;
    case AgentState::kPaused:
      return timeouts.pause;
    case AgentState::kOffline:
    case AgentState::kReady:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::string_view AgentStateName(AgentState state) {
  switch (state) {
    case AgentState::kOffline:
      return "offline";
    case AgentState::kReady:
      return "ready";
    case AgentState::kReserved:
      return "reserved";
    case AgentState::kTalking:
      return "talking";
    case AgentState::kWrapUp:
      return "wrap-up";
    case AgentState::kPaused:
      return "paused";
  }
  return "unknown";
}

Agent::Agent(AgentProfile profile, base::Clock& clock, AgentTimeouts timeouts,
             AgentListener* listener)
    : profile_(std::move(profile)),
      clock_(clock),
      timeouts_(timeouts),
      listener_(listener),
      state_since_(clock.Now()) {}

// The timer's callback points at this agent; it must not outlive it.
Agent::~Agent() { CancelTimeout(); }

base::Status Agent::LogIn() {
  if (state_ != AgentState::kOffline) return Refuse("LogIn");
  MoveTo(AgentState::kReady, AgentChangeCause::kCommand);
  return base::OkStatus();
}

base::Status Agent::LogIn(std::string line) {
  if (state_ != AgentState::kOffline) return Refuse("LogIn");
  profile_.line = std::move(line);
  return LogIn();
}

base::Status Agent::SetReady() {
  if (state_ != AgentState::kPaused) return Refuse("SetReady");
  MoveTo(AgentState::kReady, AgentChangeCause::kCommand);
  return base::OkStatus();
}

base::Status Agent::Pause(std::string reason) {
  if (InCall()) {
    pending_pause_ = std::move(reason);
    return base::OkStatus();
  }
  if (state_ != AgentState::kReady) return Refuse("Pause");
  pause_reason_ = std::move(reason);
  MoveTo(AgentState::kPaused, AgentChangeCause::kCommand);
  return base::OkStatus();
}

base::Status Agent::LogOut() {
  if (InCall()) {
    pending_logout_ = true;
    return base::OkStatus();
  }
  if (state_ != AgentState::kReady && state_ != AgentState::kPaused) return Refuse("LogOut");
  MoveTo(AgentState::kOffline, AgentChangeCause::kCommand);
  return base::OkStatus();
}

base::Status Agent::Reserve(telephony::CallId call) { return Reserve(call, timeouts_.reserve); }

base::Status Agent::Reserve(telephony::CallId call, base::Duration hold) {
  if (state_ != AgentState::kReady) return Refuse("Reserve");
  if (call == 0) return base::InvalidArgument("agent " + profile_.id + ": cannot Reserve call 0");
  call_ = call;
  reserve_hold_ = std::max(hold, base::Duration::zero());
  MoveTo(AgentState::kReserved, AgentChangeCause::kCommand);
  return base::OkStatus();
}

base::Status Agent::ExtendReservation(base::Duration hold) {
  if (state_ != AgentState::kReserved) return Refuse("ExtendReservation");
  CancelTimeout();
  reserve_hold_ = std::max(hold, base::Duration::zero());
  ArmTimeout();
  return base::OkStatus();
}

base::Status Agent::Connect() {
  if (state_ != AgentState::kReserved) return Refuse("Connect");
  MoveTo(AgentState::kTalking, AgentChangeCause::kCommand);
  return base::OkStatus();
}

base::Status Agent::EndCall() {
  if (state_ == AgentState::kReserved) {
    CloseCall(AgentChangeCause::kCallEnded);
    return base::OkStatus();
  }
  if (state_ != AgentState::kTalking) return Refuse("EndCall");
  MoveTo(AgentState::kWrapUp, AgentChangeCause::kCallEnded);
  return base::OkStatus();
}

base::Status Agent::Dispose(std::string disposition) {
  if (state_ != AgentState::kWrapUp) return Refuse("Dispose");
  if (disposition.empty()) {
    return base::InvalidArgument("agent " + profile_.id + ": Dispose needs a disposition");
  }
  last_disposition_ = std::move(disposition);
  CloseCall(AgentChangeCause::kCommand);
  return base::OkStatus();
}

base::Status Agent::LoseLine() {
  if (state_ == AgentState::kOffline) return Refuse("LoseLine");
  // With the line gone there is no call to finish and nobody to pause: pending wishes are moot.
  call_.reset();
  pending_pause_.reset();
  pending_logout_ = false;
  MoveTo(AgentState::kOffline, AgentChangeCause::kLineLost);
  return base::OkStatus();
}

bool Agent::SpeaksLanguage(const std::string& language) const {
  return std::find(profile_.languages.begin(), profile_.languages.end(), language) !=
         profile_.languages.end();
}

base::Duration Agent::TimeIn(AgentState state) const {
  base::Duration total = time_in_[Index(state)];
  if (state == state_) total += clock_.Now() - state_since_;
  return total;
}

base::Status Agent::Refuse(std::string_view command) const {
  return base::Conflict("agent " + profile_.id + ": cannot " + std::string(command) + " while " +
                        std::string(AgentStateName(state_)));
}

bool Agent::InCall() const {
  return state_ == AgentState::kReserved || state_ == AgentState::kTalking ||
         state_ == AgentState::kWrapUp;
}

// Pending wishes apply wherever the agent would become ready again, not only at Dispose: a
// ready agent with a pause pending would be offered the next call it asked not to take.
void Agent::CloseCall(AgentChangeCause cause) {
  AgentState next = AgentState::kReady;
  if (pending_logout_) {
    next = AgentState::kOffline;
  } else if (pending_pause_) {
    next = AgentState::kPaused;
    pause_reason_ = std::move(*pending_pause_);
  }
  call_.reset();
  pending_pause_.reset();
  pending_logout_ = false;
  MoveTo(next, cause);
}

// Everything is settled before the listener hears of the change, and nothing is touched after:
// the listener may drive the agent again from inside the callback.
void Agent::MoveTo(AgentState next, AgentChangeCause cause) {
  CancelTimeout();
  base::TimePoint now = clock_.Now();
  time_in_[Index(state_)] += now - state_since_;
  AgentState from = state_;
  state_ = next;
  state_since_ = now;
  if (next != AgentState::kPaused) pause_reason_.clear();
  ArmTimeout();
  if (listener_ != nullptr) listener_->OnAgentStateChanged(*this, from, cause);
}

void Agent::ArmTimeout() {
  std::optional<base::Duration> delay =
      state_ == AgentState::kReserved ? reserve_hold_ : TimeoutFor(state_, timeouts_);
  if (!delay) return;
  timeout_ = clock_.RunAfter(*delay, [this] { OnTimeout(); });
}

void Agent::CancelTimeout() {
  if (!timeout_) return;
  clock_.Cancel(*timeout_);
  timeout_.reset();
}

void Agent::OnTimeout() {
  timeout_.reset();  // it fired; nothing left to cancel
  switch (state_) {
    case AgentState::kReserved:
      CloseCall(AgentChangeCause::kTimeout);
      return;
    case AgentState::kTalking: {
      // The agent is freed first; hanging up is the owner's business, and its OnEnded will find
      // the agent in wrap-up already.
      telephony::CallId call = call_.value_or(0);
      MoveTo(AgentState::kWrapUp, AgentChangeCause::kTimeout);
      if (listener_ != nullptr) listener_->OnTalkTimedOut(*this, call);
      return;
    }
    case AgentState::kWrapUp:
      last_disposition_ = "wrap-up timeout";
      CloseCall(AgentChangeCause::kTimeout);
      return;
    case AgentState::kPaused:
      MoveTo(AgentState::kOffline, AgentChangeCause::kTimeout);
      return;
    case AgentState::kOffline:
    case AgentState::kReady:
      assert(false && "no timer is armed while offline or ready");
      return;
  }
}

}  // namespace callcenter
