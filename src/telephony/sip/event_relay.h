#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "base/clock.h"
#include "telephony/call_control.h"
#include "telephony/sip/sip_call_control.h"

namespace telephony::sip {

// Carries events from the SIP and media threads to the Clock's thread, and keeps the
// CallEvents promise there: nothing about a call before it is live (OnIncoming or Dial) or after
// its OnEnded. Thread-safe. Shared with the pending timers, so it outlives the SipCallControl
// that made it until the last delivery has run.
class EventRelay : public std::enable_shared_from_this<EventRelay> {
 public:
  explicit EventRelay(base::Clock& clock) : clock_(clock) {}

  void SetEvents(CallEvents* events);
  void SetMissedCallSink(MissedCallSink* sink);
  // Stops every later delivery (the owner is going away).
  void Detach();

  // A call the call centre dialled: live from now.
  void MarkLive(CallId call);

  void Incoming(CallId call, IncomingCall incoming);
  void Answered(CallId call, AnswerKind kind);
  void Ended(CallId call, EndCause cause);
  void Played(CallId call);
  void Digit(CallId call, char digit);
  void RecordingFailed(CallId call, std::string reason);
  void MissedCall(IncomingCall incoming);

 private:
  // Runs `deliver` on the Clock's thread if `call` is still live then.
  void Deliver(CallId call, std::function<void(CallEvents&)> deliver, bool ends = false);

  base::Clock& clock_;
  std::mutex mutex_;
  CallEvents* events_ = nullptr;
  MissedCallSink* missed_call_sink_ = nullptr;
  std::unordered_set<CallId> live_;
};

}  // namespace telephony::sip
