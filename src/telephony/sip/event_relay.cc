#include "telephony/sip/event_relay.h"

#include <utility>

namespace telephony::sip {

void EventRelay::SetEvents(CallEvents* events) {
  std::lock_guard lock(mutex_);
  events_ = events;
}

void EventRelay::SetMissedCallSink(MissedCallSink* sink) {
  std::lock_guard lock(mutex_);
  missed_call_sink_ = sink;
}

void EventRelay::Detach() {
  std::lock_guard lock(mutex_);
  events_ = nullptr;
  missed_call_sink_ = nullptr;
  live_.clear();
}

void EventRelay::MarkLive(CallId call) {
  std::lock_guard lock(mutex_);
  live_.insert(call);
}

void EventRelay::Incoming(CallId call, IncomingCall incoming) {
  // Live from the moment SIP saw it, so that a CANCEL racing the delivery still ends it.
  MarkLive(call);
  Deliver(call, [call, incoming = std::move(incoming)](CallEvents& events) {
    events.OnIncoming(call, incoming);
  });
}

void EventRelay::Answered(CallId call, AnswerKind kind) {
  Deliver(call, [call, kind](CallEvents& events) { events.OnAnswered(call, kind); });
}

void EventRelay::Ended(CallId call, EndCause cause) {
  Deliver(
      call, [call, cause](CallEvents& events) { events.OnEnded(call, cause); }, true);
}

void EventRelay::Played(CallId call) {
  Deliver(call, [call](CallEvents& events) { events.OnPlayed(call); });
}

void EventRelay::Digit(CallId call, char digit) {
  Deliver(call, [call, digit](CallEvents& events) { events.OnDigit(call, digit); });
}

void EventRelay::RecordingFailed(CallId call, std::string reason) {
  Deliver(call, [call, reason = std::move(reason)](CallEvents& events) {
    events.OnRecordingFailed(call, reason);
  });
}

void EventRelay::MissedCall(IncomingCall incoming) {
  std::weak_ptr<EventRelay> weak = weak_from_this();
  clock_.RunAfter(base::Duration(0), [weak, incoming = std::move(incoming)] {
    std::shared_ptr<EventRelay> self = weak.lock();
    if (self == nullptr) return;
    MissedCallSink* sink = nullptr;
    {
      std::lock_guard lock(self->mutex_);
      sink = self->missed_call_sink_;
    }
    if (sink != nullptr) sink->OnMissedCall(incoming);
  });
}

void EventRelay::Deliver(CallId call, std::function<void(CallEvents&)> deliver, bool ends) {
  std::weak_ptr<EventRelay> weak = weak_from_this();
  clock_.RunAfter(base::Duration(0), [weak, call, deliver = std::move(deliver), ends] {
    std::shared_ptr<EventRelay> self = weak.lock();
    if (self == nullptr) return;
    CallEvents* events = nullptr;
    {
      std::lock_guard lock(self->mutex_);
      if (!self->live_.contains(call)) return;
      if (ends) self->live_.erase(call);
      events = self->events_;
    }
    // Called outside the lock: the call centre may command calls from inside its callback.
    if (events != nullptr) deliver(*events);
  });
}

}  // namespace telephony::sip
