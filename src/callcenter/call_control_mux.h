#pragma once

#include <memory>
#include <unordered_map>
#include <vector>

#include "telephony/call_control.h"

namespace callcenter {

// Shares one CallControl (one SIP stack, one trunk) among several users, each of which wants to
// be the only CallEvents of a CallControl: the Dialer, and AgentPhones with the legs to the
// agents' phones. Each user gets a view, a CallControl of its own with its own CallEvents:
//
//   - a call dialled through a view reports to that view (its owner) until it ends;
//   - an incoming call is owned by the view chosen with RouteIncomingTo(); with none chosen it
//     is refused (hung up) and nobody hears of it;
//   - Accept, Bridge, Play and Hangup pass straight through from any view, whoever owns the
//     call (the Dialer bridges its callers to agent legs that AgentPhones owns); what follows
//     is reported to the owner of the call it concerns;
//   - events of calls the mux does not know, and events for a view whose events are unset,
//     are dropped.
//
// The mux becomes `network`'s CallEvents. Views live as long as the mux; `network` must
// outlive it. Single-threaded: commands and events on the Clock's thread, as everywhere in
// callcenter; events are passed on as they arrive, so never re-entrantly.
class CallControlMux : public telephony::CallEvents {
 public:
  explicit CallControlMux(telephony::CallControl& network);
  ~CallControlMux() override;
  CallControlMux(const CallControlMux&) = delete;
  CallControlMux& operator=(const CallControlMux&) = delete;

  // A new view; the reference stays valid as long as the mux.
  telephony::CallControl& NewView();
  // Incoming calls go to `view` (one of this mux's views) from now on.
  void RouteIncomingTo(telephony::CallControl& view);

  // Calls known and not yet ended, for tests and the health page.
  std::size_t calls() const { return owners_.size(); }

  // telephony::CallEvents, from the network.
  void OnAnswered(telephony::CallId call, telephony::AnswerKind kind) override;
  void OnEnded(telephony::CallId call, telephony::EndCause cause) override;
  void OnPlayed(telephony::CallId call) override;
  void OnDigit(telephony::CallId call, char digit) override;
  void OnRecordingFailed(telephony::CallId call, const std::string& reason) override;
  void OnIncoming(telephony::CallId call, const telephony::IncomingCall& incoming) override;

 private:
  class View;

  // The events of the view that owns `call`, or null.
  telephony::CallEvents* OwnerOf(telephony::CallId call) const;

  telephony::CallControl& network_;
  std::vector<std::unique_ptr<View>> views_;
  View* incoming_view_ = nullptr;
  std::unordered_map<telephony::CallId, View*> owners_;
};

}  // namespace callcenter
